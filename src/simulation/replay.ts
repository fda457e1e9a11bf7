/**
 * Replay: run a scenario's dated events through the dispute machine on the replay clock and record every step,
 * including those the passage of time causes (a strike starting on its date, a mandate lapsing).
 */
import { type Actor, createActor, type InspectionEvent, type Observer } from 'xstate';
import { formatInstant, parseInstant } from '../domain/time.js';
import {
  activePaths,
  type DisputeContext,
  type DisputeMachine,
  type DisputeSnapshot,
  disputeMachine,
  explainRefusal,
  outcomeOf,
} from '../machine/index.js';
import type { DisputeEvent } from '../schemas/events/index.js';
import type { Scenario, ScenarioEvent } from '../schemas/scenario.js';
import type { Trace, TraceStep } from '../schemas/trace.js';
import { ReplayClock } from './clock.js';

/** Options of a replay. */
export interface ReplayOptions {
  /** Stop at this instant: later events are not replayed and the clock goes no further. */
  until?: string;
  /** Observes XState's inspection events (for live inspection). */
  inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
  /** Called after each step is recorded, with the machine's snapshot at that step. */
  onStep?: (step: TraceStep, snapshot: DisputeSnapshot) => void;
}

const META_KEYS = new Set(['id', 'sources', 'note', 'quote', 'confidence']);

/** The machine event inside a scenario event: the event without its id, sources and note. */
export function toMachineEvent(event: ScenarioEvent): DisputeEvent {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(event)) if (!META_KEYS.has(k)) out[k] = v;
  return out as DisputeEvent;
}

/** The trace's name for a timer that fired, from the delay that armed it. */
const TIMED: Record<string, string> = {
  untilNextStrike: 'strike.started',
  untilStrikeEnds: 'strike.ended',
  untilMandateExpires: 'mandate.lapsed',
  untilActionWindowCloses: 'mandate.windowClosed',
};

/** A running replay: feed it events one by one, or all at once with `replay`. */
export class Replayer {
  readonly clock: ReplayClock;
  readonly actor: Actor<DisputeMachine>;
  readonly steps: TraceStep[] = [];
  #lastTimer = '';
  #onStep: ReplayOptions['onStep'];
  /** The sources of what set each timer going: a strike's call, the ballot behind a mandate. */
  #causes = new Map<string, string[]>();

  /** Starts the dispute machine at an instant under the scenario's rules. */
  constructor(
    readonly scenario: Pick<Scenario, 'id' | 'title' | 'kind' | 'rules' | 'importantPublicService'>,
    startsAt: string,
    options: Omit<ReplayOptions, 'until'> = {},
  ) {
    const { inspect, onStep } = options;
    this.#onStep = onStep;
    this.clock = new ReplayClock(parseInstant(startsAt));
    const observe = (e: InspectionEvent): void => {
      if (e.type === '@xstate.event' && e.event.type.startsWith('xstate.after.')) this.#lastTimer = e.event.type;
      if (typeof inspect === 'function') inspect(e);
      else inspect?.next?.(e);
    };
    this.actor = createActor(disputeMachine, {
      clock: this.clock,
      input: { rules: scenario.rules, importantPublicService: scenario.importantPublicService, start: startsAt },
      inspect: observe,
    });
    this.actor.start();
  }

  /** The machine's snapshot now. */
  get snapshot(): DisputeSnapshot {
    return this.actor.getSnapshot();
  }

  /** Lets time pass to an instant, recording each timer that fires as a step caused by time. */
  advanceTo(instantMs: number): void {
    if (instantMs <= this.clock.now()) return;
    let before = this.snapshot.context;
    this.clock.advanceTo(instantMs, (atMs) => {
      const delay = this.#lastTimer.split('.')[2] ?? '';
      const type = TIMED[delay] ?? 'time.passed';
      const event: TraceStep['event'] = { type, at: formatInstant(atMs) };
      const after = this.snapshot.context;
      const subject = timedSubject(type, before, after);
      if (subject) event.action = subject;
      const cause = subject ? `action:${subject}` : `ballot:${(before.mandate ?? after.mandate)?.ballot ?? ''}`;
      this.#push({
        date: formatInstant(atMs),
        event,
        cause: 'time',
        accepted: true,
        sources: this.#causes.get(cause) ?? [],
      });
      before = this.snapshot.context;
    });
  }

  /** Offers a scenario event to the machine at its instant; records whether it was accepted, and why not. */
  offer(event: ScenarioEvent): TraceStep {
    const at = parseInstant(event.at);
    const machineEvent = toMachineEvent(event);
    const base = {
      id: event.id,
      date: formatInstant(at),
      event: machineEvent as TraceStep['event'],
      cause: 'scenario' as const,
      sources: event.sources,
      ...(event.note ? { note: event.note } : {}),
    };
    if (at < this.clock.now()) {
      return this.#push({
        ...base,
        accepted: false,
        reason: `dated before the clock (${formatInstant(this.clock.now())})`,
      });
    }
    this.advanceTo(at);
    const before = this.snapshot;
    if (before.status !== 'active')
      return this.#push({ ...base, accepted: false, reason: explainRefusal(before, machineEvent) ?? '' });
    // Every transition of the chart records the event, so an event the machine refuses leaves the snapshot as it was.
    this.actor.send(machineEvent);
    if (this.snapshot === before) {
      return this.#push({
        ...base,
        accepted: false,
        reason: explainRefusal(before, machineEvent) ?? 'not possible now',
      });
    }
    this.#rememberCause(machineEvent, event.sources);
    return this.#push({ ...base, accepted: true });
  }

  /** The trace so far, ending at the clock's instant. */
  trace(): Trace {
    const snap = this.snapshot;
    return {
      scenario: {
        id: this.scenario.id,
        title: this.scenario.title,
        kind: this.scenario.kind,
        rules: this.scenario.rules,
      },
      steps: this.steps,
      final: {
        date: formatInstant(this.clock.now()),
        state: snap.value,
        active: activePaths(snap),
        outcome: outcomeOf(snap),
        context: snap.context as unknown as Record<string, unknown>,
      },
    };
  }

  /** Stops the machine. */
  stop(): void {
    this.actor.stop();
  }

  /** Keeps the sources of events whose consequences time will bring: strike dates, mandates. */
  #rememberCause(event: DisputeEvent, sources: string[]): void {
    if (event.type === 'strike.called' || event.type === 'strike.rescheduled') {
      const key = `action:${event.action}`;
      this.#causes.set(key, [...new Set([...(this.#causes.get(key) ?? []), ...sources])]);
    } else if (event.type === 'ballot.closed') {
      this.#causes.set(`ballot:${event.ballot}`, sources);
    } else if (event.type === 'mandate.extended' && this.snapshot.context.mandate) {
      const key = `ballot:${this.snapshot.context.mandate.ballot}`;
      this.#causes.set(key, [...new Set([...(this.#causes.get(key) ?? []), ...sources])]);
    }
  }

  #push(step: Omit<TraceStep, 'index' | 'state' | 'active' | 'context'>): TraceStep {
    const snap = this.snapshot;
    const full: TraceStep = {
      index: this.steps.length,
      ...step,
      state: snap.value,
      active: activePaths(snap),
      context: snap.context as unknown as Record<string, unknown>,
    };
    this.steps.push(full);
    this.#onStep?.(full, snap);
    return full;
  }
}

function timedSubject(type: string, before: DisputeContext, after: DisputeContext): string | undefined {
  if (type === 'strike.started') return after.actions.find((a) => a.status === 'running')?.id;
  if (type === 'strike.ended') {
    return after.actions.find(
      (a) => a.status === 'held' && before.actions.find((b) => b.id === a.id)?.status === 'running',
    )?.id;
  }
  return undefined;
}

/** Replays a whole scenario and returns its trace. Deterministic: the same scenario gives the same trace. */
export function replay(scenario: Scenario, options: ReplayOptions = {}): Trace {
  const untilMs = options.until ? parseInstant(options.until) : undefined;
  const { until: _until, ...hooks } = options;
  const replayer = new Replayer(scenario, scenario.period.from, hooks);
  for (const event of scenario.events) {
    if (untilMs !== undefined && parseInstant(event.at) > untilMs) break;
    replayer.offer(event);
  }
  if (replayer.snapshot.status === 'active') replayer.advanceTo(untilMs ?? parseInstant(scenario.period.to));
  const trace = replayer.trace();
  replayer.stop();
  return trace;
}
