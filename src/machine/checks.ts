/**
 * The rules a dispute event must keep, as plain functions returning the reason an event is unlawful or
 * impossible (or nothing when it is fine). Guards ask them; refused events quote them.
 */
import { type BallotFigures, judgeBallot, regimeById, regimeForBallot, regimeForNotice } from '../domain/regimes.js';
import { addMonths, DAY_MS, formatDay, parseInstant } from '../domain/time.js';
import type { DisputeEvent, EventOf } from '../schemas/events/index.js';
import type { ActionRecord, DisputeContext, OfferRecord } from './context.js';

/** A reason an event cannot happen now, or undefined when it can. */
export type Problem = string | undefined;

const ms = parseInstant;

/** The offer with an id, if it was ever made. */
export function findOffer(context: DisputeContext, id: string): OfferRecord | undefined {
  return context.offers.find((o) => o.id === id);
}

/** The called action with an id, if any. */
export function findAction(context: DisputeContext, id: string): ActionRecord | undefined {
  return context.actions.find((a) => a.id === id);
}

/** The actions called and still to start, earliest first. */
export function pendingActions(context: DisputeContext): ActionRecord[] {
  return context.actions.filter((a) => a.status === 'called').sort((a, b) => ms(a.start) - ms(b.start));
}

/** The action under way, if any. */
export function runningAction(context: DisputeContext): ActionRecord | undefined {
  return context.actions.find((a) => a.status === 'running');
}

/** The offer on the table: the newest one still open or before the members. */
export function currentOffer(context: DisputeContext): OfferRecord | undefined {
  return context.offers.findLast((o) => o.status === 'open' || o.status === 'putToMembers');
}

/** Whether any action has begun under the mandate held now. */
export function actionBegunUnderMandate(context: DisputeContext): boolean {
  const ballot = context.mandate?.ballot;
  return context.actions.some((a) => a.ballot === ballot && (a.status === 'running' || a.status === 'held'));
}

/** Whether terms imposed without agreement are in force (imposed and not paused since). */
export function hasTermsInForce(context: DisputeContext): boolean {
  return context.impositions.some((i) => !i.pausedAt);
}

/** Whether a closed ballot is the main ballot (not a supplementary one), which alone moves the mandate. */
export function isMainBallot(context: DisputeContext, event: EventOf<'ballot.closed'>): boolean {
  const ballot = context.ballots.find((b) => b.id === event.ballot);
  return !!ballot && !ballot.supplementary;
}

/** Whether a closed ballot's figures give a mandate under the regime it was opened under. */
export function ballotGivesMandate(context: DisputeContext, event: EventOf<'ballot.closed'>): boolean {
  const ballot = context.ballots.find((b) => b.id === event.ballot);
  if (!ballot) return false;
  return judgeBallot(regimeById(ballot.regime), event as BallotFigures, context.importantPublicService).mandate;
}

/** Whether the mandate a closed ballot gives runs until given up (the rules before 2017). */
export function ballotGivesOpenEndedMandate(context: DisputeContext, event: EventOf<'ballot.closed'>): boolean {
  const ballot = context.ballots.find((b) => b.id === event.ballot);
  return !!ballot && ballotGivesMandate(context, event) && regimeById(ballot.regime).mandate.kind === 'until-given-up';
}

function checkBallotOpened(context: DisputeContext, event: EventOf<'ballot.opened'>): Problem {
  if (context.ballots.some((b) => b.id === event.ballot)) return `a ballot "${event.ballot}" was already held`;
  if (event.closes && ms(event.closes) <= ms(event.at)) return 'the ballot closes before it opens';
  return undefined;
}

function checkBallotClosed(context: DisputeContext, event: EventOf<'ballot.closed'>): Problem {
  const ballot = context.ballots.find((b) => b.id === event.ballot);
  if (!ballot) return `no ballot "${event.ballot}" was opened`;
  if (ballot.closedAt) return `ballot "${event.ballot}" has already closed`;
  if (event.cast > event.entitled) return `more votes cast (${event.cast}) than members entitled (${event.entitled})`;
  if (event.yes + event.no > event.cast)
    return `yes and no (${event.yes + event.no}) exceed the votes cast (${event.cast})`;
  return undefined;
}

function checkMandateExtended(context: DisputeContext, event: EventOf<'mandate.extended'>): Problem {
  const mandate = context.mandate;
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
}

function checkRelinquished(context: DisputeContext): Problem {
  const pending = pendingActions(context);
  if (runningAction(context)) return 'a strike is under way: end it before giving up the mandate';
  if (pending.length > 0)
    return `strikes are still called (${pending.map((a) => a.id).join(', ')}): call them off first`;
  return undefined;
}

function checkStrikeCalled(context: DisputeContext, event: EventOf<'strike.called'>): Problem {
  if (findAction(context, event.action)) return `an action "${event.action}" was already called`;
  return checkStrikeDates(context, event.at, event.start, event.end);
}

function checkStrikeDates(context: DisputeContext, at: string, start: string, end: string): Problem {
  const mandate = context.mandate;
  if (!mandate || mandate.endedAt) return 'there is no live mandate for industrial action';
  const s = ms(start);
  const e = ms(end);
  if (e <= s) return 'the strike ends before it starts';
  const regime = regimeForNotice(context.rules, ms(at));
  if (s - ms(at) < regime.noticeDays * DAY_MS) {
    const days = ((s - ms(at)) / DAY_MS).toFixed(1);
    return `only ${days} days' notice; ${regime.name} requires ${regime.noticeDays}`;
  }
  if (mandate.expiresAt && e >= ms(mandate.expiresAt)) {
    return `the mandate expires on ${formatDay(ms(mandate.expiresAt))}: the strike must end before then`;
  }
  if (mandate.startBy && !actionBegunUnderMandate(context) && s >= ms(mandate.startBy)) {
    const firstPending = pendingActions(context)[0];
    if (!firstPending || ms(firstPending.start) >= ms(mandate.startBy)) {
      return `action must begin by ${formatDay(ms(mandate.startBy))} under this ballot`;
    }
  }
  return undefined;
}

function checkPendingAction(context: DisputeContext, id: string, running = false): Problem {
  const action = findAction(context, id);
  if (!action) return `no action "${id}" was called`;
  if (action.status === 'called') return undefined;
  if (running && action.status === 'running') return undefined;
  return `action "${id}" is ${action.status === 'running' ? 'already under way' : action.status}`;
}

function checkRescheduled(context: DisputeContext, event: EventOf<'strike.rescheduled'>): Problem {
  return checkPendingAction(context, event.action) ?? checkStrikeDates(context, event.at, event.start, event.end);
}

function checkOfferMade(context: DisputeContext, event: EventOf<'offer.made'>): Problem {
  if (findOffer(context, event.offer)) return `an offer "${event.offer}" was already made`;
  const voting = context.offers.find((o) => o.status === 'putToMembers');
  if (voting) return `members are still voting on offer "${voting.id}"`;
  return undefined;
}

function checkOfferOpen(context: DisputeContext, id: string): Problem {
  const offer = findOffer(context, id);
  if (!offer) return `no offer "${id}" was ever made`;
  if (offer !== currentOffer(context)) {
    return `offer "${id}" is not on the table (it was ${offer.status})`;
  }
  return undefined;
}

function checkReferendumOpened(context: DisputeContext, event: EventOf<'referendum.opened'>): Problem {
  if (context.referendums.some((r) => r.id === event.referendum)) {
    return `a vote "${event.referendum}" was already held`;
  }
  if (event.offer === undefined) {
    return event.question ? undefined : 'a vote needs an offer or a question';
  }
  const problem = checkOfferOpen(context, event.offer);
  if (problem) return problem;
  if (findOffer(context, event.offer)?.status === 'putToMembers')
    return `offer "${event.offer}" is already before the members`;
  return undefined;
}

function checkReferendumClosed(context: DisputeContext, event: EventOf<'referendum.closed'>): Problem {
  const vote = context.referendums.find((r) => r.id === event.referendum);
  if (!vote) return `no vote "${event.referendum}" was opened`;
  if (vote.closedAt) return `vote "${event.referendum}" has already closed`;
  if (event.yesPct + event.noPct > 100.5) return 'yes and no add up to more than 100%';
  return undefined;
}

function checkAwardAccepted(context: DisputeContext, event: EventOf<'award.accepted'>): Problem {
  const award = context.awards.find((a) => a.id === event.award);
  if (!award) return `no award "${event.award}" was published`;
  if (award.acceptedAt) return `award "${event.award}" was already accepted`;
  return undefined;
}

function checkImpact(context: DisputeContext, event: EventOf<'impact.reported'>): Problem {
  const action = findAction(context, event.action);
  if (!action) return `no action "${event.action}" was called`;
  if (action.status !== 'held' && action.status !== 'running') return `action "${event.action}" did not take place`;
  return undefined;
}

function checkChallengeDecided(context: DisputeContext, event: EventOf<'challenge.decided'>): Problem {
  const challenge = context.challenges.find((c) => c.id === event.challenge);
  if (!challenge) return `no challenge "${event.challenge}" was filed`;
  if (challenge.decidedAt) return `challenge "${event.challenge}" was already decided`;
  return undefined;
}

function checkLawChanged(context: DisputeContext, event: EventOf<'law.changed'>): Problem {
  if (event.regime === context.lawInForce) return `${regimeById(event.regime).name} is already in force`;
  const byDate = regimeForBallot('by-date', ms(event.at));
  if (byDate.id !== event.regime)
    return `${regimeById(event.regime).name} was not in force on ${formatDay(ms(event.at))}`;
  return undefined;
}

function checkDisputeEnded(context: DisputeContext): Problem {
  if (runningAction(context)) return 'a strike is under way';
  const pending = pendingActions(context);
  if (pending.length > 0) return `strikes are still called (${pending.map((a) => a.id).join(', ')})`;
  return undefined;
}

type Checks = { [T in DisputeEvent['type']]?: (context: DisputeContext, event: EventOf<T>) => Problem };

const CHECKS: Checks = {
  'ballot.opened': checkBallotOpened,
  'ballot.closed': checkBallotClosed,
  'mandate.extended': checkMandateExtended,
  'mandate.relinquished': checkRelinquished,
  'strike.called': checkStrikeCalled,
  'strike.rescheduled': checkRescheduled,
  'strike.rescoped': (c, e) => checkPendingAction(c, e.action, true),
  'strike.suspended': (c, e) => checkPendingAction(c, e.action, true),
  'strike.cancelled': (c, e) => checkPendingAction(c, e.action, true),
  'impact.reported': checkImpact,
  'offer.made': checkOfferMade,
  'offer.withdrawn': (c, e) => checkOfferOpen(c, e.offer),
  'offer.rejected': (c, e) => {
    const problem = checkOfferOpen(c, e.offer);
    if (problem) return problem;
    return findOffer(c, e.offer)?.status === 'putToMembers' ? 'the members are voting on it' : undefined;
  },
  'offer.accepted': (c, e) => checkOfferOpen(c, e.offer),
  'referendum.opened': checkReferendumOpened,
  'referendum.closed': checkReferendumClosed,
  'award.accepted': checkAwardAccepted,
  'challenge.filed': (c, e) =>
    c.challenges.some((x) => x.id === e.challenge) ? `a challenge "${e.challenge}" was already filed` : undefined,
  'challenge.decided': checkChallengeDecided,
  'conciliation.declined': (c) =>
    c.conciliation.some((x) => !x.declinedBy && !x.openedAt) ? undefined : 'nobody has asked for conciliation',
  'law.changed': checkLawChanged,
  'terms.paused': (c) => (hasTermsInForce(c) ? undefined : 'no imposed terms are in force to pause'),
  'dispute.ended': checkDisputeEnded,
};

/** Why this event breaks a rule of the dispute given its facts, or undefined when it keeps them all. */
export function problemWith(context: DisputeContext, event: DisputeEvent): Problem {
  const check = CHECKS[event.type] as ((c: DisputeContext, e: DisputeEvent) => Problem) | undefined;
  return check?.(context, event);
}

/** The regime a ballot opened now would fall under. */
export function regimeForNewBallot(context: DisputeContext, event: EventOf<'ballot.opened'>) {
  return regimeForBallot(context.rules, ms(event.at));
}
