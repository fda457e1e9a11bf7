/** How a court's decision changes the record: the challenge, the mandate it ends, the strikes it stops or cuts. */
import { daysOfAction, parseInstant } from '../../domain/time.js';
import type { EventOf } from '../../schemas/events/index.js';
import type { ActionRecord } from '../../schemas/record.js';
import { courtEffects } from '../checks.js';
import type { DisputeContext } from '../context.js';
import { findById, updatedById } from '../lists.js';
import { type ContextPatch, changed, iso, optional } from './common.js';

/**
 * The record of a court's decision and of what it orders, applied at once: a mandate whose end it fixes (ended
 * now, if that end has passed), strikes stopped before they begin, and strikes cut short (the running one at the
 * decision itself, if its limit has passed). Recorded once: regions of the chart that re-arm their timers on the
 * same decision find the challenge decided and change nothing more.
 */
export function recordCourtDecision(context: DisputeContext, event: EventOf<'challenge.decided'>): ContextPatch {
  const challenge = findById(context.surroundings.challenges, event.challenge);
  if (!challenge || challenge.decidedAt) return {};
  const at = iso(event.at);
  const patch: ContextPatch = {
    ...changed(context, 'surroundings', {
      challenges: updatedById(context.surroundings.challenges, event.challenge, (c) => ({
        ...c,
        result: event.result,
        decidedAt: at,
        ...optional({ summary: event.summary }),
      })),
    }),
  };
  const effects = courtEffects(context, event);
  const mandate = context.balloting.mandate;
  if (effects.mandateEnd !== undefined && mandate) {
    const end = iso(effects.mandateEnd);
    patch.balloting = {
      ...context.balloting,
      mandate:
        parseInstant(end) <= parseInstant(at)
          ? { ...mandate, endedAt: at, end: 'court', endedBy: event.challenge }
          : { ...mandate, expiresAt: end, startBy: null, endedBy: event.challenge },
    };
  }
  let actions = context.action.actions;
  let { pending, running, daysOfAction: days } = context.action;
  const by = `the court (${event.challenge})`;
  const change = (id: string, fn: (a: ActionRecord) => ActionRecord) => {
    actions = updatedById(actions, id, fn);
  };
  for (const id of effects.stops) {
    change(id, (a) => ({
      ...a,
      status: 'cancelled',
      court: event.challenge,
      changes: [...a.changes, { at, change: `stopped by ${by}` }],
    }));
    pending = pending.filter((p) => p !== id);
  }
  for (const cut of effects.cuts) {
    change(cut.id, (a) => ({
      ...a,
      end: cut.end,
      endAsCalled: a.endAsCalled ?? a.end,
      court: event.challenge,
      changes: [...a.changes, { at, change: `cut short by ${by}: to end ${describeEnd(cut.end)}` }],
    }));
  }
  if (effects.endsRunningNow && running !== null) {
    const id = running;
    change(id, (a) => {
      const held = daysOfAction(parseInstant(a.start), parseInstant(at));
      days += held;
      return {
        ...a,
        status: 'held',
        end: at,
        endAsCalled: a.endAsCalled ?? a.end,
        days: held,
        court: event.challenge,
        changes: [...a.changes, { at, change: `ended by ${by}` }],
      };
    });
    running = null;
  }
  if (actions !== context.action.actions) {
    patch.action = { ...context.action, actions, pending, running, daysOfAction: days };
  }
  return patch;
}

/** An instant of the record as `2023-05-01 23:59`. */
const describeEnd = (end: string): string => end.slice(0, 16).replace('T', ' ');
