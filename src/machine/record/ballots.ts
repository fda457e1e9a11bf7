/** How ballots and mandates change the record. */
import { judgeBallot, regimeById, regimeForBallot } from '../../domain/regimes.js';
import { addDays, addMonths, formatInstant, parseInstant, startOfDay } from '../../domain/time.js';
import type { EventOf } from '../../schemas/events/index.js';
import type { ActionRecord, MandateRecord } from '../../schemas/record.js';
import { findBallot } from '../checks.js';
import type { DisputeContext } from '../context.js';
import { appended, positionOf, replacedAt } from '../lists.js';
import { type ContextPatch, changed, iso, optional, round1 } from './common.js';

/** The record of a ballot opening under the regime for its date. */
export function recordBallotOpened(context: DisputeContext, event: EventOf<'ballot.opened'>): ContextPatch {
  const regime = regimeForBallot(context.law.rules, parseInstant(event.at));
  return changed(context, 'balloting', {
    ballots: appended(context.balloting.ballots, {
      id: event.ballot,
      regime: regime.id,
      openedAt: iso(event.at),
      ...optional({
        closes: event.closes && iso(event.closes),
        constituency: event.constituency,
        supplementary: event.supplementary,
      }),
    }),
  });
}

/** The actions called or under way, now under the mandate of another ballot (a renewed mandate carries them on). */
function carriedOn(context: DisputeContext, ballot: string): ActionRecord[] {
  let actions = context.action.actions;
  const live =
    context.action.running === null ? context.action.pending : [...context.action.pending, context.action.running];
  for (const id of live) {
    const at = positionOf(actions, id);
    const action = actions[at];
    if (action) actions = replacedAt(actions, at, { ...action, ballot });
  }
  return actions;
}

/** The record of a ballot's result, and of the mandate it gives (or leaves as it was). */
export function recordBallotClosed(context: DisputeContext, event: EventOf<'ballot.closed'>): ContextPatch {
  const ballot = findBallot(context, event.ballot);
  if (!ballot) return {};
  const regime = regimeById(ballot.regime);
  const verdict = judgeBallot(regime, event, context.law.importantPublicService);
  const closedAt = iso(event.at);
  const ballots = replacedAt(context.balloting.ballots, positionOf(context.balloting.ballots, ballot.id), {
    ...ballot,
    closedAt,
    ...optional({
      announcedAt: event.announced && iso(event.announced),
      entitled: event.entitled,
      cast: event.cast,
      yes: event.yes,
      no: event.no,
      turnoutPct: verdict.turnout === undefined ? undefined : round1(verdict.turnout),
      yesPct: verdict.yesShareOfCast === undefined ? undefined : round1(verdict.yesShareOfCast),
      yesOfEntitledPct: verdict.yesShareOfEntitled === undefined ? undefined : round1(verdict.yesShareOfEntitled),
      constituencies: event.constituencies && {
        met: event.constituencies.met,
        ...optional({ balloted: event.constituencies.balloted }),
        unit: event.constituencies.unit,
      },
    }),
    mandate: verdict.mandate,
    ...(verdict.byFigures === undefined ? { asAnnounced: true } : {}),
    reasons: verdict.reasons,
  });
  if (!verdict.mandate) return changed(context, 'balloting', { ballots });
  const closeMs = parseInstant(event.at);
  const rule = regime.mandate;
  const granted: MandateRecord = {
    ballot: ballot.id,
    regime: regime.id,
    grantedAt: closedAt,
    // The law counts "the period of six months (four weeks) beginning with the date of the ballot": the
    // mandate ends as the same calendar day comes round, at midnight.
    expiresAt: rule.kind === 'fixed' ? formatInstant(addMonths(startOfDay(closeMs), rule.months)) : null,
    startBy:
      rule.kind === 'until-given-up' ? formatInstant(addDays(startOfDay(closeMs), rule.startWithinWeeks * 7)) : null,
    ...(event.constituencies ? { covers: { count: event.constituencies.met, unit: event.constituencies.unit } } : {}),
  };
  if (ballot.supplementary) {
    return changed(context, 'balloting', {
      ballots,
      supplementaryMandates: appended(context.balloting.supplementaryMandates, granted),
    });
  }
  const held = context.balloting.mandate;
  const renewed = !!held && !held.endedAt;
  return {
    ...changed(context, 'balloting', { ballots, mandate: granted }),
    // A renewed mandate carries on the actions already called under the old one.
    ...(renewed ? changed(context, 'action', { actions: carriedOn(context, ballot.id) }) : {}),
  };
}

/** The record of a mandate extended by agreement. */
export function recordMandateExtended(context: DisputeContext, event: EventOf<'mandate.extended'>): ContextPatch {
  const mandate = context.balloting.mandate;
  if (!mandate) return {};
  return changed(context, 'balloting', {
    mandate:
      mandate.startBy && !mandate.expiresAt
        ? { ...mandate, startBy: iso(event.until) }
        : { ...mandate, expiresAt: iso(event.until) },
  });
}

/** The record of a mandate that has ended, by lapse or by the union giving it up. */
export function recordMandateEnded(
  context: DisputeContext,
  end: 'lapsed' | 'relinquished' | 'court',
  at: string,
): ContextPatch {
  const mandate = context.balloting.mandate;
  if (!mandate) return {};
  return changed(context, 'balloting', { mandate: { ...mandate, endedAt: iso(at), end } });
}

/** The record of a mandate that began to be used before its window closed, and now lasts until given up. */
export function recordMandateSecured(context: DisputeContext): ContextPatch {
  const mandate = context.balloting.mandate;
  if (!mandate) return {};
  return changed(context, 'balloting', { mandate: { ...mandate, startBy: null } });
}
