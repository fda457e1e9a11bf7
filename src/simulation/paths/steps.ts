/**
 * The steps a walk of the dispute chart can take from a snapshot: an event from outside (one of a bounded
 * vocabulary of template events, dated at the record's clock), or time passing to the next timer's instant.
 */
import { type AnyActorScope, createEmptyActor } from 'xstate';
import { formatInstant, parseInstant } from '../../domain/time.js';
import { TIMERS } from '../../machine/dispute.setup.js';
import { type DisputeInput, type DisputeSnapshot, disputeMachine } from '../../machine/index.js';
import type { DisputeEvent } from '../../schemas/events/index.js';
import { candidateEvents, RECORD_ONLY } from '../branches.js';

/** A timer the chart arms by itself: a strike starting or ending, a mandate lapsing, an action window closing. */
export type TimerName = keyof typeof TIMERS;

/** A move a walk can make: an event from outside, or time passing to a timer's instant (which then fires). */
export type Move = { cause: 'scenario'; event: DisputeEvent } | { cause: 'time'; timer: TimerName; at: string };

/** One step of a path: a move and the snapshot it led to. */
export type PathStep = Move & { snapshot: DisputeSnapshot };

/**
 * The outside events a walk tries by default: the plausible next events of `candidateEvents` (the inspector's
 * branches), less those that only add to the record and never move the chart, and no new strike while two are
 * called. None once the dispute is over.
 */
export function candidateMoves(snapshot: DisputeSnapshot): DisputeEvent[] {
  if (snapshot.status !== 'active') return [];
  // A walk calls a new strike only while fewer than two are called: two are enough for every state of the chart,
  // and more would make the states it tells apart (by how many are called) endless.
  const calls = snapshot.context.action.pending.length < MAX_CALLED;
  return candidateEvents(snapshot.context).filter(
    (e) => !RECORD_ONLY.has(e.type) && (calls || e.type !== 'strike.called'),
  );
}

/** The most strikes a walk calls at once (a replay may have more called, which the walk then lets run or calls off). */
const MAX_CALLED = 2;

/**
 * The timer due first among those armed now, and its instant, read from the record as the chart's delays are.
 * Only the first: time runs in order, as on the replay clock, so a later timer never fires before an earlier one.
 * (Each timed transition of the chart ends in one without a guard, so the first timer always fires; one the
 * chart could refuse would stop the walk's clock there.)
 */
export function nextTimer(snapshot: DisputeSnapshot): { timer: TimerName; at: string; type: string } | undefined {
  if (snapshot.status !== 'active') return undefined;
  const now = snapshot.context.now;
  const armed = snapshot._nodes
    .flatMap((n) => n.ownEvents)
    .filter((type) => type.startsWith('xstate.after.'))
    .map((type) => {
      const timer = type.split('.')[2] as TimerName;
      const due = parseInstant(TIMERS[timer](snapshot.context) ?? now);
      return { timer, type, due: Math.max(due, parseInstant(now)) };
    })
    .sort((a, b) => a.due - b.due);
  const first = armed[0];
  return first && { timer: first.timer, at: formatInstant(first.due), type: first.type };
}

/** Every move a walk tries from a snapshot: the outside events, then the next timer. */
export function movesFrom(
  snapshot: DisputeSnapshot,
  events: (snapshot: DisputeSnapshot) => readonly DisputeEvent[] = candidateMoves,
): Move[] {
  const timer = nextTimer(snapshot);
  const outside = events(snapshot).map((event): Move => ({ cause: 'scenario', event }));
  return timer ? [...outside, { cause: 'time', timer: timer.timer, at: timer.at }] : outside;
}

let scope: AnyActorScope | undefined;

/**
 * An actor scope that runs nothing, as `xstate/graph` walks with: the chart's actions are all `assign`s, which
 * XState applies to the snapshot itself, and the timers it would arm are the walk's own `time` moves.
 */
function inertScope(): AnyActorScope {
  if (scope) return scope;
  const self = createEmptyActor();
  scope = {
    self,
    logger: () => {},
    id: '',
    sessionId: '',
    defer: () => {},
    system: self.system,
    stopChild: () => {},
    emit: () => {},
    actionExecutor: () => {},
  };
  return scope;
}

/** The snapshot a move leads to, or undefined when the machine refuses it (nothing changes). */
export function takeMove(snapshot: DisputeSnapshot, move: Move): DisputeSnapshot | undefined {
  let event: DisputeEvent;
  if (move.cause === 'scenario') event = move.event;
  else {
    const timer = nextTimer(snapshot);
    if (!timer || timer.timer !== move.timer) return undefined;
    // XState names a delayed transition's event after its delay and state node; the chart guards it as usual.
    event = { type: timer.type } as unknown as DisputeEvent;
  }
  const next = disputeMachine.transition(snapshot, event, inertScope());
  return next === snapshot ? undefined : next;
}

/** The snapshot a dispute starts in, under its input: where a walk of a whole dispute begins. */
export function initialSnapshot(input: DisputeInput): DisputeSnapshot {
  return disputeMachine.getInitialSnapshot(inertScope(), input);
}
