/** How strikes (called, changed, started, ended) and their reported impact change the record. */
import { daysOfAction, parseInstant } from '../../domain/time.js';
import type { EventOf } from '../../schemas/events/index.js';
import { pendingActions, runningAction } from '../checks.js';
import type { DisputeContext } from '../context.js';
import { type ContextPatch, iso, optional, updateAction } from './common.js';

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
