/**
 * The negotiation region of the live dispute. Talks and Acas conciliation: no talks, talking, conciliation, broken
 * down.
 */
/** Talks or conciliation can (re)open whenever nobody is at the table. */
const backToTheTable = {
  'talks.opened': { target: 'talking', actions: 'recordTalks' },
  'conciliation.opened': { target: 'conciliation', actions: 'recordConciliation' },
} as const;

/** The negotiation region's states and transitions. */
export const negotiationRegion = {
  initial: 'noTalks',
  description: 'Talks between the union and the government or employers, and conciliation by Acas.',
  on: {
    'conciliation.requested': { actions: 'recordConciliation' },
    'conciliation.declined': { guard: 'hasPendingConciliationRequest', actions: 'recordConciliation' },
  },
  states: {
    noTalks: {
      description: 'The parties are not in talks.',
      on: backToTheTable,
    },
    talking: {
      description: 'The parties are in talks, directly or with a mediator.',
      on: {
        'talks.opened': { target: 'talking', actions: 'recordTalks' },
        'talks.collapsed': { target: 'brokenDown', actions: 'recordTalks' },
        'talks.concluded': { target: 'noTalks', actions: 'recordTalks' },
        'conciliation.opened': { target: 'conciliation', actions: 'recordConciliation' },
      },
    },
    conciliation: {
      description: 'Acas is conciliating between the parties.',
      on: {
        'conciliation.ended': [
          { guard: 'conciliationReachedAgreement', target: 'talking', actions: 'recordConciliation' },
          { target: 'brokenDown', actions: 'recordConciliation' },
        ],
        'talks.collapsed': { target: 'brokenDown', actions: 'recordTalks' },
        'talks.concluded': { target: 'noTalks', actions: 'recordTalks' },
      },
    },
    brokenDown: {
      description: 'Talks have broken down; nobody is at the table.',
      on: backToTheTable,
    },
  },
} as const;
