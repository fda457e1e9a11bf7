/**
 * The dispute statechart: from the first grievance to a deal, imposed terms or an abandoned dispute, with the
 * ballot, mandate, talks, offer and industrial-action regions running side by side while the dispute is live.
 */
import { and, not } from 'xstate';
import { contextFromInput, disputeSetup } from './dispute.setup.js';
import { actionRegion } from './states/action.state.js';
import { ballotRegion } from './states/ballot.state.js';
import { mandateRegion } from './states/mandate.state.js';
import { negotiationRegion } from './states/negotiation.state.js';
import { offerRegion } from './states/offer.state.js';

/** The dispute machine; its context is the dispute's record, its input the rules and the first instant. */
export const disputeMachine = disputeSetup.createMachine({
  id: 'dispute',
  context: contextFromInput,
  initial: 'grievance',
  description:
    'An industrial dispute between a union and an employer or government, under the ballot law in force on each date.',
  on: {
    'office.changed': { actions: 'recordSurroundings' },
    'poll.published': { guard: 'hasPossibleShares', actions: 'recordSurroundings' },
    'terms.imposed': { actions: 'recordSurroundings' },
    'terms.paused': { guard: 'hasTermsInForce', actions: 'recordSurroundings' },
    'terms.implemented': { guard: 'isUnagreedTerms', actions: 'recordSurroundings' },
    'challenge.filed': { guard: 'isNewChallenge', actions: 'recordSurroundings' },
    // A decision whose orders change the mandate or the strikes is taken by those regions, which re-arm their
    // timers; any other is recorded here.
    'challenge.decided': { guard: and(['isPendingChallenge', 'hasPossibleOrders']), actions: 'recordCourtDecision' },
    'law.changed': { guard: 'isNewLawInForce', actions: 'recordSurroundings' },
    'award.published': { actions: 'recordAward' },
    'award.accepted': { guard: 'isPendingAward', actions: 'recordAward' },
    'impact.reported': { guard: 'actionTookPlace', actions: 'recordImpact' },
    'referendum.opened': { guard: and([not('isVoteOnOffer'), 'isNewVote']), actions: 'recordMemberVote' },
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
          { guard: and(['noStrikeCalledOrUnderWay', 'hasImposedTerms']), target: 'imposed', actions: 'recordEnded' },
          { guard: 'noStrikeCalledOrUnderWay', target: 'abandoned', actions: 'recordEnded' },
        ],
      },
      states: {
        ballot: ballotRegion,
        mandate: mandateRegion,
        negotiation: negotiationRegion,
        offer: offerRegion,
        action: actionRegion,
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
