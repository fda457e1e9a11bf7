/**
 * Replay: the engine plus a recorder. Each scenario event goes to the engine at its instant; the recorder writes
 * a Trace step for it and for every step time causes on the way (a strike starting on its date, a mandate
 * lapsing), each with what changed in the record since the step before.
 */
import type { InspectionEvent, Observer } from 'xstate';
import { formatInstant, parseInstant } from '../domain/time.js';
import { activePaths, type DisputeSnapshot, outcomeOf } from '../machine/index.js';
import type { DisputeEvent } from '../schemas/events/index.js';
import type { Scenario, ScenarioEvent } from '../schemas/scenario.js';
import type { Trace, TraceStep } from '../schemas/trace.js';
import { TRACE_VERSION } from '../schemas/version.js';
import { Engine, type TimedStep } from './engine.js';
import { clone, diff } from './patch.js';

/** How a replay records each step's record. */
export type RecordMode = 'patch' | 'full';

/** Options of a replay. */
export interface ReplayOptions {
  /** Stop at this instant: later events are not replayed and the clock goes no further. */
  until?: string;
  /** Observes XState's inspection events (for live inspection). */
  inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
  /** Called after each step is recorded, with the machine's snapshot at that step. */
  onStep?: (step: TraceStep, snapshot: DisputeSnapshot) => void;
  /**
   * `patch` (default): each step carries what changed in the record (a JSON Patch), so the Trace grows linearly;
   * `full`: each step carries the whole record, as small files and quick readers may prefer.
   */
  records?: RecordMode;
}

const META_KEYS = new Set(['id', 'sources', 'note', 'later', 'quote', 'confidence', 'ask']);

/** Machine events already made, by their scenario event: a scenario replayed again reuses them. */
const machineEvents = new WeakMap<ScenarioEvent, DisputeEvent>();

/** The machine event inside a scenario event: the event without its id, sources and note (made once, so read-only). */
export function toMachineEvent(event: ScenarioEvent): DisputeEvent {
  const known = machineEvents.get(event);
  if (known) return known;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(event)) if (!META_KEYS.has(k)) out[k] = v;
  machineEvents.set(event, out as DisputeEvent);
  return out as DisputeEvent;
}

/** The parts of a scenario a replay needs before its events. */
type ScenarioHead = Pick<Scenario, 'id' | 'title' | 'kind' | 'rules' | 'importantPublicService'>;

/** A running replay: feed it events one by one, or all at once with `replay`. */
export class Replayer {
  readonly engine: Engine;
  readonly steps: TraceStep[] = [];
  readonly #initial: Trace['initial'];
  readonly #onStep: ReplayOptions['onStep'];
  readonly #mode: RecordMode;
  /** The record of the last step written, to patch the next one against. */
  #last: DisputeSnapshot['context'];
  /** The sources of what set each timer going: a strike's call, the ballot behind a mandate. */
  #causes = new Map<string, string[]>();

  /** Starts the dispute machine at an instant under the scenario's rules (or goes on from another replay's engine). */
  constructor(
    readonly scenario: ScenarioHead,
    startsAt: string,
    options: Omit<ReplayOptions, 'until'> = {},
    from?: { engine: Engine; replayer: Replayer },
  ) {
    this.#onStep = options.onStep;
    this.#mode = options.records ?? 'patch';
    if (from) {
      this.engine = from.engine;
      this.steps = [...from.replayer.steps];
      this.#initial = from.replayer.#initial;
      this.#last = from.replayer.#last;
      this.#causes = new Map(from.replayer.#causes);
      return;
    }
    this.engine = Engine.start(
      { rules: scenario.rules, importantPublicService: scenario.importantPublicService, start: startsAt },
      options.inspect ? { inspect: options.inspect } : {},
    );
    const snap = this.engine.snapshot;
    this.#last = snap.context;
    this.#initial = {
      date: formatInstant(this.engine.nowMs),
      state: snap.value,
      active: activePaths(snap),
      context: clone(snap.context),
    };
  }

  /** The machine's snapshot now. */
  get snapshot(): DisputeSnapshot {
    return this.engine.snapshot;
  }

  /** The replay clock. */
  get clock(): Engine['clock'] {
    return this.engine.clock;
  }

  /** Lets time pass to an instant, recording each timer that fires as a step caused by time. */
  advanceTo(instantMs: number): void {
    for (const t of this.engine.advanceTo(instantMs)) this.#pushTimed(t);
  }

  /** Offers a scenario event to the machine at its instant; records whether it was accepted, and why not. */
  offer(event: ScenarioEvent): TraceStep {
    const machineEvent = toMachineEvent(event);
    const sent = this.engine.send(machineEvent);
    for (const t of sent.timed) this.#pushTimed(t);
    if (sent.accepted) this.#rememberCause(machineEvent, event.sources);
    return this.#push(
      {
        id: event.id,
        // A bare day on the day of the step before is taken as later that day (the engine says when).
        date: formatInstant(parseInstant(sent.event.at)),
        event: sent.event as TraceStep['event'],
        cause: 'scenario',
        accepted: sent.accepted,
        ...(sent.reason !== undefined ? { reason: sent.reason } : {}),
        sources: event.sources,
        ...(event.note ? { note: event.note } : {}),
        ...(event.later ? { later: event.later } : {}),
      },
      sent.snapshot,
    );
  }

  /** The trace so far, ending at the clock's instant. */
  trace(): Trace {
    const snap = this.snapshot;
    return {
      version: TRACE_VERSION,
      scenario: {
        id: this.scenario.id,
        title: this.scenario.title,
        kind: this.scenario.kind,
        rules: this.scenario.rules,
      },
      initial: this.#initial,
      steps: this.steps,
      final: {
        date: formatInstant(this.engine.nowMs),
        state: snap.value,
        active: activePaths(snap),
        outcome: outcomeOf(snap),
        context: clone(snap.context),
      },
    };
  }

  /** Stops the machine. */
  stop(): void {
    this.engine.stop();
  }

  /**
   * An independent replay that goes on from this point: the engine forked, the steps so far kept. What is
   * offered to either afterwards is unknown to the other.
   */
  fork(options: Omit<ReplayOptions, 'until' | 'inspect'> = {}): Replayer {
    const engine = this.engine.fork();
    return new Replayer(
      this.scenario,
      this.#initial.date,
      { records: this.#mode, ...options },
      { engine, replayer: this },
    );
  }

  #pushTimed(t: TimedStep): void {
    const date = formatInstant(t.atMs);
    const event: TraceStep['event'] = { type: t.type, at: date, ...(t.action ? { action: t.action } : {}) };
    const cause = t.action ? `action:${t.action}` : `ballot:${t.ballot ?? ''}`;
    this.#push({ date, event, cause: 'time', accepted: true, sources: this.#causes.get(cause) ?? [] }, t.snapshot);
  }

  /** Keeps the sources of events whose consequences time will bring: strike dates, mandates. */
  #rememberCause(event: DisputeEvent, sources: string[]): void {
    if (event.type === 'strike.called' || event.type === 'strike.rescheduled') {
      const key = `action:${event.action}`;
      this.#causes.set(key, [...new Set([...(this.#causes.get(key) ?? []), ...sources])]);
    } else if (event.type === 'ballot.closed') {
      this.#causes.set(`ballot:${event.ballot}`, sources);
    } else if (event.type === 'mandate.extended' && this.snapshot.context.balloting.mandate) {
      const key = `ballot:${this.snapshot.context.balloting.mandate.ballot}`;
      this.#causes.set(key, [...new Set([...(this.#causes.get(key) ?? []), ...sources])]);
    }
  }

  #push(step: Omit<TraceStep, 'index' | 'state' | 'active' | 'patch' | 'context'>, snap: DisputeSnapshot): TraceStep {
    const record = this.#mode === 'full' ? { context: clone(snap.context) } : { patch: diff(this.#last, snap.context) };
    this.#last = snap.context;
    const full: TraceStep = {
      index: this.steps.length,
      ...step,
      state: snap.value,
      active: activePaths(snap),
      ...record,
    };
    this.steps.push(full);
    this.#onStep?.(full, snap);
    return full;
  }
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
