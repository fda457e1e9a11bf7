import { describe, expect, it } from 'vitest';
import type { AnyStateNode } from 'xstate';
import { regimeById } from '../../src/domain/regimes.js';
import { RULES, type RuleGuard } from '../../src/machine/checks.js';
import { type DisputeContext, initialContext } from '../../src/machine/context.js';
import { disputeMachine, problemWith } from '../../src/machine/index.js';
import { DisputeEvent, EVENT_TYPES, type EventOf } from '../../src/schemas/events/index.js';
import type {
  ActionRecord,
  AwardRecord,
  BallotRecord,
  ChallengeRecord,
  ConciliationRecord,
  ImpositionRecord,
  MandateRecord,
  OfferRecord,
  ReferendumRecord,
} from '../../src/schemas/record.js';

type Type = DisputeEvent['type'];
type Guard = (args: { context: DisputeContext; event: DisputeEvent }) => boolean;

const GUARDS = disputeMachine.implementations.guards as unknown as Record<string, Guard>;
const RULE_GUARDS = RULES as Record<string, RuleGuard>;

/** The guards that choose between branches, and the event types each tests; `record` for those that read only the record. */
const BRANCHES: Record<string, readonly Type[] | 'record'> = {
  isMainBallot: ['ballot.closed'],
  ballotGivesOpenEndedMandate: ['ballot.closed'],
  ballotGivesFixedMandate: ['ballot.closed'],
  ballotFails: ['ballot.closed'],
  hasStrikesPendingAfterThis: ['strike.suspended', 'strike.cancelled'],
  isRunningAction: ['strike.suspended', 'strike.cancelled'],
  isVoteOnOffer: ['referendum.opened', 'referendum.closed'],
  membersAcceptOffer: ['referendum.closed'],
  membersRejectOffer: ['referendum.closed'],
  conciliationReachedAgreement: ['conciliation.ended'],
  hasLiveMandateForNextStrike: 'record',
  hasStrikesPending: 'record',
  hasMoreThanOneStrikePending: 'record',
  hasHeldAction: 'record',
  actionBegunUnderMandate: 'record',
  hasImposedTerms: 'record',
  courtEndsMandateNow: ['challenge.decided'],
  courtFixesMandateEnd: ['challenge.decided'],
  courtChangesStrikes: ['challenge.decided'],
  courtEndsRunningStrike: ['challenge.decided'],
  courtLeavesStrikesPending: ['challenge.decided'],
};

/** The event types a guard tests; undefined for a guard that reads only the record. */
const testedBy = (name: string): readonly Type[] | undefined => {
  const own = RULE_GUARDS[name]?.types ?? BRANCHES[name];
  return own === 'record' ? undefined : own;
};

const at = '2023-03-01';
const fresh = initialContext({ start: '2023-01-01', rules: 'tua-2016' });
/** The facts a case puts in the record, each named as in the record. */
interface Facts {
  ballots?: BallotRecord[];
  mandate?: MandateRecord;
  actions?: ActionRecord[];
  offers?: OfferRecord[];
  referendums?: ReferendumRecord[];
  awards?: AwardRecord[];
  conciliation?: ConciliationRecord[];
  impositions?: ImpositionRecord[];
  challenges?: ChallengeRecord[];
  inForce?: DisputeContext['law']['inForce'];
}

/**
 * A fresh record holding these facts, each in its group; the strikes pending (called, earliest start first) and
 * running follow from the actions' statuses, as the machine keeps them.
 */
const ctx = (facts: Facts): DisputeContext => {
  const actions = facts.actions ?? [];
  const pending = actions
    .filter((a) => a.status === 'called')
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return {
    ...fresh,
    law: { ...fresh.law, inForce: facts.inForce ?? fresh.law.inForce },
    balloting: {
      ...fresh.balloting,
      ballots: facts.ballots ?? [],
      mandate: facts.mandate ?? null,
    },
    negotiation: {
      ...fresh.negotiation,
      offers: facts.offers ?? [],
      referendums: facts.referendums ?? [],
      awards: facts.awards ?? [],
      conciliation: facts.conciliation ?? [],
    },
    action: {
      ...fresh.action,
      actions,
      pending: pending.map((a) => a.id),
      running: actions.find((a) => a.status === 'running')?.id ?? null,
    },
    surroundings: {
      ...fresh.surroundings,
      impositions: facts.impositions ?? [],
      challenges: facts.challenges ?? [],
    },
  };
};

/** One event of every type, lawful on a record that has what it needs (ballot b1, action s1, offer o1, …). */
const SAMPLES: { [T in Type]: EventOf<T> } = {
  'dispute.declared': { type: 'dispute.declared', at, by: 'BMA', claim: { summary: 'pay' } },
  'ballot.opened': { type: 'ballot.opened', at, ballot: 'b2' },
  'ballot.closed': { type: 'ballot.closed', at, ballot: 'b1', entitled: 1000, cast: 700, yes: 650, no: 50 },
  'mandate.extended': { type: 'mandate.extended', at, until: '2023-09-20' },
  'mandate.relinquished': { type: 'mandate.relinquished', at },
  'talks.opened': { type: 'talks.opened', at, with: 'government' },
  'talks.collapsed': { type: 'talks.collapsed', at },
  'talks.concluded': { type: 'talks.concluded', at },
  'conciliation.requested': { type: 'conciliation.requested', at, by: 'NHS Employers' },
  'conciliation.declined': { type: 'conciliation.declined', at, by: 'the government' },
  'conciliation.opened': { type: 'conciliation.opened', at },
  'conciliation.ended': { type: 'conciliation.ended', at, agreement: true },
  'offer.made': { type: 'offer.made', at, offer: 'o2', by: 'the government', summary: '5%' },
  'offer.withdrawn': { type: 'offer.withdrawn', at, offer: 'o1' },
  'offer.rejected': { type: 'offer.rejected', at, offer: 'o1' },
  'offer.accepted': { type: 'offer.accepted', at, offer: 'o1' },
  'referendum.opened': { type: 'referendum.opened', at, referendum: 'r1', kind: 'referendum', offer: 'o1' },
  'referendum.closed': { type: 'referendum.closed', at, referendum: 'r1', yesPct: 60, noPct: 40 },
  'award.published': { type: 'award.published', at, award: 'a1', body: 'DDRB', summary: '6%' },
  'award.accepted': { type: 'award.accepted', at, award: 'a1', inFull: true },
  'strike.called': {
    type: 'strike.called',
    at,
    action: 's2',
    start: '2023-03-20',
    end: '2023-03-22',
    scope: 'full-walkout',
  },
  'strike.rescheduled': { type: 'strike.rescheduled', at, action: 's1', start: '2023-03-20', end: '2023-03-22' },
  'strike.rescoped': { type: 'strike.rescoped', at, action: 's1', scope: 'emergency-care-only' },
  'strike.suspended': { type: 'strike.suspended', at, action: 's1' },
  'strike.cancelled': { type: 'strike.cancelled', at, action: 's1' },
  'impact.reported': { type: 'impact.reported', at, action: 's1', by: 'NHS England' },
  'terms.imposed': { type: 'terms.imposed', at, by: 'Jeremy Hunt', summary: 'new contract' },
  'terms.paused': { type: 'terms.paused', at, by: 'Jeremy Hunt' },
  'terms.implemented': { type: 'terms.implemented', at, by: 'NHS Staff Council', summary: '5%', offer: 'o1' },
  'challenge.filed': { type: 'challenge.filed', at, challenge: 'c1', by: 'Justice for Health', summary: 'review' },
  'challenge.decided': { type: 'challenge.decided', at, challenge: 'c1', result: 'dismissed' },
  'office.changed': { type: 'office.changed', at, role: 'health secretary', holder: 'a minister' },
  'poll.published': { type: 'poll.published', at, pollster: 'Ipsos', supportPct: 50, opposePct: 30 },
  'law.changed': { type: 'law.changed', at: '2026-02-18', regime: 'era-2025' },
  'dispute.ended': { type: 'dispute.ended', at },
};
const sample = <T extends Type>(type: T, patch: Partial<EventOf<T>> = {}): EventOf<T> =>
  ({ ...SAMPLES[type], ...patch }) as EventOf<T>;

// Records a case puts in the context.
const ballot = (regime: 'tua-2016' | 'tulrca-1992' = 'tua-2016', patch = {}) => ({
  id: 'b1',
  regime,
  openedAt: '2023-01-09',
  ...patch,
});
const mandate = (patch: Partial<MandateRecord> = {}): MandateRecord => ({
  ballot: 'b1',
  regime: 'tua-2016' as const,
  grantedAt: '2023-01-20',
  expiresAt: '2023-07-20',
  startBy: null,
  ...patch,
});
const action = (id: string, status: ActionRecord['status'], patch: Partial<ActionRecord> = {}): ActionRecord => ({
  id,
  scope: 'full-walkout',
  start: '2023-03-13',
  end: '2023-03-16',
  calledAt: '2023-02-24',
  ballot: 'b1',
  status,
  changes: [],
  ...patch,
});
const offer = (id: string, status: OfferRecord['status']): OfferRecord => ({
  id,
  by: 'the government',
  summary: '5%',
  madeAt: '2023-02-01',
  status,
});
const vote = (patch = {}) => ({ id: 'r1', kind: 'referendum' as const, offer: 'o1', openedAt: '2023-02-02', ...patch });
/** A challenge filed and not yet decided. */
const FILED: ChallengeRecord = {
  id: 'c1',
  by: 'the Secretary of State',
  summary: 'the mandate has ended',
  filedAt: '2023-02-01',
};
const withMandate = (facts: Facts = {}) => ctx({ ballots: [ballot()], mandate: mandate(), ...facts });

/** A guard asked about one event on one record: whether it holds and, for a rule that does not, the reason. */
interface Case {
  title: string;
  context: DisputeContext;
  event: DisputeEvent;
  holds: boolean;
  reason?: string;
  /** Whether this rule is what refuses the event (false where another transition takes it). */
  refuses?: false;
}
const yes = (title: string, context: DisputeContext, event: DisputeEvent): Case => ({
  title,
  context,
  event,
  holds: true,
});
const no = (title: string, context: DisputeContext, event: DisputeEvent, reason?: string): Case => ({
  title,
  context,
  event,
  holds: false,
  ...(reason ? { reason } : {}),
});

const TUA = regimeById('tua-2016').name;
const ERA = regimeById('era-2025').name;
const called = ctx({ actions: [action('s1', 'called')] });
const running = ctx({ actions: [action('s1', 'running')] });
const held = ctx({ actions: [action('s1', 'held')] });
const tabled = ctx({ offers: [offer('o1', 'open')] });
const voting = ctx({ offers: [offer('o1', 'putToMembers')], referendums: [vote()] });

const CASES: Record<string, Case[]> = {
  isNewBallot: [
    yes('a ballot of a new name', fresh, sample('ballot.opened')),
    no(
      'a name already used',
      ctx({ ballots: [ballot('tua-2016', { id: 'b2' })] }),
      sample('ballot.opened'),
      'a ballot "b2" was already held',
    ),
    no('closing as it opens', fresh, sample('ballot.opened', { closes: at }), 'the ballot closes before it opens'),
  ],
  isOpenBallot: [
    yes('the open ballot', ctx({ ballots: [ballot()] }), sample('ballot.closed')),
    no('a ballot never opened', fresh, sample('ballot.closed'), 'no ballot "b1" was opened'),
    no(
      'a ballot closed already',
      ctx({ ballots: [ballot('tua-2016', { closedAt: '2023-01-20' })] }),
      sample('ballot.closed'),
      'ballot "b1" has already closed',
    ),
    no(
      'more votes than voters',
      ctx({ ballots: [ballot()] }),
      sample('ballot.closed', { cast: 1001 }),
      '1001 votes cast, but only 1000 members were entitled to vote',
    ),
    no(
      'more yes and no than votes',
      ctx({ ballots: [ballot()] }),
      sample('ballot.closed', { yes: 700 }),
      '700 yes and 50 no make 750, more than the 700 votes cast',
    ),
  ],
  isAllowedExtension: [
    yes('to nine months under the 2016 Act', withMandate(), sample('mandate.extended')),
    no('without a mandate', fresh, sample('mandate.extended'), 'there is no mandate to extend'),
    no(
      'not later than the expiry',
      withMandate(),
      sample('mandate.extended', { until: '2023-07-01' }),
      'the new expiry is not later than the current one',
    ),
    no(
      'past nine months',
      withMandate(),
      sample('mandate.extended', { until: '2023-11-01' }),
      'a mandate can run at most 9 months by agreement',
    ),
    no(
      'under the 2025 Act',
      withMandate({ mandate: mandate({ regime: 'era-2025' }) }),
      sample('mandate.extended'),
      `${ERA} allows no extension of a mandate by agreement`,
    ),
    yes(
      'the window to begin action, before 2017',
      withMandate({ mandate: mandate({ regime: 'tulrca-1992', expiresAt: null, startBy: '2023-02-17' }) }),
      sample('mandate.extended'),
    ),
    no(
      'once action has begun, before 2017',
      withMandate({ mandate: mandate({ regime: 'tulrca-1992', expiresAt: null }) }),
      sample('mandate.extended'),
      'action has begun: the mandate already lasts until it is given up',
    ),
  ],
  noStrikeCalledOrUnderWay: [
    yes('giving up the mandate with no strike called', fresh, sample('mandate.relinquished')),
    yes('ending the dispute after strikes were held', held, sample('dispute.ended')),
    no(
      'giving up the mandate during a strike',
      running,
      sample('mandate.relinquished'),
      'a strike is under way: end it before giving up the mandate',
    ),
    no(
      'giving up the mandate with a strike called',
      called,
      sample('mandate.relinquished'),
      'strikes are still called (s1): call them off first',
    ),
    no('ending the dispute during a strike', running, sample('dispute.ended'), 'a strike is under way'),
    no('ending the dispute with a strike called', called, sample('dispute.ended'), 'strikes are still called (s1)'),
  ],
  isNewAction: [
    yes('an action of a new name', fresh, sample('strike.called')),
    no(
      'a name already used',
      ctx({ actions: [action('s2', 'cancelled')] }),
      sample('strike.called'),
      'an action "s2" was already called',
    ),
    no(
      'ending as it starts',
      withMandate(),
      sample('strike.called', { end: '2023-03-20' }),
      'the strike ends before it starts',
    ),
  ],
  isPendingAction: [
    yes('a strike called and not begun', called, sample('strike.rescheduled')),
    no('a strike never called', fresh, sample('strike.rescheduled'), 'no action "s1" was called'),
    no('a strike under way', running, sample('strike.rescheduled'), 'action "s1" is already under way'),
    no(
      'a strike suspended',
      ctx({ actions: [action('s1', 'suspended')] }),
      sample('strike.rescheduled'),
      'action "s1" is suspended',
    ),
  ],
  hasMandateAndNotice: [
    yes('19 days’ notice under a live mandate', withMandate(), sample('strike.called')),
    yes(
      'new dates under a live mandate',
      withMandate({ actions: [action('s1', 'called')] }),
      sample('strike.rescheduled'),
    ),
    no('no mandate', fresh, sample('strike.called'), 'there is no live mandate for industrial action'),
    no(
      'a mandate given up',
      withMandate({ mandate: mandate({ endedAt: '2023-02-01', end: 'relinquished' }) }),
      sample('strike.called'),
      'there is no live mandate for industrial action',
    ),
    no(
      '13 days’ notice',
      withMandate(),
      sample('strike.called', { start: '2023-03-14' }),
      `only 13 days' notice; ${TUA} requires 14`,
    ),
    no(
      'running past the expiry',
      withMandate({ mandate: mandate({ expiresAt: '2023-03-21' }) }),
      sample('strike.called'),
      'the mandate expires on 2023-03-21: the strike must end before then',
    ),
    no(
      'beginning after the window, before 2017',
      withMandate({ mandate: mandate({ regime: 'tulrca-1992', expiresAt: null, startBy: '2023-03-10' }) }),
      sample('strike.called'),
      'action must begin by 2023-03-10 under this ballot',
    ),
    yes(
      'after the window, behind a strike that begins in it',
      withMandate({
        mandate: mandate({ regime: 'tulrca-1992', expiresAt: null, startBy: '2023-03-10' }),
        actions: [action('s1', 'called', { start: '2023-03-09' })],
      }),
      sample('strike.called'),
    ),
  ],
  isCalledOrRunningAction: [
    yes('a strike called', called, sample('strike.suspended')),
    yes('a strike under way', running, sample('strike.rescoped')),
    no('a strike never called', fresh, sample('strike.cancelled'), 'no action "s1" was called'),
    no('a strike held', held, sample('strike.cancelled'), 'action "s1" is held'),
  ],
  actionTookPlace: [
    yes('a strike held', held, sample('impact.reported')),
    yes('a strike under way', running, sample('impact.reported')),
    no('a strike never called', fresh, sample('impact.reported'), 'no action "s1" was called'),
    no('a strike not begun', called, sample('impact.reported'), 'action "s1" did not take place'),
  ],
  isNewOffer: [
    yes('an offer of a new name', tabled, sample('offer.made')),
    no(
      'a name already used',
      ctx({ offers: [offer('o2', 'rejected')] }),
      sample('offer.made'),
      'an offer "o2" was already made',
    ),
  ],
  noOfferPutToMembers: [
    yes('an offer on the table, not before the members', tabled, sample('offer.made')),
    no('members voting on an offer', voting, sample('offer.made'), 'members are still voting on offer "o1"'),
  ],
  isOfferOnTable: [
    yes('the offer on the table', tabled, sample('offer.accepted')),
    yes('the offer before the members', voting, sample('offer.withdrawn')),
    no('an offer never made', fresh, sample('offer.withdrawn'), 'no offer "o1" was ever made'),
    no(
      'an offer superseded',
      ctx({ offers: [offer('o1', 'superseded'), offer('o2', 'open')] }),
      sample('offer.withdrawn'),
      'offer "o1" is not on the table (it was superseded)',
    ),
  ],
  isOfferWithCommittee: [
    yes('rejecting the offer on the table', tabled, sample('offer.rejected')),
    yes('putting the offer on the table to the members', tabled, sample('referendum.opened')),
    no('rejecting an offer before the members', voting, sample('offer.rejected'), 'the members are voting on it'),
    no(
      'a second vote on it',
      ctx({ offers: [offer('o1', 'putToMembers')] }),
      sample('referendum.opened', { referendum: 'r2' }),
      'offer "o1" is already before the members',
    ),
    no('an offer never made', fresh, sample('referendum.opened'), 'no offer "o1" was ever made'),
    {
      ...no(
        'a vote on a question',
        tabled,
        sample('referendum.opened', { offer: undefined, question: 'strike?' }),
        'the vote is not on an offer',
      ),
      refuses: false,
    },
  ],
  isNewVote: [
    yes('a vote of a new name', tabled, sample('referendum.opened')),
    yes('a vote on a question', fresh, sample('referendum.opened', { offer: undefined, question: 'strike?' })),
    no(
      'a name already used',
      ctx({ referendums: [vote({ closedAt: '2023-02-20' })] }),
      sample('referendum.opened'),
      'a vote "r1" was already held',
    ),
    no(
      'neither an offer nor a question',
      fresh,
      sample('referendum.opened', { offer: undefined }),
      'a vote needs an offer or a question',
    ),
  ],
  isOpenVote: [
    yes('the vote open', voting, sample('referendum.closed')),
    no('a vote never opened', fresh, sample('referendum.closed'), 'no vote "r1" was opened'),
    no(
      'a vote closed already',
      ctx({ referendums: [vote({ closedAt: '2023-02-20' })] }),
      sample('referendum.closed'),
      'vote "r1" has already closed',
    ),
    no(
      'shares over 100%',
      voting,
      sample('referendum.closed', { noPct: 50 }),
      'yesPct 60% and noPct 50% add up to 110%, over 100%',
    ),
    no(
      'more votes than voters',
      voting,
      sample('referendum.closed', { cast: 11, entitled: 10 }),
      '11 votes cast, but only 10 members were entitled to vote',
    ),
  ],
  isPendingAward: [
    yes(
      'an award published',
      ctx({ awards: [{ id: 'a1', body: 'DDRB', summary: '6%', publishedAt: '2023-02-01' }] }),
      sample('award.accepted'),
    ),
    no('an award never published', fresh, sample('award.accepted'), 'no award "a1" was published'),
    no(
      'an award accepted already',
      ctx({ awards: [{ id: 'a1', body: 'DDRB', summary: '6%', publishedAt: '2023-02-01', acceptedAt: '2023-02-02' }] }),
      sample('award.accepted'),
      'award "a1" was already accepted',
    ),
  ],
  isNewChallenge: [
    yes('a challenge of a new name', fresh, sample('challenge.filed')),
    no(
      'a name already used',
      ctx({ challenges: [{ id: 'c1', by: 'x', summary: 'y', filedAt: '2023-02-01' }] }),
      sample('challenge.filed'),
      'a challenge "c1" was already filed',
    ),
  ],
  isKnownResult: [
    yes('counts that decide every test', ctx({ ballots: [ballot()] }), sample('ballot.closed')),
    yes(
      'published shares that decide every test',
      ctx({ ballots: [ballot()] }),
      sample('ballot.closed', {
        entitled: undefined,
        cast: undefined,
        yes: undefined,
        no: undefined,
        turnoutPct: 43.4,
        yesPct: 84,
      }),
    ),
    yes(
      'no figures, the result as announced',
      ctx({ ballots: [ballot()] }),
      sample('ballot.closed', {
        entitled: undefined,
        cast: undefined,
        yes: undefined,
        no: undefined,
        result: 'mandate',
      }),
    ),
    yes(
      'a disaggregated ballot, constituencies only',
      ctx({ ballots: [ballot()] }),
      sample('ballot.closed', {
        entitled: undefined,
        cast: undefined,
        yes: undefined,
        no: undefined,
        constituencies: { met: 130, unit: 'NHS organisations' },
      }),
    ),
    no(
      'cast and yes without those entitled, and no result',
      ctx({ ballots: [ballot()] }),
      sample('ballot.closed', { entitled: undefined, no: undefined }),
      'the figures given do not decide the turnout, support tests: give the result as announced (result: mandate or no-mandate)',
    ),
    no(
      'a result the figures contradict',
      ctx({ ballots: [ballot()] }),
      sample('ballot.closed', { cast: 400, yes: 350, no: 50, result: 'mandate' }),
      'the result says a mandate, but turnout 40.0% is under the 50.0% threshold; yes votes are 35.0% of those entitled, under the 40.0% threshold',
    ),
  ],
  isCoveredByMandate: [
    yes(
      'as many employers as the mandate covers',
      withMandate({ mandate: mandate({ covers: { count: 130, unit: 'NHS organisations' } }) }),
      sample('strike.called', { employers: { count: 130, kind: 'NHS trusts' } }),
    ),
    yes('no count of employers', withMandate(), sample('strike.called')),
    no(
      'more employers than constituencies covered',
      withMandate({ mandate: mandate({ covers: { count: 130, unit: 'NHS organisations' } }) }),
      sample('strike.called', { employers: { count: 131, kind: 'NHS trusts' } }),
      'the mandate covers 130 NHS organisations, fewer than the 131 NHS trusts called',
    ),
  ],
  hasPossibleOrders: [
    yes('a decision ordering nothing', fresh, sample('challenge.decided')),
    yes(
      'ending a live mandate early',
      withMandate({ challenges: [FILED] }),
      sample('challenge.decided', { result: 'upheld', mandateEnds: '2023-06-01' }),
    ),
    yes(
      'cutting a called strike short',
      withMandate({ challenges: [FILED], actions: [action('s1', 'called')] }),
      sample('challenge.decided', { result: 'upheld', strikes: [{ action: 's1', endsAt: '2023-03-14' }] }),
    ),
    no(
      'stopping a strike never called',
      withMandate({ challenges: [FILED] }),
      sample('challenge.decided', { result: 'upheld', strikes: [{ action: 's9' }] }),
      'no action "s9" is called or under way for the court to stop',
    ),
    no(
      'a limit after the strike ends',
      withMandate({ challenges: [FILED], actions: [action('s1', 'called')] }),
      sample('challenge.decided', { result: 'upheld', strikes: [{ action: 's1', endsAt: '2023-03-17' }] }),
      'action "s1" already ends on 2023-03-16, before the court\'s limit',
    ),
    no(
      'ending a mandate never held',
      ctx({ challenges: [FILED] }),
      sample('challenge.decided', { result: 'upheld', mandateEnds: '2023-06-01' }),
      'there is no live mandate for the court to end',
    ),
    no(
      'extending a mandate',
      withMandate({ challenges: [FILED] }),
      sample('challenge.decided', { result: 'upheld', mandateEnds: '2023-08-01' }),
      "the mandate expires on 2023-07-20: a court's decision cannot extend it",
    ),
    no(
      'orders on a dismissed challenge',
      withMandate({ challenges: [FILED] }),
      sample('challenge.decided', { mandateEnds: '2023-06-01' }),
      'a dismissed challenge orders nothing: only an upheld or partly-upheld one can end a mandate or stop a strike',
    ),
  ],
  courtEndsMandateNow: [
    yes(
      'a mandate declared over already',
      withMandate({ challenges: [FILED] }),
      sample('challenge.decided', { result: 'upheld', mandateEnds: '2023-02-28' }),
    ),
    no(
      'a mandate ending later',
      withMandate({ challenges: [FILED] }),
      sample('challenge.decided', { result: 'upheld', mandateEnds: '2023-06-01' }),
    ),
    no('no mandate ordered', withMandate({ challenges: [FILED] }), sample('challenge.decided', { result: 'upheld' })),
  ],
  courtFixesMandateEnd: [
    yes(
      'a mandate ending later',
      withMandate({ challenges: [FILED] }),
      sample('challenge.decided', { result: 'upheld', mandateEnds: '2023-06-01' }),
    ),
    no(
      'a mandate declared over already',
      withMandate({ challenges: [FILED] }),
      sample('challenge.decided', { result: 'upheld', mandateEnds: '2023-02-28' }),
    ),
    no('a dismissed challenge', withMandate({ challenges: [FILED] }), sample('challenge.decided')),
  ],
  courtChangesStrikes: [
    yes(
      'a mandate ended before a called strike ends',
      withMandate({ challenges: [FILED], actions: [action('s1', 'called')] }),
      sample('challenge.decided', { result: 'upheld', mandateEnds: '2023-03-15' }),
    ),
    no(
      'a mandate ended after every strike',
      withMandate({ challenges: [FILED], actions: [action('s1', 'called')] }),
      sample('challenge.decided', { result: 'upheld', mandateEnds: '2023-06-01' }),
    ),
  ],
  courtEndsRunningStrike: [
    yes(
      'the running strike stopped',
      withMandate({ challenges: [FILED], actions: [action('s1', 'running')] }),
      sample('challenge.decided', { result: 'upheld', strikes: [{ action: 's1' }] }),
    ),
    no(
      'the running strike cut to a later end',
      withMandate({ challenges: [FILED], actions: [action('s1', 'running', { end: '2023-03-04' })] }),
      sample('challenge.decided', { result: 'upheld', strikes: [{ action: 's1', endsAt: '2023-03-03' }] }),
    ),
  ],
  courtLeavesStrikesPending: [
    yes(
      'one of two called strikes stopped',
      withMandate({
        actions: [action('s1', 'called'), action('s2', 'called', { start: '2023-04-01', end: '2023-04-02' })],
      }),
      sample('challenge.decided', { result: 'upheld', strikes: [{ action: 's1' }] }),
    ),
    no(
      'the only called strike stopped',
      withMandate({ challenges: [FILED], actions: [action('s1', 'called')] }),
      sample('challenge.decided', { result: 'upheld', strikes: [{ action: 's1' }] }),
    ),
  ],
  isUnagreedTerms: [
    yes('an offer the members rejected', ctx({ offers: [offer('o1', 'rejected')] }), sample('terms.implemented')),
    yes('terms of no offer', fresh, sample('terms.implemented', { offer: undefined })),
    no('an offer never made', fresh, sample('terms.implemented'), 'no offer "o1" was ever made'),
    no(
      'an offer the union accepted',
      ctx({ offers: [offer('o1', 'accepted')] }),
      sample('terms.implemented'),
      'offer "o1" was accepted by the union: its terms are a deal',
    ),
    no(
      'an offer still before the union',
      tabled,
      sample('terms.implemented'),
      'offer "o1" is still before the union, which has not answered it',
    ),
  ],
  isPendingChallenge: [
    yes(
      'a challenge filed',
      ctx({ challenges: [{ id: 'c1', by: 'x', summary: 'y', filedAt: '2023-02-01' }] }),
      sample('challenge.decided'),
    ),
    no('a challenge never filed', fresh, sample('challenge.decided'), 'no challenge "c1" was filed'),
    no(
      'a challenge decided already',
      ctx({ challenges: [{ id: 'c1', by: 'x', summary: 'y', filedAt: '2023-02-01', decidedAt: '2023-02-10' }] }),
      sample('challenge.decided'),
      'challenge "c1" was already decided',
    ),
  ],
  hasPendingConciliationRequest: [
    yes(
      'a request outstanding',
      ctx({ conciliation: [{ requestedBy: 'x', requestedAt: '2023-02-01' }] }),
      sample('conciliation.declined'),
    ),
    no('no request', fresh, sample('conciliation.declined'), 'nobody has asked for conciliation'),
    no(
      'a request declined already',
      ctx({ conciliation: [{ requestedBy: 'x', requestedAt: '2023-02-01', declinedBy: 'y' }] }),
      sample('conciliation.declined'),
      'nobody has asked for conciliation',
    ),
  ],
  isNewLawInForce: [
    yes('the 2025 Act on 18 February 2026', fresh, sample('law.changed')),
    no('the law already in force', ctx({ inForce: 'era-2025' }), sample('law.changed'), `${ERA} is already in force`),
    no(
      'before the law’s own date',
      fresh,
      sample('law.changed', { at: '2025-06-01' }),
      `${ERA} was not in force on 2025-06-01`,
    ),
  ],
  hasTermsInForce: [
    yes('terms imposed', ctx({ impositions: [{ at: '2023-02-01', by: 'x', summary: 'y' }] }), sample('terms.paused')),
    no('no terms imposed', fresh, sample('terms.paused'), 'no imposed terms are in force to pause'),
    no(
      'terms paused already',
      ctx({ impositions: [{ at: '2023-02-01', by: 'x', summary: 'y', pausedAt: '2023-02-10' }] }),
      sample('terms.paused'),
      'no imposed terms are in force to pause',
    ),
  ],
  hasPossibleShares: [
    yes('support and opposition within 100%', fresh, sample('poll.published')),
    yes('support alone', fresh, sample('poll.published', { opposePct: undefined })),
    no(
      'over 100%',
      fresh,
      sample('poll.published', { supportPct: 80 }),
      'supportPct 80% and opposePct 30% add up to 110%, over 100%',
    ),
  ],
  isMainBallot: [
    yes('the main ballot', ctx({ ballots: [ballot()] }), sample('ballot.closed')),
    no(
      'a supplementary ballot',
      ctx({ ballots: [ballot('tua-2016', { supplementary: true })] }),
      sample('ballot.closed'),
    ),
    no('a ballot never opened', fresh, sample('ballot.closed')),
  ],
  ballotGivesOpenEndedMandate: [
    yes('a majority before 2017', ctx({ ballots: [ballot('tulrca-1992')] }), sample('ballot.closed')),
    no('a pass under the 2016 Act', ctx({ ballots: [ballot()] }), sample('ballot.closed')),
    no(
      'a majority against, before 2017',
      ctx({ ballots: [ballot('tulrca-1992')] }),
      sample('ballot.closed', { yes: 300, no: 400 }),
    ),
  ],
  ballotGivesFixedMandate: [
    yes(
      '70% turnout, 65% of all voting yes, under the 2016 Act',
      ctx({ ballots: [ballot()] }),
      sample('ballot.closed'),
    ),
    no(
      '45% turnout under the 2016 Act',
      ctx({ ballots: [ballot()] }),
      sample('ballot.closed', { cast: 450, yes: 400 }),
    ),
    no('a majority before 2017 (open-ended)', ctx({ ballots: [ballot('tulrca-1992')] }), sample('ballot.closed')),
  ],
  ballotFails: [
    yes(
      '45% turnout under the 2016 Act',
      ctx({ ballots: [ballot()] }),
      sample('ballot.closed', { cast: 450, yes: 400 }),
    ),
    no('a pass under the 2016 Act', ctx({ ballots: [ballot()] }), sample('ballot.closed')),
    no('a ballot never opened', fresh, sample('ballot.closed', { cast: 450, yes: 400 })),
  ],
  hasLiveMandateForNextStrike: [
    yes(
      'the next strike called under the live mandate',
      withMandate({ actions: [action('s1', 'called')] }),
      sample('talks.opened'),
    ),
    no(
      'the mandate given up',
      withMandate({ mandate: mandate({ endedAt: '2023-02-01' }), actions: [action('s1', 'called')] }),
      sample('talks.opened'),
    ),
    no(
      'the next strike called under an earlier ballot',
      withMandate({ mandate: mandate({ ballot: 'b2' }), actions: [action('s1', 'called')] }),
      sample('talks.opened'),
    ),
  ],
  hasStrikesPending: [
    yes('a strike called', called, sample('talks.opened')),
    no('a strike held', held, sample('talks.opened')),
  ],
  hasMoreThanOneStrikePending: [
    yes(
      'two strikes called',
      ctx({ actions: [action('s1', 'called'), action('s2', 'called')] }),
      sample('talks.opened'),
    ),
    no('one strike called', called, sample('talks.opened')),
  ],
  hasStrikesPendingAfterThis: [
    yes(
      'another strike called',
      ctx({ actions: [action('s1', 'called'), action('s2', 'called')] }),
      sample('strike.suspended'),
    ),
    no('only this one', called, sample('strike.cancelled')),
  ],
  hasHeldAction: [
    yes('a strike held', held, sample('talks.opened')),
    yes('a strike under way', running, sample('talks.opened')),
    no('a strike called', called, sample('talks.opened')),
  ],
  isRunningAction: [
    yes('suspending the strike under way', running, sample('strike.suspended')),
    no('suspending a strike called', called, sample('strike.suspended')),
    no(
      'suspending another strike than the one under way',
      ctx({ actions: [action('s2', 'running')] }),
      sample('strike.cancelled'),
    ),
  ],
  actionBegunUnderMandate: [
    yes('a strike held under this mandate', withMandate({ actions: [action('s1', 'held')] }), sample('talks.opened')),
    no('a strike only called', withMandate({ actions: [action('s1', 'called')] }), sample('talks.opened')),
    no(
      'a strike held under an earlier ballot',
      withMandate({ actions: [action('s1', 'held', { ballot: 'b0' })] }),
      sample('talks.opened'),
    ),
  ],
  isVoteOnOffer: [
    yes('opening a vote on an offer', fresh, sample('referendum.opened')),
    no('opening a vote on a question', fresh, sample('referendum.opened', { offer: undefined, question: 'strike?' })),
    yes('closing a vote on an offer', voting, sample('referendum.closed')),
    no(
      'closing a vote on a question',
      ctx({ referendums: [vote({ offer: undefined, question: 'strike?' })] }),
      sample('referendum.closed'),
    ),
  ],
  membersAcceptOffer: [
    yes('60% yes in a referendum', voting, sample('referendum.closed')),
    no('60% yes in a survey', ctx({ referendums: [vote({ kind: 'survey' })] }), sample('referendum.closed')),
    no('40% yes', voting, sample('referendum.closed', { yesPct: 40, noPct: 60 })),
    yes('83% yes, the only share published', voting, sample('referendum.closed', { yesPct: 83, noPct: undefined })),
    yes(
      'a yes as announced, with no shares published',
      voting,
      sample('referendum.closed', { yesPct: undefined, noPct: undefined, result: 'yes' }),
    ),
  ],
  membersRejectOffer: [
    yes('40% yes', voting, sample('referendum.closed', { yesPct: 40, noPct: 60 })),
    yes('a tie', voting, sample('referendum.closed', { yesPct: 50, noPct: 50 })),
    no('60% yes', voting, sample('referendum.closed')),
    yes(
      '51.1% against, the only share published',
      voting,
      sample('referendum.closed', { yesPct: undefined, noPct: 51.1 }),
    ),
  ],
  conciliationReachedAgreement: [
    yes('with an agreement', fresh, sample('conciliation.ended')),
    no('without one', fresh, sample('conciliation.ended', { agreement: false })),
  ],
  hasImposedTerms: [
    yes('terms imposed', ctx({ impositions: [{ at: '2023-02-01', by: 'x', summary: 'y' }] }), sample('dispute.ended')),
    no(
      'terms paused',
      ctx({ impositions: [{ at: '2023-02-01', by: 'x', summary: 'y', pausedAt: '2023-02-10' }] }),
      sample('dispute.ended'),
    ),
  ],
};

/** Every transition of the chart: its event type and the guard names in its guard (under `and`, `or`, `not`). */
function chartGuards(node: AnyStateNode = disputeMachine.root): { type: string; names: string[] }[] {
  const names = (g: unknown): string[] =>
    typeof g === 'string' ? [g] : ((g as { guards?: unknown[] } | undefined)?.guards ?? []).flatMap(names);
  const own = [...node.transitions].flatMap(([type, list]) => list.map((t) => ({ type, names: names(t.guard) })));
  return [...own, ...Object.values(node.states).flatMap((child) => chartGuards(child))];
}

describe('every guard of the chart tests what its name says (one guard, one predicate)', () => {
  const names = Object.keys(GUARDS);
  const contexts = [fresh, ...Object.values(CASES).flatMap((cases) => cases.map((c) => c.context))];

  it('one sample event of every type, each valid against its schema', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...EVENT_TYPES].sort());
    for (const event of Object.values(SAMPLES)) expect(DisputeEvent.safeParse(event).error).toBeUndefined();
  });

  it('every guard is a rule (checks.ts) or a branch condition, and has cases where it holds and where it does not', () => {
    expect(names.sort()).toEqual([...Object.keys(RULES), ...Object.keys(BRANCHES)].sort());
    for (const name of names) {
      expect(
        CASES[name]?.some((c) => c.holds),
        `${name} holds somewhere`,
      ).toBe(true);
      expect(
        CASES[name]?.some((c) => !c.holds),
        `${name} fails somewhere`,
      ).toBe(true);
    }
  });

  it('on a fresh record no guard is true for an event it does not test (e.g. hasMandateAndNotice for "offer.made")', () => {
    const wrong = names.flatMap((name) =>
      Object.values(SAMPLES)
        .filter((event) => !testedBy(name)?.includes(event.type))
        .filter((event) => GUARDS[name]?.({ context: fresh, event }))
        .map((event) => `${name} on ${event.type}`),
    );
    expect(wrong).toEqual([]);
  });

  it('on any record, a guard that tests events is false for every other type, and one that reads the record ignores the event', () => {
    for (const name of names) {
      const types = testedBy(name);
      for (const context of contexts) {
        const answers = Object.values(SAMPLES).map((event) => GUARDS[name]?.({ context, event }));
        if (types) {
          const other = Object.values(SAMPLES).filter((e, i) => answers[i] && !types.includes(e.type));
          expect(
            other.map((e) => e.type),
            name,
          ).toEqual([]);
        } else expect(new Set(answers).size, name).toBe(1);
      }
    }
  });

  it.each(Object.entries(CASES).flatMap(([name, cases]) => cases.map((c) => [name, c.title, c] as const)))(
    '%s: %s',
    (name, _title, c) => {
      expect(GUARDS[name]?.({ context: c.context, event: c.event })).toBe(c.holds);
      const rule = RULE_GUARDS[name];
      if (rule) expect(rule.problem(c.context, c.event)).toBe(c.holds ? undefined : c.reason);
    },
  );

  it('a rule is true exactly when it gives no reason, for every event on every record', () => {
    for (const [name, rule] of Object.entries(RULE_GUARDS)) {
      for (const context of contexts) {
        for (const event of Object.values(SAMPLES)) {
          expect(rule({ context, event }), `${name} on ${event.type}`).toBe(rule.problem(context, event) === undefined);
        }
      }
    }
  });
});

describe('the guards and the chart agree, so a refusal is explained by the rule that refused it', () => {
  const transitions = chartGuards();

  it('each guard guards only transitions on the events it tests, and each rule guards every type it tests', () => {
    for (const { type, names } of transitions) {
      for (const name of names) {
        const types = testedBy(name);
        if (types) expect(types, `${name} on ${type}`).toContain(type);
      }
    }
    for (const [name, rule] of Object.entries(RULE_GUARDS)) {
      const used = new Set(transitions.filter((t) => t.names.includes(name)).map((t) => t.type));
      expect([...used].sort(), name).toEqual([...rule.types].sort());
    }
  });

  it.each(
    Object.entries(RULE_GUARDS).flatMap(([name]) =>
      (CASES[name] ?? []).filter((c) => !c.holds && c.refuses !== false).map((c) => [name, c.title, c] as const),
    ),
  )('problemWith: %s refuses %s with its own reason', (_name, _title, c) => {
    expect(problemWith(c.context, c.event)).toBe(c.reason);
  });

  it('problemWith gives no reason for an event every rule allows, though a branch rule fails ("referendum.opened" on a question)', () => {
    expect(problemWith(fresh, sample('referendum.opened', { offer: undefined, question: 'strike?' }))).toBeUndefined();
    expect(problemWith(fresh, sample('talks.opened'))).toBeUndefined();
    expect(problemWith(fresh, sample('dispute.ended'))).toBeUndefined();
  });
});

describe('an event impossible in itself: its schema reports it at its field, and the machine refuses it with the same words', () => {
  const rich = ctx({
    ballots: [ballot()],
    mandate: mandate(),
    actions: [action('s1', 'called')],
    offers: [offer('o1', 'putToMembers')],
    referendums: [vote()],
  });
  it.each([
    { event: sample('ballot.opened', { closes: at }), field: 'closes', code: 'ballot.closes-before-opens' },
    { event: sample('ballot.closed', { cast: 1001 }), field: 'cast', code: 'ballot.cast-over-entitled' },
    { event: sample('ballot.closed', { yes: 700 }), field: 'yes', code: 'ballot.votes-over-cast' },
    { event: sample('strike.called', { end: '2023-03-20' }), field: 'end', code: 'strike.ends-before-start' },
    { event: sample('strike.rescheduled', { end: '2023-03-19' }), field: 'end', code: 'strike.ends-before-start' },
    { event: sample('referendum.opened', { offer: undefined }), field: '', code: 'referendum.subject-required' },
    { event: sample('referendum.closed', { noPct: 50 }), field: 'noPct', code: 'referendum.shares-over-100' },
    {
      event: sample('referendum.closed', { cast: 11, entitled: 10 }),
      field: 'cast',
      code: 'referendum.cast-over-entitled',
    },
    { event: sample('poll.published', { supportPct: 80 }), field: 'opposePct', code: 'poll.shares-over-100' },
  ])('"$event.type": $code at "$field"', ({ event, field, code }) => {
    const issues = DisputeEvent.safeParse(event).error?.issues ?? [];
    expect(issues.map((i) => [i.path.join('.'), (i as { params?: { code?: string } }).params?.code])).toEqual([
      [field, code],
    ]);
    expect(problemWith(rich, event)).toBe(issues[0]?.message);
  });
});
