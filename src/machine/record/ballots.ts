/** How ballots and mandates change the record. */
import { judgeBallot, regimeById, regimeForBallot } from '../../domain/regimes.js';
import { addDays, addMonths, formatInstant, parseInstant, startOfDay } from '../../domain/time.js';
import type { EventOf } from '../../schemas/events/index.js';
import type { DisputeContext } from '../context.js';
import { type ContextPatch, iso, optional, round1 } from './common.js';

/** The record of a ballot opening under the regime for its date. */
export function recordBallotOpened(context: DisputeContext, event: EventOf<'ballot.opened'>): ContextPatch {
  const regime = regimeForBallot(context.rules, parseInstant(event.at));
  return {
    ballots: [
      ...context.ballots,
      {
        id: event.ballot,
        regime: regime.id,
        openedAt: iso(event.at),
        ...optional({
          closes: event.closes && iso(event.closes),
          constituency: event.constituency,
          supplementary: event.supplementary,
        }),
      },
    ],
  };
}

/** The record of a ballot's result, and of the mandate it gives (or leaves as it was). */
export function recordBallotClosed(context: DisputeContext, event: EventOf<'ballot.closed'>): ContextPatch {
  const ballot = context.ballots.find((b) => b.id === event.ballot);
  if (!ballot) return {};
  const regime = regimeById(ballot.regime);
  const verdict = judgeBallot(regime, event, context.importantPublicService);
  const closedAt = iso(event.at);
  const ballots = context.ballots.map((b) =>
    b.id === event.ballot
      ? {
          ...b,
          closedAt,
          entitled: event.entitled,
          cast: event.cast,
          yes: event.yes,
          no: event.no,
          turnoutPct: round1(verdict.turnout),
          yesPct: round1(verdict.yesShareOfCast),
          yesOfEntitledPct: round1(verdict.yesShareOfEntitled),
          mandate: verdict.mandate,
          reasons: verdict.reasons,
        }
      : b,
  );
  if (!verdict.mandate) return { ballots };
  const closeMs = parseInstant(event.at);
  const rule = regime.mandate;
  const granted = {
    ballot: ballot.id,
    regime: regime.id,
    grantedAt: closedAt,
    // The law counts "the period of six months (four weeks) beginning with the date of the ballot": the
    // mandate ends as the same calendar day comes round, at midnight.
    expiresAt: rule.kind === 'fixed' ? formatInstant(addMonths(startOfDay(closeMs), rule.months)) : null,
    startBy:
      rule.kind === 'until-given-up' ? formatInstant(addDays(startOfDay(closeMs), rule.startWithinWeeks * 7)) : null,
  };
  if (ballot.supplementary) return { ballots, supplementaryMandates: [...context.supplementaryMandates, granted] };
  const previous =
    context.mandate && !context.mandate.endedAt
      ? { ...context.mandate, endedAt: closedAt, end: 'renewed' as const }
      : null;
  return {
    ballots,
    mandate: granted,
    // A renewed mandate carries on the actions already called under the old one.
    actions: previous
      ? context.actions.map((a) => (a.status === 'called' || a.status === 'running' ? { ...a, ballot: ballot.id } : a))
      : context.actions,
  };
}

/** The record of a mandate extended by agreement. */
export function recordMandateExtended(context: DisputeContext, event: EventOf<'mandate.extended'>): ContextPatch {
  const mandate = context.mandate;
  if (!mandate) return {};
  return mandate.startBy && !mandate.expiresAt
    ? { mandate: { ...mandate, startBy: iso(event.until) } }
    : { mandate: { ...mandate, expiresAt: iso(event.until) } };
}

/** The record of a mandate that has ended, by lapse or by the union giving it up. */
export function recordMandateEnded(context: DisputeContext, end: 'lapsed' | 'relinquished', at: string): ContextPatch {
  if (!context.mandate) return {};
  return { mandate: { ...context.mandate, endedAt: iso(at), end } };
}

/** The record of a mandate that began to be used before its window closed, and now lasts until given up. */
export function recordMandateSecured(context: DisputeContext): ContextPatch {
  if (!context.mandate) return {};
  return { mandate: { ...context.mandate, startBy: null } };
}
