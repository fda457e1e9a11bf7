/**
 * The mandate region of the live dispute. The mandate a successful ballot gives: none, live (for a fixed term, or
 * before 2017 until given up once action begins), lapsed, given up, or failed.
 */
const LAPSED = '#dispute.active.mandate.lapsed';

/** A closed ballot moves the mandate region to the mandate it gives, or records that it gave none. */
const onBallotClosed = [
  { guard: 'ballotGivesOpenEndedMandate', target: 'live.window' },
  { guard: 'ballotGivesFixedMandate', target: 'live.term' },
  { guard: 'ballotFails', target: 'failed' },
] as const;

/** The mandate region's states and transitions. */
export const mandateRegion = {
  initial: 'none',
  description: 'The legal mandate for industrial action that a successful ballot gives.',
  states: {
    none: {
      description: 'No ballot has yet given the union a mandate: any strike now would be unlawful.',
      on: { 'ballot.closed': onBallotClosed },
    },
    failed: {
      description:
        'The last ballot failed: too few voted, or too few of those entitled voted yes, so there is no mandate.',
      on: { 'ballot.closed': onBallotClosed },
    },
    live: {
      initial: 'term',
      description: 'The union holds a live mandate and may call lawful industrial action with due notice.',
      on: {
        'ballot.closed': [
          { guard: 'ballotGivesOpenEndedMandate', target: '.window', reenter: true },
          { guard: 'ballotGivesFixedMandate', target: '.term', reenter: true },
        ],
        'mandate.relinquished': {
          guard: 'canRelinquishMandate',
          target: 'relinquished',
          actions: 'recordMandateRelinquished',
        },
      },
      states: {
        term: {
          description:
            'A fixed-term mandate (six months under the 2016 Act, twelve under the 2025 Act); it lapses by itself on its expiry date.',
          after: { untilMandateExpires: { target: LAPSED, actions: 'recordMandateLapsed' } },
          on: {
            'mandate.extended': {
              guard: 'canExtendMandate',
              target: 'term',
              reenter: true,
              actions: 'recordMandateExtended',
            },
          },
        },
        window: {
          description:
            'Before 2017: action must begin within four weeks of the ballot (longer by agreement), or the mandate is lost.',
          after: {
            untilActionWindowCloses: [
              { guard: 'actionBegunUnderMandate', target: 'openEnded', actions: 'recordMandateSecured' },
              { target: LAPSED, actions: 'recordMandateLapsed' },
            ],
          },
          on: {
            'mandate.extended': {
              guard: 'canExtendMandate',
              target: 'window',
              reenter: true,
              actions: 'recordMandateExtended',
            },
          },
        },
        openEnded: {
          description: 'Before 2017: action began in time, so the mandate stays live until the union gives it up.',
        },
      },
    },
    lapsed: {
      description: 'The mandate has run out; a new ballot is needed before any further strike.',
      on: { 'ballot.closed': onBallotClosed },
    },
    relinquished: {
      description: 'The union has given up its mandate.',
      on: { 'ballot.closed': onBallotClosed },
    },
  },
} as const;
