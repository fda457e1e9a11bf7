/**
 * The engine: the one thing that drives the dispute machine. It starts from the rules and a first instant, takes
 * one event at a time on the replay clock (accepted, or refused with the reason), lets time pass to an instant
 * with the steps time causes, and forks an independent copy at the current point. It records nothing: a replay
 * is the engine plus a recorder, a simulation the engine alone. It imports nothing from `node:`, so the same
 * code runs in the inspector page.
 */
import { type Actor, createActor, type EventObject, type InspectionEvent, type Observer } from 'xstate';
import type { RulesChoice } from '../domain/regimes.js';
import { formatDay, formatInstant, parseInstant } from '../domain/time.js';
import type { TimedEmitted, TimedType } from '../machine/dispute.setup.js';
import { type DisputeMachine, type DisputeSnapshot, disputeMachine, explainRefusal } from '../machine/index.js';
import type { DisputeEvent } from '../schemas/events/index.js';
import { ReplayClock } from './clock.js';

/** What an engine starts from: the rules, the sector, and the instant the clock starts at. */
export interface EngineInput {
  rules?: RulesChoice;
  importantPublicService?: boolean;
  /** The first instant, as written in a scenario (`2023-01-01`, UK local). */
  start: string;
}

/** How an engine runs. */
export interface EngineOptions {
  /** Observes XState's inspection events (for live inspection). */
  inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
}

export { TIMED_TYPES, type TimedType } from '../machine/dispute.setup.js';

/** A step caused by time: a strike starting or ending on its date, a mandate lapsing, a window closing. */
export interface TimedStep {
  type: TimedType;
  /** The instant it happened, in epoch milliseconds. */
  atMs: number;
  /** The action it concerns (a strike's start and end). */
  action?: string;
  /** The ballot whose mandate it concerns (a lapse, a closing window). */
  ballot?: string;
  /** The machine's snapshot just after it. */
  snapshot: DisputeSnapshot;
}

/** What became of an event sent to the engine. */
export interface Sent {
  accepted: boolean;
  /** Why it was refused, in words for a reader. */
  reason?: string;
  /** The steps time caused between the clock's last instant and the event's own, in order. */
  timed: TimedStep[];
  /** The machine's snapshot after the event (unchanged if it was refused). */
  snapshot: DisputeSnapshot;
  /**
   * The event as the machine was offered it: the same, except that a bare day on the clock's own day is taken as
   * the clock's instant (later that day), so same-day events need no invented times.
   */
  event: DisputeEvent;
}

/** A day written without a time of day. */
const BARE_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A timer XState scheduled on the engine's clock, remembered so that a fork can arm it again. */
interface Scheduled {
  event: EventObject;
  id: string;
  dueMs: number;
}

/** The shape of XState's actor system that a fork needs (its scheduler); XState types it loosely. */
interface SchedulerSystem {
  getSnapshot(): { _scheduledEvents: Record<string, { event: EventObject; id: string; delay: number }> };
  scheduler: {
    schedule(source: unknown, target: unknown, event: EventObject, delay: number, id?: string): void;
  };
}

/** The dispute machine on the replay clock, one event at a time. */
export class Engine {
  readonly clock: ReplayClock;
  readonly actor: Actor<DisputeMachine>;
  readonly input: EngineInput;
  /** What the machine emitted while the clock fired its last timer. */
  #emitted: TimedEmitted[] = [];
  /** Each timer XState has armed, by its scheduled-event key, with its due instant on the replay clock. */
  #scheduled = new Map<string, Scheduled>();

  /** Starts the dispute machine at an instant under some rules. */
  static start(input: EngineInput, options: EngineOptions = {}): Engine {
    return new Engine(input, options);
  }

  private constructor(input: EngineInput, options: EngineOptions, from?: Engine) {
    this.input = input;
    const now = from ? from.clock.now() : parseInstant(input.start);
    this.clock = new ReplayClock(now, {
      armed: (delayMs) => this.#armed(delayMs),
      cleared: (key) => this.#scheduled.delete(key),
    });
    this.actor = createActor(disputeMachine, {
      clock: this.clock,
      input,
      ...(options.inspect ? { inspect: options.inspect } : {}),
      ...(from ? { snapshot: from.actor.getPersistedSnapshot() } : {}),
    });
    // The machine says what time did (a strike started, a mandate lapsed): nothing is inferred from XState's names.
    this.actor.on('*', (e) => {
      this.#emitted.push(e);
    });
    this.actor.start();
    if (from) {
      // A restored actor does not arm the timers of the states it is in: arm them again, each at its instant.
      const system = this.actor.system as unknown as SchedulerSystem;
      for (const s of [...from.#scheduled.values()].sort((a, b) => a.dueMs - b.dueMs)) {
        system.scheduler.schedule(this.actor, this.actor, s.event, Math.max(0, s.dueMs - now), s.id);
      }
    }
  }

  /** Notes the timer XState has just scheduled: the newest entry of its scheduler, now due at now + delay. */
  #armed(delayMs: number): string {
    const system = this.actor?.system as unknown as SchedulerSystem | undefined;
    const entries = system ? Object.entries(system.getSnapshot()._scheduledEvents) : [];
    const newest = entries[entries.length - 1];
    if (!newest) return '';
    const [key, { event, id }] = newest;
    this.#scheduled.set(key, { event, id, dueMs: this.clock.now() + Math.max(0, delayMs) });
    return key;
  }

  /** The machine's snapshot now. */
  get snapshot(): DisputeSnapshot {
    return this.actor.getSnapshot();
  }

  /** The clock's instant, in epoch milliseconds. */
  get nowMs(): number {
    return this.clock.now();
  }

  /** Whether the dispute is still live (not settled, imposed or abandoned). */
  get live(): boolean {
    return this.snapshot.status === 'active';
  }

  /**
   * The timers armed now, earliest first (ties in the order they were armed, as the clock fires them): the chart's
   * name for each delay (`untilNextStrike`, `untilMandateExpires`, …) and the instant it is due.
   */
  timers(): { delay: string; dueMs: number }[] {
    return [...this.#scheduled.values()]
      .sort((a, b) => a.dueMs - b.dueMs)
      .map((s) => ({ delay: s.event.type.split('.')[2] ?? '', dueMs: s.dueMs }));
  }

  /** Lets time pass to an instant; returns the steps time caused on the way, each at its own instant. */
  advanceTo(instantMs: number): TimedStep[] {
    const steps: TimedStep[] = [];
    if (instantMs <= this.clock.now()) return steps;
    this.#emitted = [];
    this.clock.advanceTo(instantMs, (atMs, key) => {
      this.#scheduled.delete(key);
      const snapshot = this.snapshot;
      for (const e of this.#emitted) {
        steps.push({ type: e.type, atMs, ...('action' in e ? { action: e.action } : { ballot: e.ballot }), snapshot });
      }
      this.#emitted = [];
    });
    return steps;
  }

  /**
   * Offers an event at its instant: time passes to it first (with the steps it causes), then the machine takes it
   * or refuses it. An event dated before the clock is refused.
   */
  send(offered: DisputeEvent): Sent {
    let event = offered;
    let at = parseInstant(event.at);
    const now = this.clock.now();
    if (at < now && BARE_DAY.test(event.at) && formatDay(now) === event.at) {
      at = now;
      event = { ...event, at: formatInstant(now) };
    }
    if (at < now) {
      return {
        accepted: false,
        reason: `dated before the clock (${formatInstant(now)})`,
        timed: [],
        snapshot: this.snapshot,
        event,
      };
    }
    const timed = this.advanceTo(at);
    const before = this.snapshot;
    if (before.status !== 'active') {
      return { accepted: false, reason: explainRefusal(before, event) ?? '', timed, snapshot: before, event };
    }
    // Every transition of the chart records the event, so a refused event leaves the snapshot as it was.
    this.actor.send(event);
    const after = this.snapshot;
    if (after === before) {
      const reason = explainRefusal(before, event) ?? 'not possible now';
      return { accepted: false, reason, timed, snapshot: after, event };
    }
    return { accepted: true, timed, snapshot: after, event };
  }

  /** An independent copy at the current point: the same snapshot, clock and armed timers; neither sees the other. */
  fork(options: EngineOptions = {}): Engine {
    return new Engine(this.input, options, this);
  }

  /** Stops the machine. */
  stop(): void {
    this.actor.stop();
  }
}
