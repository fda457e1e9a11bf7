/**
 * How each fact changes the dispute's record: plain functions from the context and an event to the parts of
 * the context that change. The machine's actions are thin wrappers around them.
 */
import { judgeBallot, regimeById, regimeForBallot } from '../domain/regimes.js';
import { addDays, addMonths, daysOfAction, formatInstant, parseInstant, startOfDay } from '../domain/time.js';
import type { DisputeEvent, EventOf } from '../schemas/events/index.js';
import { pendingActions, runningAction } from './checks.js';
import type { ActionRecord, DisputeContext, OfferRecord } from './context.js';

/** The parts of a context that an event changes. */
export type ContextPatch = Partial<DisputeContext>;

const iso = (text: string): string => formatInstant(parseInstant(text));
const round1 = (x: number): number => Math.round(x * 1000) / 10;

/** Moves the clock of the record to an instant, never backwards. */
export function advanceNow(context: DisputeContext, at: string): ContextPatch {
  const next = iso(at);
  return parseInstant(next) > parseInstant(context.now) ? { now: next } : {};
}

function optional<T extends object>(fields: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  const out = {} as { [K in keyof T]: Exclude<T[K], undefined> };
  for (const [k, v] of Object.entries(fields)) {
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

function updateOffer(context: DisputeContext, id: string, change: Partial<OfferRecord>): OfferRecord[] {
  return context.offers.map((o) => (o.id === id ? { ...o, ...change } : o));
}

function updateAction(context: DisputeContext, id: string, change: (a: ActionRecord) => ActionRecord) {
  return context.actions.map((a) => (a.id === id ? change(a) : a));
}

/** The record of a declared dispute. */
export function recordDeclared(_context: DisputeContext, event: EventOf<'dispute.declared'>): ContextPatch {
  return { declaredAt: iso(event.at), union: event.by, claim: event.claim };
}

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

/** The record of talks opening or collapsing. */
export function recordTalks(context: DisputeContext, event: EventOf<'talks.opened' | 'talks.collapsed'>): ContextPatch {
  const at = iso(event.at);
  const closed = context.talks.map((t) => (t.closedAt ? t : { ...t, closedAt: at }));
  if (event.type === 'talks.collapsed') return { talks: closed };
  return { talks: [...closed, { with: event.with, openedAt: at, ...optional({ mediator: event.mediator }) }] };
}

/** The record of conciliation: requested, declined, opened or ended. */
export function recordConciliation(
  context: DisputeContext,
  event: EventOf<'conciliation.requested' | 'conciliation.declined' | 'conciliation.opened' | 'conciliation.ended'>,
): ContextPatch {
  const at = iso(event.at);
  const list = context.conciliation;
  const last = list.at(-1);
  const replaceLast = (change: object) => [...list.slice(0, -1), { ...last, ...change } as (typeof list)[number]];
  switch (event.type) {
    case 'conciliation.requested':
      return { conciliation: [...list, { requestedBy: event.by, requestedAt: at }] };
    case 'conciliation.declined':
      return last ? { conciliation: replaceLast({ declinedBy: event.by }) } : {};
    case 'conciliation.opened':
      return last && !last.openedAt && !last.declinedBy
        ? { conciliation: replaceLast({ openedAt: at }) }
        : { conciliation: [...list, { requestedBy: 'both parties', requestedAt: at, openedAt: at }] };
    case 'conciliation.ended':
      return last ? { conciliation: replaceLast({ endedAt: at, agreement: event.agreement }) } : {};
  }
}

/** The record of a new offer, superseding any open one. */
export function recordOfferMade(context: DisputeContext, event: EventOf<'offer.made'>): ContextPatch {
  const at = iso(event.at);
  const offers = context.offers.map((o) =>
    o.status === 'open' ? { ...o, status: 'superseded' as const, decidedAt: at } : o,
  );
  return {
    offers: [
      ...offers,
      {
        id: event.offer,
        by: event.by,
        summary: event.summary,
        madeAt: at,
        status: 'open',
        ...optional({ payUpliftPct: event.payUpliftPct, payYear: event.payYear, items: event.items }),
      },
    ],
  };
}

/** The record of an offer decided by its maker or the committee. */
export function recordOfferDecided(
  context: DisputeContext,
  event: EventOf<'offer.withdrawn' | 'offer.rejected' | 'offer.accepted'>,
): ContextPatch {
  const change: Partial<OfferRecord> =
    event.type === 'offer.withdrawn'
      ? { status: 'withdrawn', decidedBy: 'maker' }
      : { status: event.type === 'offer.rejected' ? 'rejected' : 'accepted', decidedBy: 'committee' };
  return { offers: updateOffer(context, event.offer, { ...change, decidedAt: iso(event.at) }) };
}

/** The record of a member vote opening (and of its offer going before the members). */
export function recordReferendumOpened(context: DisputeContext, event: EventOf<'referendum.opened'>): ContextPatch {
  const at = iso(event.at);
  return {
    referendums: [
      ...context.referendums,
      {
        id: event.referendum,
        kind: event.kind,
        openedAt: at,
        ...optional({ offer: event.offer, question: event.question }),
      },
    ],
    offers: event.offer ? updateOffer(context, event.offer, { status: 'putToMembers' }) : context.offers,
  };
}

/** The record of a member vote's result, and of what it does to its offer. */
export function recordReferendumClosed(context: DisputeContext, event: EventOf<'referendum.closed'>): ContextPatch {
  const at = iso(event.at);
  const result = event.yesPct > event.noPct ? ('yes' as const) : ('no' as const);
  const vote = context.referendums.find((r) => r.id === event.referendum);
  const referendums = context.referendums.map((r) =>
    r.id === event.referendum
      ? {
          ...r,
          closedAt: at,
          yesPct: event.yesPct,
          noPct: event.noPct,
          result,
          ...optional({ turnoutPct: event.turnoutPct, cast: event.cast, entitled: event.entitled }),
        }
      : r,
  );
  if (!vote?.offer) return { referendums };
  const offerChange: Partial<OfferRecord> =
    result === 'no'
      ? { status: 'rejected', decidedBy: 'members', decidedAt: at }
      : vote.kind === 'referendum'
        ? { status: 'accepted', decidedBy: 'members', decidedAt: at }
        : { status: 'open' };
  return { referendums, offers: updateOffer(context, vote.offer, offerChange) };
}

/** The record of a pay-review-body award, published or accepted. */
export function recordAward(
  context: DisputeContext,
  event: EventOf<'award.published' | 'award.accepted'>,
): ContextPatch {
  if (event.type === 'award.accepted') {
    return {
      awards: context.awards.map((a) =>
        a.id === event.award ? { ...a, acceptedAt: iso(event.at), acceptedInFull: event.inFull } : a,
      ),
    };
  }
  return {
    awards: [
      ...context.awards,
      {
        id: event.award,
        body: event.body,
        summary: event.summary,
        publishedAt: iso(event.at),
        ...optional({ payUpliftPct: event.payUpliftPct, payYear: event.payYear, items: event.items }),
      },
    ],
  };
}

/** The record of a strike called under the mandate held now. */
export function recordStrikeCalled(context: DisputeContext, event: EventOf<'strike.called'>): ContextPatch {
  return {
    actions: [
      ...context.actions,
      {
        id: event.action,
        scope: event.scope,
        start: iso(event.start),
        end: iso(event.end),
        calledAt: iso(event.at),
        ballot: context.mandate?.ballot ?? '',
        status: 'called',
        changes: [],
        ...optional({ hours: event.hours }),
      },
    ],
  };
}

/** The record of a called strike changed: moved, rescoped, suspended or called off (cut short if running). */
export function recordStrikeChanged(
  context: DisputeContext,
  event: EventOf<'strike.rescheduled' | 'strike.rescoped' | 'strike.suspended' | 'strike.cancelled'>,
): ContextPatch {
  const at = iso(event.at);
  let extraDays = 0;
  const actions = updateAction(context, event.action, (a) => {
    switch (event.type) {
      case 'strike.rescheduled':
        return {
          ...a,
          start: iso(event.start),
          end: iso(event.end),
          changes: [...a.changes, { at, change: `moved to ${iso(event.start)} – ${iso(event.end)}` }],
        };
      case 'strike.rescoped':
        return { ...a, scope: event.scope, changes: [...a.changes, { at, change: `scope changed to ${event.scope}` }] };
      default: {
        const status = event.type === 'strike.suspended' ? ('suspended' as const) : ('cancelled' as const);
        if (a.status !== 'running') return { ...a, status, changes: [...a.changes, { at, change: status }] };
        const days = daysOfAction(parseInstant(a.start), parseInstant(at));
        extraDays = days;
        return {
          ...a,
          status: 'held',
          end: at,
          days,
          changes: [...a.changes, { at, change: `cut short (${status})` }],
        };
      }
    }
  });
  return { actions, daysOfAction: context.daysOfAction + extraDays };
}

/** The record of the next called strike beginning at its start. */
export function recordStrikeStarted(context: DisputeContext): ContextPatch {
  const next = pendingActions(context)[0];
  if (!next) return {};
  return {
    now: next.start,
    actions: updateAction(context, next.id, (a) => ({ ...a, status: 'running' })),
  };
}

/** The record of the next called strike unable to start because no mandate covers it. */
export function recordStrikeLapsed(context: DisputeContext): ContextPatch {
  const next = pendingActions(context)[0];
  if (!next) return {};
  return {
    now: next.start,
    actions: updateAction(context, next.id, (a) => ({
      ...a,
      status: 'lapsed',
      changes: [...a.changes, { at: next.start, change: 'could not start: no live mandate' }],
    })),
  };
}

/** The record of the running strike reaching its end, with its days of action counted. */
export function recordStrikeEnded(context: DisputeContext): ContextPatch {
  const running = runningAction(context);
  if (!running) return {};
  const days = daysOfAction(parseInstant(running.start), parseInstant(running.end));
  return {
    now: running.end,
    daysOfAction: context.daysOfAction + days,
    actions: updateAction(context, running.id, (a) => ({ ...a, status: 'held', days })),
  };
}

/** The record of a reported impact of a strike. */
export function recordImpact(context: DisputeContext, event: EventOf<'impact.reported'>): ContextPatch {
  return {
    actions: updateAction(context, event.action, (a) => ({
      ...a,
      impact: {
        ...a.impact,
        by: event.by,
        ...optional({
          appointmentsRescheduled: event.appointmentsRescheduled,
          staffAbsentPeak: event.staffAbsentPeak,
          summary: event.summary,
        }),
      },
    })),
  };
}

/** The record of the world around the dispute: office holders, polls, impositions, challenges, the law. */
export function recordSurroundings(
  context: DisputeContext,
  event: EventOf<
    | 'office.changed'
    | 'poll.published'
    | 'terms.imposed'
    | 'terms.paused'
    | 'challenge.filed'
    | 'challenge.decided'
    | 'law.changed'
  >,
): ContextPatch {
  const at = iso(event.at);
  switch (event.type) {
    case 'office.changed':
      return { officeHolders: [...context.officeHolders, { role: event.role, holder: event.holder, since: at }] };
    case 'poll.published':
      return {
        polls: [
          ...context.polls,
          {
            at,
            pollster: event.pollster,
            supportPct: event.supportPct,
            ...optional({ opposePct: event.opposePct, question: event.question }),
          },
        ],
      };
    case 'terms.imposed':
      return {
        impositions: [
          ...context.impositions,
          {
            at,
            by: event.by,
            summary: event.summary,
            ...optional({ effective: event.effective && iso(event.effective) }),
          },
        ],
      };
    case 'terms.paused': {
      const last = context.impositions.findLastIndex((i) => !i.pausedAt);
      return {
        impositions: context.impositions.map((i, k) => (k === last ? { ...i, pausedAt: at } : i)),
      };
    }
    case 'challenge.filed':
      return {
        challenges: [...context.challenges, { id: event.challenge, by: event.by, summary: event.summary, filedAt: at }],
      };
    case 'challenge.decided':
      return {
        challenges: context.challenges.map((c) =>
          c.id === event.challenge
            ? { ...c, result: event.result, decidedAt: at, ...optional({ summary: event.summary }) }
            : c,
        ),
      };
    case 'law.changed':
      return { lawInForce: event.regime };
  }
}

/** The record of the dispute's end. */
export function recordEnded(_context: DisputeContext, event: DisputeEvent): ContextPatch {
  return { endedAt: iso(event.at) };
}
