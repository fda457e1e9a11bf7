/** How strikes (called, changed, started, ended) and their reported impact change the record. */
import { daysOfAction, parseInstant } from '../../domain/time.js';
import type { EventOf } from '../../schemas/events/index.js';
import type { ActionRecord } from '../../schemas/record.js';
import { nextPendingAction, runningAction } from '../checks.js';
import type { DisputeContext } from '../context.js';
import { appended, positionOf } from '../lists.js';
import { type ContextPatch, changed, iso, optional, updateAction } from './common.js';

/**
 * The pending strikes with one more, in its place: by start, and among strikes starting together in the order
 * they were called (the order of `actions`), as a stable sort of the called strikes by start would put them.
 */
function withPending(pending: readonly string[], actions: readonly ActionRecord[], id: string): string[] {
  const at = positionOf(actions, id);
  const start = parseInstant((actions[at] as ActionRecord).start);
  const before = (other: string): boolean => {
    const k = positionOf(actions, other);
    const otherStart = parseInstant((actions[k] as ActionRecord).start);
    return otherStart < start || (otherStart === start && k < at);
  };
  let i = 0;
  while (i < pending.length && before(pending[i] as string)) i++;
  return pending.toSpliced(i, 0, id);
}

/** The record of a strike called under the mandate held now. */
export function recordStrikeCalled(context: DisputeContext, event: EventOf<'strike.called'>): ContextPatch {
  const actions = appended(context.action.actions, {
    id: event.action,
    scope: event.scope,
    start: iso(event.start),
    end: iso(event.end),
    calledAt: iso(event.at),
    ...(event.noticeServed ? { noticeServedAt: iso(event.noticeServed) } : {}),
    ballot: context.balloting.mandate?.ballot ?? '',
    status: 'called',
    changes: [],
    ...optional({
      hours: event.hours,
      scopeChanges: event.scopeChanges?.map((c) => ({ from: iso(c.from), scope: c.scope })),
      employers: event.employers && { count: event.employers.count, kind: event.employers.kind },
      derogations: event.derogations,
      mandateEndArgued: event.mandateEndArgued && iso(event.mandateEndArgued),
    }),
  });
  return changed(context, 'action', { actions, pending: withPending(context.action.pending, actions, event.action) });
}

/** The record of a called strike changed: moved, rescoped, suspended or called off (cut short if running). */
export function recordStrikeChanged(
  context: DisputeContext,
  event: EventOf<'strike.rescheduled' | 'strike.rescoped' | 'strike.suspended' | 'strike.cancelled'>,
): ContextPatch {
  const at = iso(event.at);
  const { pending, running } = context.action;
  const others = pending.filter((id) => id !== event.action);
  switch (event.type) {
    case 'strike.rescheduled': {
      const [start, end] = [parseInstant(event.start), parseInstant(event.end)];
      const actions = updateAction(context, event.action, (a) => {
        // Changes of scope the call declared go with the dates only where they still fall inside the strike.
        const kept = a.scopeChanges?.filter((c) => parseInstant(c.from) > start && parseInstant(c.from) < end);
        const { scopeChanges: _dropped, ...rest } = a;
        return {
          ...rest,
          ...(kept?.length ? { scopeChanges: kept } : {}),
          start: iso(event.start),
          end: iso(event.end),
          changes: [...a.changes, { at, change: `moved to ${iso(event.start)} – ${iso(event.end)}` }],
        };
      });
      const moved = others.length < pending.length ? withPending(others, actions, event.action) : pending;
      return changed(context, 'action', { actions, pending: moved });
    }
    case 'strike.rescoped':
      return changed(context, 'action', {
        actions: updateAction(context, event.action, (a) => ({
          ...a,
          scope: event.scope,
          changes: [...a.changes, { at, change: `scope changed to ${event.scope}` }],
        })),
      });
    default: {
      const status = event.type === 'strike.suspended' ? ('suspended' as const) : ('cancelled' as const);
      let extraDays = 0;
      const actions = updateAction(context, event.action, (a) => {
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
      });
      return changed(context, 'action', {
        actions,
        pending: others,
        running: running === event.action ? null : running,
        daysOfAction: context.action.daysOfAction + extraDays,
      });
    }
  }
}

/** The record of the next called strike beginning at its start. */
export function recordStrikeStarted(context: DisputeContext): ContextPatch {
  const next = nextPendingAction(context);
  if (!next) return {};
  return {
    now: next.start,
    ...changed(context, 'action', {
      actions: updateAction(context, next.id, (a) => ({ ...a, status: 'running' })),
      pending: context.action.pending.slice(1),
      running: next.id,
    }),
  };
}

/** The record of the next called strike unable to start because no mandate covers it. */
export function recordStrikeLapsed(context: DisputeContext): ContextPatch {
  const next = nextPendingAction(context);
  if (!next) return {};
  return {
    now: next.start,
    ...changed(context, 'action', {
      actions: updateAction(context, next.id, (a) => ({
        ...a,
        status: 'lapsed',
        changes: [...a.changes, { at: next.start, change: 'could not start: no live mandate' }],
      })),
      pending: context.action.pending.slice(1),
    }),
  };
}

/** The record of the running strike reaching its end, with its days of action counted. */
export function recordStrikeEnded(context: DisputeContext): ContextPatch {
  const running = runningAction(context);
  if (!running) return {};
  const days = daysOfAction(parseInstant(running.start), parseInstant(running.end));
  return {
    now: running.end,
    ...changed(context, 'action', {
      actions: updateAction(context, running.id, (a) => ({ ...a, status: 'held', days })),
      running: null,
      daysOfAction: context.action.daysOfAction + days,
    }),
  };
}

/** The record of a reported impact of a strike. */
export function recordImpact(context: DisputeContext, event: EventOf<'impact.reported'>): ContextPatch {
  return changed(context, 'action', {
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
  });
}
