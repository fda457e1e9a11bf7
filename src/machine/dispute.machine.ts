/**
 * The dispute statechart: from the first grievance to a deal, imposed terms or an abandoned dispute, with the
 * ballot, mandate, talks, offer and industrial-action regions running side by side while the dispute is live.
 */
import { and, not } from 'xstate';
import { contextFromInput, disputeSetup } from './dispute.setup.js';

const LAPSED = '#dispute.active.mandate.lapsed';
const SETTLED = '#dispute.settled';

/** A closed ballot moves the mandate region to the mandate it gives, or records that it gave none. */
const onBallotClosed = [
  { guard: 'ballotGivesOpenEndedMandate', target: 'live.window' },
  { guard: 'ballotGivesFixedMandate', target: 'live.term' },
  { guard: 'ballotFails', target: 'failed' },
] as const;

/** Strike calls and changes are the same whenever no strike is under way. */
const strikeCall = { guard: 'hasLiveMandateAndNotice', target: 'announced', actions: 'recordStrikeCalled' } as const;

/** Talks or conciliation can (re)open whenever nobody is at the table. */
const backToTheTable = {
  'talks.opened': { target: 'talking', actions: 'recordTalks' },
  'conciliation.opened': { target: 'conciliation', actions: 'recordConciliation' },
} as const;

/** Suspending or calling off a strike before it starts: the next one stays announced, or action ends. */
const stopCalledStrike = [
  {
    guard: and(['isCalledAction', 'hasStrikesPendingAfterThis']),
    target: 'announced',
    reenter: true,
    actions: 'recordStrikeChanged',
  },
  { guard: and(['isCalledAction', 'hasHeldAction']), target: 'ended', actions: 'recordStrikeChanged' },
  { guard: 'isCalledAction', target: 'none', actions: 'recordStrikeChanged' },
] as const;

/** Suspending or calling off a strike while one is under way: cut the running one short, or drop a later one. */
const stopStrikeWhileStriking = [
  { guard: and(['isRunningAction', 'hasStrikesPending']), target: 'announced', actions: 'recordStrikeChanged' },
  { guard: 'isRunningAction', target: 'ended', actions: 'recordStrikeChanged' },
  { guard: 'isCalledAction', actions: 'recordStrikeChanged' },
] as const;

/** The dispute machine; its context is the dispute's record, its input the rules and the first instant. */
export const disputeMachine = disputeSetup.createMachine({
  id: 'dispute',
  context: contextFromInput,
  initial: 'grievance',
  description:
    'An industrial dispute between a union and an employer or government, under the ballot law in force on each date.',
  on: {
    'office.changed': { actions: 'recordSurroundings' },
    'poll.published': { actions: 'recordSurroundings' },
    'terms.imposed': { actions: 'recordSurroundings' },
    'terms.paused': { guard: 'hasTermsInForce', actions: 'recordSurroundings' },
    'challenge.filed': { guard: 'isNewChallenge', actions: 'recordSurroundings' },
    'challenge.decided': { guard: 'isPendingChallenge', actions: 'recordSurroundings' },
    'law.changed': { guard: 'lawTakesEffect', actions: 'recordSurroundings' },
    'award.published': { actions: 'recordAward' },
    'award.accepted': { guard: 'isPublishedAward', actions: 'recordAward' },
    'impact.reported': { guard: 'actionTookPlace', actions: 'recordImpact' },
    'referendum.opened': { guard: and([not('isVoteOnOffer'), 'canOpenVote']), actions: 'recordMemberVote' },
    'referendum.closed': { guard: and([not('isVoteOnOffer'), 'isOpenVote']), actions: 'recordMemberVote' },
  },
  states: {
    grievance: {
      description:
        'A grievance, but no formal dispute yet: the union has not declared a trade dispute or decided to ballot.',
      on: { 'dispute.declared': { target: 'active', actions: 'recordDeclared' } },
    },
    active: {
      type: 'parallel',
      description:
        'The dispute is live. Ballots, the mandate, talks, offers and industrial action each move on their own, side by side.',
      on: {
        'dispute.ended': [
          { guard: and(['noActionPending', 'hasImposedTerms']), target: 'imposed', actions: 'recordEnded' },
          { guard: 'noActionPending', target: 'abandoned', actions: 'recordEnded' },
        ],
      },
      states: {
        ballot: {
          initial: 'idle',
          description: 'Statutory ballots of the members for industrial action.',
          states: {
            idle: {
              description: 'No ballot is open.',
              on: { 'ballot.opened': { guard: 'canOpenBallot', target: 'open', actions: 'recordBallotOpened' } },
            },
            open: {
              description: 'Members are voting in a statutory ballot; the law in force when it opened will judge it.',
              on: { 'ballot.closed': { guard: 'canCloseBallot', target: 'idle', actions: 'recordBallotClosed' } },
            },
          },
        },
        mandate: {
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
                  description:
                    'Before 2017: action began in time, so the mandate stays live until the union gives it up.',
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
        },
        negotiation: {
          initial: 'noTalks',
          description: 'Talks between the union and the government or employers, and conciliation by Acas.',
          on: {
            'conciliation.requested': { actions: 'recordConciliation' },
            'conciliation.declined': { guard: 'hasConciliationRequest', actions: 'recordConciliation' },
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
              },
            },
            brokenDown: {
              description: 'Talks have broken down; nobody is at the table.',
              on: backToTheTable,
            },
          },
        },
        offer: {
          initial: 'none',
          description: 'Offers on the table and what the committee and the members make of them.',
          states: {
            none: {
              description: 'No offer is on the table.',
              on: { 'offer.made': { guard: 'canMakeOffer', target: 'tabled', actions: 'recordOfferMade' } },
            },
            tabled: {
              description: 'An offer is on the table: the committee can reject it, accept it or put it to the members.',
              on: {
                'offer.made': { guard: 'canMakeOffer', target: 'tabled', actions: 'recordOfferMade' },
                'offer.withdrawn': { guard: 'isOfferOnTable', target: 'none', actions: 'recordOfferDecided' },
                'offer.rejected': { guard: 'isOfferOnTable', target: 'none', actions: 'recordOfferDecided' },
                'offer.accepted': {
                  guard: 'isOfferOnTable',
                  target: SETTLED,
                  actions: ['recordOfferDecided', 'recordEnded'],
                },
                'referendum.opened': {
                  guard: and(['isVoteOnOffer', 'canOpenVote']),
                  target: 'putToMembers',
                  actions: 'recordReferendumOpened',
                },
              },
            },
            putToMembers: {
              description: 'The members are voting on the offer, in a binding referendum or an advisory survey.',
              on: {
                'referendum.closed': [
                  {
                    guard: and(['isVoteOnOffer', 'isOpenVote', 'membersAcceptOffer']),
                    target: SETTLED,
                    actions: ['recordReferendumClosed', 'recordEnded'],
                  },
                  {
                    guard: and(['isVoteOnOffer', 'isOpenVote', 'membersRejectOffer']),
                    target: 'none',
                    actions: 'recordReferendumClosed',
                  },
                  { guard: and(['isVoteOnOffer', 'isOpenVote']), target: 'tabled', actions: 'recordReferendumClosed' },
                ],
                'offer.withdrawn': { guard: 'isOfferOnTable', target: 'none', actions: 'recordOfferDecided' },
              },
            },
          },
        },
        action: {
          initial: 'none',
          description: 'Industrial action: strikes called with notice, under way, and over.',
          states: {
            none: {
              description: 'No industrial action has been called.',
              on: { 'strike.called': strikeCall },
            },
            announced: {
              description: 'A strike has been called and notice is running; it starts by itself on its date.',
              after: {
                untilNextStrike: [
                  { guard: 'hasLiveMandateForNextStrike', target: 'striking', actions: 'recordStrikeStarted' },
                  {
                    guard: 'hasMoreThanOneStrikePending',
                    target: 'announced',
                    reenter: true,
                    actions: 'recordStrikeLapsed',
                  },
                  { guard: 'hasHeldAction', target: 'ended', actions: 'recordStrikeLapsed' },
                  { target: 'none', actions: 'recordStrikeLapsed' },
                ],
              },
              on: {
                'strike.called': {
                  guard: 'hasLiveMandateAndNotice',
                  target: 'announced',
                  reenter: true,
                  actions: 'recordStrikeCalled',
                },
                'strike.rescheduled': {
                  guard: 'hasLiveMandateAndNotice',
                  target: 'announced',
                  reenter: true,
                  actions: 'recordStrikeChanged',
                },
                'strike.rescoped': { guard: 'isCalledAction', actions: 'recordStrikeChanged' },
                'strike.suspended': stopCalledStrike,
                'strike.cancelled': stopCalledStrike,
              },
            },
            striking: {
              description: 'Doctors are on strike; the strike ends by itself at its end time.',
              after: {
                untilStrikeEnds: [
                  { guard: 'hasStrikesPending', target: 'announced', actions: 'recordStrikeEnded' },
                  { target: 'ended', actions: 'recordStrikeEnded' },
                ],
              },
              on: {
                'strike.called': { guard: 'hasLiveMandateAndNotice', actions: 'recordStrikeCalled' },
                'strike.rescheduled': { guard: 'hasLiveMandateAndNotice', actions: 'recordStrikeChanged' },
                'strike.rescoped': { guard: 'isCalledAction', actions: 'recordStrikeChanged' },
                'strike.suspended': stopStrikeWhileStriking,
                'strike.cancelled': stopStrikeWhileStriking,
              },
            },
            ended: {
              description: 'Strikes have been held; none is called now.',
              on: { 'strike.called': strikeCall },
            },
          },
        },
      },
    },
    settled: {
      type: 'final',
      description: 'Settled: the union accepted an offer, by a member referendum or a committee decision.',
    },
    imposed: {
      type: 'final',
      description: 'Imposed: the employer introduced terms without agreement and the union ended the dispute.',
    },
    abandoned: {
      type: 'final',
      description: 'Abandoned: the union ended the dispute with neither a deal nor imposed terms.',
    },
  },
});

/** The dispute machine's type. */
export type DisputeMachine = typeof disputeMachine;
