/**
 * The rules a dispute event must keep, as plain functions returning the reason an event breaks one (or nothing
 * when it keeps it), and the guards made of them: each guard names one predicate, is true exactly when its rules
 * hold, and its rules give the reason when it is false. The refusal a reader sees is worked out from these guards
 * (`problemWith` in explain.ts), so a guard and its reason cannot disagree.
 */
import { judgeBallot, regimeById, regimeForBallot, regimeForNotice } from '../domain/regimes.js';
import { addMonths, calendarDays, DAY_MS, formatDay, formatInstant, parseInstant } from '../domain/time.js';
import { eventFaults } from '../schemas/events/faults.js';
import type { DisputeEvent, EventOf } from '../schemas/events/index.js';
import type { ActionRecord, BallotRecord, OfferRecord, ReferendumRecord } from '../schemas/record.js';
import type { DisputeContext } from './context.js';
import { findById, hasId } from './lists.js';

type Type = DisputeEvent['type'];

/** A reason an event cannot happen now, or undefined when it can. */
export type Problem = string | undefined;

const ms = parseInstant;

/** The offer with an id, if it was ever made. */
export function findOffer(context: DisputeContext, id: string): OfferRecord | undefined {
  return findById(context.negotiation.offers, id);
}

/** The called action with an id, if any. */
export function findAction(context: DisputeContext, id: string): ActionRecord | undefined {
  return findById(context.action.actions, id);
}

/** The actions called and still to start, earliest first. */
export function pendingActions(context: DisputeContext): ActionRecord[] {
  const out: ActionRecord[] = [];
  for (const id of context.action.pending) {
    const action = findAction(context, id);
    if (action) out.push(action);
  }
  return out;
}

/** The called action that starts next, if any. */
export function nextPendingAction(context: DisputeContext): ActionRecord | undefined {
  const id = context.action.pending[0];
  return id === undefined ? undefined : findAction(context, id);
}

/** The action under way, if any. */
export function runningAction(context: DisputeContext): ActionRecord | undefined {
  const id = context.action.running;
  return id === null ? undefined : findAction(context, id);
}

/** The offer on the table: the newest offer, if it is still open or before the members (no older one can be). */
export function currentOffer(context: DisputeContext): OfferRecord | undefined {
  const newest = context.negotiation.offers.at(-1);
  return newest && (newest.status === 'open' || newest.status === 'putToMembers') ? newest : undefined;
}

/** Whether any action has begun under the mandate held now. */
export function actionBegunUnderMandate(context: DisputeContext): boolean {
  const ballot = context.balloting.mandate?.ballot;
  return context.action.actions.some((a) => a.ballot === ballot && (a.status === 'running' || a.status === 'held'));
}

/** Whether terms imposed without agreement are in force (imposed and not paused since). */
export function hasTermsInForce(context: DisputeContext): boolean {
  return context.surroundings.impositions.some((i) => !i.pausedAt);
}

/** The ballot with an id, if it was ever opened. */
export function findBallot(context: DisputeContext, id: string): BallotRecord | undefined {
  return findById(context.balloting.ballots, id);
}

/** Whether a closed ballot is the main ballot (not a supplementary one), which alone moves the mandate. */
export function isMainBallot(context: DisputeContext, event: EventOf<'ballot.closed'>): boolean {
  const ballot = findBallot(context, event.ballot);
  return !!ballot && !ballot.supplementary;
}

/** Whether a closed ballot's figures give a mandate under the regime it was opened under. */
export function ballotGivesMandate(context: DisputeContext, event: EventOf<'ballot.closed'>): boolean {
  const ballot = findBallot(context, event.ballot);
  if (!ballot) return false;
  return judgeBallot(regimeById(ballot.regime), event, context.law.importantPublicService).mandate;
}

/** Whether the mandate a closed ballot gives runs until given up (the rules before 2017). */
export function ballotGivesOpenEndedMandate(context: DisputeContext, event: EventOf<'ballot.closed'>): boolean {
  const ballot = findBallot(context, event.ballot);
  return !!ballot && ballotGivesMandate(context, event) && regimeById(ballot.regime).mandate.kind === 'until-given-up';
}

/** The member vote with an id, if it was ever opened. */
export function findVote(context: DisputeContext, id: string): ReferendumRecord | undefined {
  return findById(context.negotiation.referendums, id);
}

/**
 * Whether an event is of one of these types, narrowing it. Guards use this rather than XState's `assertEvent`,
 * which throws: the chart shares guards between events, and a guard must answer false, not throw, for an event
 * it does not test (test/machine/guards.test.ts asks every guard about every type of event).
 */
export function eventIs<T extends Type>(event: { type: string }, ...types: T[]): event is EventOf<T> {
  return (types as readonly string[]).includes(event.type);
}

/** A rule about events of some types: why the event breaks it given the dispute's record, or undefined. */
export type Rule<T extends Type> = (context: DisputeContext, event: EventOf<T>) => Problem;

/** A guard made of rules: a predicate on events of its types, and the reason it is false. */
export interface RuleGuard {
  /** True for an event of its types, possible in itself, that keeps every one of its rules; false for any other. */
  (args: { context: DisputeContext; event: { type: string } }): boolean;
  /** The event types it tests. */
  readonly types: readonly Type[];
  /** Why it is false for this event: of another type, impossible in itself, or the first rule it breaks. */
  problem(context: DisputeContext, event: DisputeEvent): Problem;
}

/**
 * A guard testing events of these types against these rules, in order. An event whose own data is impossible
 * (its schema's own checks fail: more votes than voters, a strike ending before it starts) keeps no rule: the
 * loader refuses such a file, and the machine refuses such an event sent to it directly, with the same message.
 */
function ruleGuard<const T extends Type>(types: readonly T[], ...rules: Rule<T>[]): RuleGuard {
  const problem = (context: DisputeContext, event: DisputeEvent): Problem => {
    if (!eventIs(event, ...types)) return `${event.type} is not ${types.join(' or ')}`;
    const fault = eventFaults(event)[0];
    if (fault) return fault.message;
    for (const rule of rules) {
      const broken = rule(context, event);
      if (broken) return broken;
    }
    return undefined;
  };
  const guard = ({ context, event }: { context: DisputeContext; event: { type: string } }) =>
    eventIs(event, ...types) && problem(context, event) === undefined;
  return Object.assign(guard, { types, problem });
}

const ballotNotYetHeld: Rule<'ballot.opened'> = (c, e) =>
  hasId(c.balloting.ballots, e.ballot) ? `a ballot "${e.ballot}" was already held` : undefined;

const ballotStillOpen: Rule<'ballot.closed'> = (c, e) => {
  const ballot = findBallot(c, e.ballot);
  if (!ballot) return `no ballot "${e.ballot}" was opened`;
  if (ballot.closedAt) return `ballot "${e.ballot}" has already closed`;
  return undefined;
};

/** Why a closing ballot's result cannot be told: figures that decide nothing and no result, or the two at odds. */
const resultKnown: Rule<'ballot.closed'> = (c, e) => {
  const ballot = findBallot(c, e.ballot);
  if (!ballot) return `no ballot "${e.ballot}" was opened`;
  const verdict = judgeBallot(regimeById(ballot.regime), e, c.law.importantPublicService);
  if (verdict.contradiction) return verdict.contradiction;
  if (verdict.byFigures === undefined && e.result === undefined) {
    const tests = verdict.undecided.join(', ');
    return `the figures given do not decide the ${tests} test${verdict.undecided.length > 1 ? 's' : ''}: give the result as announced (result: mandate or no-mandate)`;
  }
  return undefined;
};

const extensionAllowed: Rule<'mandate.extended'> = (context, event) => {
  const mandate = context.balloting.mandate;
  if (!mandate) return 'there is no mandate to extend';
  const rule = regimeById(mandate.regime).mandate;
  const until = ms(event.until);
  if (rule.kind === 'until-given-up') {
    if (!mandate.startBy) return 'action has begun: the mandate already lasts until it is given up';
    if (until <= ms(mandate.startBy)) return 'the new date is not later than the current one';
    return undefined;
  }
  if (!mandate.expiresAt) return 'the mandate has no fixed term to extend';
  if (until <= ms(mandate.expiresAt)) return 'the new expiry is not later than the current one';
  if (rule.maxMonthsByAgreement <= rule.months) {
    return `${regimeById(mandate.regime).name} allows no extension of a mandate by agreement`;
  }
  if (until > addMonths(ms(mandate.grantedAt), rule.maxMonthsByAgreement)) {
    return `a mandate can run at most ${rule.maxMonthsByAgreement} months by agreement`;
  }
  return undefined;
};

type Ending = 'mandate.relinquished' | 'dispute.ended';

const noStrikeUnderWay: Rule<Ending> = (c, e) => {
  if (!runningAction(c)) return undefined;
  return e.type === 'mandate.relinquished'
    ? 'a strike is under way: end it before giving up the mandate'
    : 'a strike is under way';
};

const noStrikeCalled: Rule<Ending> = (c, e) => {
  const pending = c.action.pending;
  if (pending.length === 0) return undefined;
  const called = `strikes are still called (${pending.join(', ')})`;
  return e.type === 'mandate.relinquished' ? `${called}: call them off first` : called;
};

const actionNotYetCalled: Rule<'strike.called'> = (c, e) =>
  findAction(c, e.action) ? `an action "${e.action}" was already called` : undefined;

/** Why the action is not in one of these states: unknown, or already under way or over. */
function actionNotIn(context: DisputeContext, id: string, statuses: ActionRecord['status'][]): Problem {
  const action = findAction(context, id);
  if (!action) return `no action "${id}" was called`;
  if (statuses.includes(action.status)) return undefined;
  return `action "${id}" is ${action.status === 'running' ? 'already under way' : action.status}`;
}

type StrikeDates = 'strike.called' | 'strike.rescheduled';

const mandateLive: Rule<StrikeDates> = (c) =>
  !c.balloting.mandate || c.balloting.mandate.endedAt ? 'there is no live mandate for industrial action' : undefined;

/**
 * Notice as TULRCA s.234A(4)(b) counts it: the employer must receive it in the period "ending with the seventh
 * [since 2017: fourteenth; since 18 Feb 2026: tenth] day before the day" the action is to begin, so it is counted
 * in calendar days, not hours: notice received on 28 Feb is enough for action on 14 Mar under the 2016 Act. It runs
 * from when it was served on the employers (`noticeServed`), else from the call, and the law of that day applies.
 */
const dueNotice: Rule<StrikeDates> = (c, e) => {
  const served = ms(e.noticeServed ?? e.at);
  const regime = regimeForNotice(c.law.rules, served);
  const days = calendarDays(served, ms(e.start));
  if (days >= regime.noticeDays) return undefined;
  return `only ${days} days' notice; ${regime.name} requires ${regime.noticeDays}`;
};

/** The end of the mandate a strike call may run to: the law's count, or a day later where the union argued so. */
const endsBeforeExpiry: Rule<StrikeDates> = (c, e) => {
  const expires = c.balloting.mandate?.expiresAt;
  if (!expires) return undefined;
  const argued = e.type === 'strike.called' && e.mandateEndArgued ? ms(e.mandateEndArgued) : undefined;
  if (argued !== undefined && argued > ms(expires) + DAY_MS) {
    return `the mandate expires on ${formatDay(ms(expires))}: an end argued for ${formatDay(argued)} is more than a day beyond the law's count`;
  }
  if (ms(e.end) < Math.max(ms(expires), argued ?? 0)) return undefined;
  return argued !== undefined && argued > ms(expires)
    ? `the strike must end before the mandate's end as argued (${formatDay(argued)})`
    : `the mandate expires on ${formatDay(ms(expires))}: the strike must end before then`;
};

/** A strike called at more employers than the constituencies its mandate covers. */
const employersCovered: Rule<'strike.called'> = (c, e) => {
  const covers = c.balloting.mandate?.covers;
  if (!covers || !e.employers || e.employers.count <= covers.count) return undefined;
  return `the mandate covers ${covers.count} ${covers.unit}, fewer than the ${e.employers.count} ${e.employers.kind} called`;
};

const beginsInWindow: Rule<StrikeDates> = (c, e) => {
  const startBy = c.balloting.mandate?.startBy;
  if (!startBy || ms(e.start) < ms(startBy) || actionBegunUnderMandate(c)) return undefined;
  const firstPending = nextPendingAction(c);
  if (firstPending && ms(firstPending.start) < ms(startBy)) return undefined;
  return `action must begin by ${formatDay(ms(startBy))} under this ballot`;
};

const offerNotYetMade: Rule<'offer.made'> = (c, e) =>
  findOffer(c, e.offer) ? `an offer "${e.offer}" was already made` : undefined;

const noVoteOnAnOffer: Rule<'offer.made'> = (c) => {
  const offer = currentOffer(c);
  return offer?.status === 'putToMembers' ? `members are still voting on offer "${offer.id}"` : undefined;
};

/** Why an offer is not the one on the table: never made, or decided or superseded since. */
function offerNotOnTable(context: DisputeContext, id: string): Problem {
  const offer = findOffer(context, id);
  if (!offer) return `no offer "${id}" was ever made`;
  if (offer !== currentOffer(context)) return `offer "${id}" is not on the table (it was ${offer.status})`;
  return undefined;
}

const offerWithCommittee: Rule<'offer.rejected' | 'referendum.opened'> = (c, e) => {
  if (e.offer === undefined) return 'the vote is not on an offer';
  const problem = offerNotOnTable(c, e.offer);
  if (problem) return problem;
  if (findOffer(c, e.offer)?.status !== 'putToMembers') return undefined;
  return e.type === 'offer.rejected'
    ? 'the members are voting on it'
    : `offer "${e.offer}" is already before the members`;
};

const voteNotYetHeld: Rule<'referendum.opened'> = (c, e) =>
  hasId(c.negotiation.referendums, e.referendum) ? `a vote "${e.referendum}" was already held` : undefined;

const voteStillOpen: Rule<'referendum.closed'> = (c, e) => {
  const vote = findVote(c, e.referendum);
  if (!vote) return `no vote "${e.referendum}" was opened`;
  if (vote.closedAt) return `vote "${e.referendum}" has already closed`;
  return undefined;
};

const awardAwaitingAcceptance: Rule<'award.accepted'> = (c, e) => {
  const award = findById(c.negotiation.awards, e.award);
  if (!award) return `no award "${e.award}" was published`;
  if (award.acceptedAt) return `award "${e.award}" was already accepted`;
  return undefined;
};

const challengeNotYetFiled: Rule<'challenge.filed'> = (c, e) =>
  hasId(c.surroundings.challenges, e.challenge) ? `a challenge "${e.challenge}" was already filed` : undefined;

const challengeUndecided: Rule<'challenge.decided'> = (c, e) => {
  const challenge = findById(c.surroundings.challenges, e.challenge);
  if (!challenge) return `no challenge "${e.challenge}" was filed`;
  if (challenge.decidedAt) return `challenge "${e.challenge}" was already decided`;
  return undefined;
};

/** What a court's decision does to the strikes: those it stops, those it cuts (to a new end), and the running one. */
export interface CourtEffects {
  /** The mandate's new end, where the court fixes one. */
  mandateEnd?: string;
  /** Strikes called and not begun that the court stops, or whose end it cuts to before their start. */
  stops: string[];
  /** Strikes whose end it brings forward, with the new end (for the running one, never before the decision). */
  cuts: { id: string; end: string }[];
  /** Whether the strike under way must end at the decision itself. */
  endsRunningNow: boolean;
}

/** The effects of a court's decision on the strikes called and under way, as its orders read. */
export function courtEffects(context: DisputeContext, event: EventOf<'challenge.decided'>): CourtEffects {
  const effects: CourtEffects = { stops: [], cuts: [], endsRunningNow: false };
  if (event.result === 'dismissed' || event.result === 'withdrawn') return effects;
  const now = ms(event.at);
  const mandate = context.balloting.mandate;
  const mandateEnd = event.mandateEnds !== undefined && mandate && !mandate.endedAt ? ms(event.mandateEnds) : undefined;
  if (mandateEnd !== undefined) effects.mandateEnd = event.mandateEnds as string;
  const live =
    context.action.running === null ? context.action.pending : [context.action.running, ...context.action.pending];
  for (const id of live) {
    const action = findAction(context, id);
    if (!action) continue;
    const order = event.strikes?.find((o) => o.action === id);
    const limits: number[] = [];
    if (order) limits.push(order.endsAt === undefined ? Number.NEGATIVE_INFINITY : ms(order.endsAt));
    if (mandateEnd !== undefined && action.ballot === mandate?.ballot) limits.push(mandateEnd);
    if (limits.length === 0) continue;
    const limit = Math.min(...limits);
    if (limit >= ms(action.end)) continue;
    if (action.status === 'running') {
      if (limit <= now) effects.endsRunningNow = true;
      else effects.cuts.push({ id, end: formatInstant(limit) });
    } else if (limit <= ms(action.start)) effects.stops.push(id);
    else effects.cuts.push({ id, end: formatInstant(limit) });
  }
  return effects;
}

/** Whether a court's decision changes any strike called or under way. */
export function courtChangesStrikes(context: DisputeContext, event: EventOf<'challenge.decided'>): boolean {
  const e = courtEffects(context, event);
  return e.endsRunningNow || e.stops.length > 0 || e.cuts.length > 0;
}

/** Orders a court cannot make here: on strikes not called or under way, on a mandate not held, extending one. */
const possibleOrders: Rule<'challenge.decided'> = (c, e) => {
  for (const order of e.strikes ?? []) {
    const action = findAction(c, order.action);
    if (!action || (action.status !== 'called' && action.status !== 'running')) {
      return `no action "${order.action}" is called or under way for the court to stop`;
    }
    if (order.endsAt !== undefined && ms(order.endsAt) >= ms(action.end)) {
      return `action "${order.action}" already ends on ${formatDay(ms(action.end))}, before the court's limit`;
    }
  }
  if (e.mandateEnds === undefined) return undefined;
  const mandate = c.balloting.mandate;
  if (!mandate || mandate.endedAt) return 'there is no live mandate for the court to end';
  if (mandate.expiresAt && ms(e.mandateEnds) > ms(mandate.expiresAt)) {
    return `the mandate expires on ${formatDay(ms(mandate.expiresAt))}: a court's decision cannot extend it`;
  }
  return undefined;
};

/** Why terms cannot be implemented over the union's head: an offer never made, or one the union accepted. */
const offerNotAgreed: Rule<'terms.implemented'> = (c, e) => {
  if (e.offer === undefined) return undefined;
  const offer = findOffer(c, e.offer);
  if (!offer) return `no offer "${e.offer}" was ever made`;
  if (offer.status === 'accepted') return `offer "${e.offer}" was accepted by the union: its terms are a deal`;
  if (offer.status === 'open' || offer.status === 'putToMembers') {
    return `offer "${e.offer}" is still before the union, which has not answered it`;
  }
  if (offer.implementedAt) return `the terms of offer "${e.offer}" were already implemented`;
  return undefined;
};

const actionHeld: Rule<'impact.reported'> = (c, e) => {
  const action = findAction(c, e.action);
  if (!action) return `no action "${e.action}" was called`;
  if (action.status !== 'held' && action.status !== 'running') return `action "${e.action}" did not take place`;
  return undefined;
};

const conciliationAsked: Rule<'conciliation.declined'> = (c) =>
  c.negotiation.conciliation.some((x) => !x.declinedBy && !x.openedAt)
    ? undefined
    : 'nobody has asked for conciliation';

const regimeNewAndDue: Rule<'law.changed'> = (c, e) => {
  const name = regimeById(e.regime).name;
  if (e.regime === c.law.inForce) return `${name} is already in force`;
  if (regimeForBallot('by-date', ms(e.at)).id !== e.regime) return `${name} was not in force on ${formatDay(ms(e.at))}`;
  return undefined;
};

const termsInForce: Rule<'terms.paused'> = (c) =>
  hasTermsInForce(c) ? undefined : 'no imposed terms are in force to pause';

/**
 * The guards that are rules of the dispute, by name: the chart refers to them, the diagrams print them, and a
 * refused event is explained by the first of them it breaks. The other guards (in dispute.setup.ts) only choose
 * between branches, and never explain a refusal.
 */
export const RULES = {
  /** No ballot of this name was held before. */
  isNewBallot: ruleGuard(['ballot.opened'], ballotNotYetHeld),
  /** The ballot that closes was opened and has not closed. */
  isOpenBallot: ruleGuard(['ballot.closed'], ballotStillOpen),
  /** The figures published decide the ballot, or the result was announced (and the figures do not contradict it). */
  isKnownResult: ruleGuard(['ballot.closed'], resultKnown),
  /** The new end is later than the current one and within what the mandate's regime allows by agreement. */
  isAllowedExtension: ruleGuard(['mandate.extended'], extensionAllowed),
  /** No strike is under way and none is called: the mandate can be given up, or the dispute ended. */
  noStrikeCalledOrUnderWay: ruleGuard(['mandate.relinquished', 'dispute.ended'], noStrikeUnderWay, noStrikeCalled),
  /** No action of this name was called before. */
  isNewAction: ruleGuard(['strike.called'], actionNotYetCalled),
  /** The action moved is called and has not begun. */
  isPendingAction: ruleGuard(['strike.rescheduled'], (c, e) => actionNotIn(c, e.action, ['called'])),
  /**
   * A live mandate covers the strike's dates (it ends before a fixed term expires; before 2017, action begins
   * in the window), and the notice is what the law in force when it is given requires.
   */
  hasMandateAndNotice: ruleGuard(
    ['strike.called', 'strike.rescheduled'],
    mandateLive,
    dueNotice,
    endsBeforeExpiry,
    beginsInWindow,
  ),
  /** The employers called, where the call counts them, are no more than the constituencies the mandate covers. */
  isCoveredByMandate: ruleGuard(['strike.called'], employersCovered),
  /** The action is called or under way (not yet over). */
  isCalledOrRunningAction: ruleGuard(['strike.rescoped', 'strike.suspended', 'strike.cancelled'], (c, e) =>
    actionNotIn(c, e.action, ['called', 'running']),
  ),
  /** The action reported on began (it is under way or was held). */
  actionTookPlace: ruleGuard(['impact.reported'], actionHeld),
  /** No offer of this name was made before. */
  isNewOffer: ruleGuard(['offer.made'], offerNotYetMade),
  /** No offer is before the members. */
  noOfferPutToMembers: ruleGuard(['offer.made'], noVoteOnAnOffer),
  /** The offer is the one on the table. */
  isOfferOnTable: ruleGuard(['offer.withdrawn', 'offer.accepted'], (c, e) => offerNotOnTable(c, e.offer)),
  /** The offer is the one on the table and still with the committee, not before the members. */
  isOfferWithCommittee: ruleGuard(['offer.rejected', 'referendum.opened'], offerWithCommittee),
  /** No member vote of this name was held before. */
  isNewVote: ruleGuard(['referendum.opened'], voteNotYetHeld),
  /** The member vote that closes was opened and has not closed. */
  isOpenVote: ruleGuard(['referendum.closed'], voteStillOpen),
  /** The award was published and not yet accepted. */
  isPendingAward: ruleGuard(['award.accepted'], awardAwaitingAcceptance),
  /** No challenge of this name was filed before. */
  isNewChallenge: ruleGuard(['challenge.filed'], challengeNotYetFiled),
  /** The challenge was filed and not yet decided. */
  isPendingChallenge: ruleGuard(['challenge.decided'], challengeUndecided),
  /**
   * What the court orders can be done: the strikes it names are called or under way and end after its limit, and
   * a mandate it ends is live and not extended by it.
   */
  hasPossibleOrders: ruleGuard(['challenge.decided'], possibleOrders),
  /** The terms implemented are not those of an offer the union accepted, or has still to answer. */
  isUnagreedTerms: ruleGuard(['terms.implemented'], offerNotAgreed),
  /** Someone asked for conciliation, and it was neither declined nor opened since. */
  hasPendingConciliationRequest: ruleGuard(['conciliation.declined'], conciliationAsked),
  /** The regime is not yet in force, and by the law's own dates it is in force that day. */
  isNewLawInForce: ruleGuard(['law.changed'], regimeNewAndDue),
  /** Terms imposed without agreement are in force (imposed and not paused since). */
  hasTermsInForce: ruleGuard(['terms.paused'], termsInForce),
  /** The poll's support and opposition add up to at most 100%: its only rule is its schema's own check. */
  hasPossibleShares: ruleGuard(['poll.published']),
} satisfies Record<string, RuleGuard>;

/** The name of a guard that is a rule of the dispute. */
export type RuleName = keyof typeof RULES;

/** The regime a ballot opened now would fall under. */
export function regimeForNewBallot(context: DisputeContext, event: EventOf<'ballot.opened'>) {
  return regimeForBallot(context.law.rules, ms(event.at));
}
