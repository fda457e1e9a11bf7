/**
 * A Monte Carlo of a dispute: from a step of its replay, each run plays the parties' moves forward week by week,
 * drawn from the strategies (runs.ts), through the same statechart and the same law, until an outcome or the
 * horizon. Every move is an event offered to the table; one it refuses is never counted as played.
 *
 * The replay to the start always goes through the XState actor. The runs then play at the fast table (fast.ts),
 * proved equal to the actor by differential tests, or, with `engine: 'actor'`, at the actor itself (the reference).
 */
import { formatInstant, parseInstant } from '../domain/time.js';
import type { Scenario, ScenarioFile } from '../schemas/scenario.js';
import { DEFAULT_STRATEGY, type Strategy } from '../schemas/strategy.js';
import { ActorTable, acceptedUplift, fastStartOf } from './actor-table.js';
import { branchAt } from './branch.js';
import type { Engine } from './engine.js';
import { type FastRuns, playFastRuns } from './fast-runs.js';
import { Replayer, replay } from './replay.js';
import { MONTH_MS, playRun, type RunResult, round1 } from './runs.js';
import { type Counts, type Distribution, distributionOf, Tally } from './tally.js';

export { acceptedUplift } from './actor-table.js';
export { type FastRuns, playFastRuns } from './fast-runs.js';
export { concession, type RunResult, resistance, runRandom } from './runs.js';
export { type Distribution, distribution, Tally } from './tally.js';

/** Where the runs start: just after a step of the replay. */
export interface SimulationStart {
  /** The number of the scenario's events replayed before the runs take over. */
  events: number;
  date: string;
  /** The event the runs start before (the first they replace), if any is left. */
  before?: string;
}

/** Where the runs start for `from`: an event id (just before it), a day (the end of it), or the declaration. */
export function simulationStart(scenario: Scenario, from: string | undefined): SimulationStart {
  const events = scenario.events;
  let count: number;
  if (from === undefined) {
    const declared = events.findIndex((e) => e.type === 'dispute.declared');
    count = declared + 1;
  } else if (events.some((e) => e.id === from)) {
    count = events.findIndex((e) => e.id === from);
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(from) && from >= scenario.period.from && from <= scenario.period.to) {
    count = events.filter((e) => e.at.slice(0, 10) <= from).length;
  } else {
    throw new RangeError(
      `--from ${from} is neither an event id of ${scenario.id} nor a day (YYYY-MM-DD) in its period`,
    );
  }
  const before = events[count];
  const last = events[count - 1];
  return {
    events: count,
    date: from !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(from) ? `${from}T23:59` : (last?.at ?? scenario.period.from),
    ...(before ? { before: before.id } : {}),
  };
}

/** The tables a simulation can play its runs at: the fast reducer (the default) or the XState actor. */
export type SimulationEngine = 'fast' | 'actor';

/** How to simulate. */
export interface SimulateOptions {
  from?: string;
  runs: number;
  seed: number;
  strategy?: Strategy;
  /** The table the runs play at (default `fast`; `actor` is the reference it is proved equal to). */
  engine?: SimulationEngine;
  /** The indices of the runs whose events are kept (to write them out as scenario files). */
  keep?: readonly number[];
  /** The first run's index (a worker's share of the runs starts here). */
  first?: number;
  /** Told the number of runs done after each (for a progress bar). */
  onRun?: (done: number) => void;
}

/** The scenario replayed to where the runs start, ready to fork one engine a run. */
export function startingReplay(scenario: Scenario, start: SimulationStart): Replayer {
  const replayer = new Replayer(scenario, scenario.period.from);
  for (const e of scenario.events.slice(0, start.events)) replayer.offer(e);
  if (start.date > (scenario.events[start.events - 1]?.at ?? '')) replayer.advanceTo(parseInstant(start.date));
  return replayer;
}

/** The claim the members' resistance starts from: the strategy's, else the dispute's, else 20%. */
function claimOf(strategy: Strategy, engine: Engine): number {
  return strategy.members.claimPct ?? engine.snapshot.context.dispute.claim?.payRestorationPct ?? 20;
}

/** The start of a simulation's fast runs (plain data: it crosses to worker threads). */
export function fastRunsOf(scenario: Scenario, start: SimulationStart, strategy: Strategy): FastRuns {
  const replayer = startingReplay(scenario, start);
  try {
    const base = replayer.engine;
    return {
      table: fastStartOf(base),
      startMs: base.nowMs,
      claimPct: claimOf(strategy, base),
    };
  } finally {
    replayer.stop();
  }
}

/** Plays the runs, each at its own table forked from the start, and reports each as it ends. */
export function simulateRuns(
  scenario: Scenario,
  options: SimulateOptions,
  onRun: (run: RunResult) => void,
): SimulationStart {
  const strategy = options.strategy ?? DEFAULT_STRATEGY;
  const start = simulationStart(scenario, options.from);
  if ((options.engine ?? 'fast') === 'fast') {
    playFastRuns(fastRunsOf(scenario, start, strategy), { ...options, strategy }, onRun);
    return start;
  }
  const replayer = startingReplay(scenario, start);
  const base = replayer.engine;
  const startMs = base.nowMs;
  const claimPct = claimOf(strategy, base);
  const keep = new Set(options.keep ?? []);
  const first = options.first ?? 0;
  try {
    for (let index = first; index < first + options.runs; index++) {
      const engine = base.fork();
      try {
        onRun(
          playRun(new ActorTable(engine), {
            strategy,
            seed: options.seed,
            index,
            startMs,
            claimPct,
            keep: keep.has(index),
          }),
        );
      } finally {
        engine.stop();
      }
    }
  } finally {
    replayer.stop();
  }
  return start;
}

/** A share with its 95% Wilson interval. */
export interface Share {
  count: number;
  share: number;
  low: number;
  high: number;
}

/** The Wilson score interval of `count` in `n` (95%). */
export function wilson(count: number, n: number): Share {
  if (n === 0) return { count, share: 0, low: 0, high: 0 };
  const z = 1.959964;
  const p = count / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const r = (x: number) => Math.round(x * 10000) / 10000;
  return { count, share: r(p), low: r(Math.max(0, centre - half)), high: r(Math.min(1, centre + half)) };
}

/** What a simulation answers. */
export interface Simulation {
  scenario: { id: string; title: string };
  start: SimulationStart;
  runs: number;
  seed: number;
  strategy: Strategy;
  outcomes: Record<string, Share>;
  months: Distribution;
  strikeDays: Distribution;
  /** Over the settled runs only. */
  upliftPct: Distribution;
  /** History's own figures, and the share of runs at or below each. */
  history: {
    outcome: string;
    months: number;
    strikeDays: number;
    upliftPct: number | null;
    atOrBelow: { months: number; strikeDays: number; upliftPct: number | null };
  };
  kept: RunResult[];
}

/** A tally as the simulation's answer, with history's own figures set in its distributions. */
export function summarise(
  scenario: Scenario,
  start: SimulationStart,
  tally: Tally,
  options: SimulateOptions,
): Simulation {
  const trace = replay(scenario);
  const final = trace.final.context;
  const startMs = parseInstant(start.date);
  const endMs = final.dispute.endedAt ? parseInstant(final.dispute.endedAt) : parseInstant(trace.final.date);
  const history = {
    outcome: trace.final.outcome,
    months: round1((endMs - startMs) / MONTH_MS),
    strikeDays: final.action.daysOfAction,
    upliftPct: acceptedUplift(final),
  };
  const share = (values: Counts, v: number) => round1(values.shareAtOrBelow(v) * 100) / 100;
  return {
    scenario: { id: scenario.id, title: scenario.title },
    start,
    runs: tally.runs,
    seed: options.seed,
    strategy: options.strategy ?? DEFAULT_STRATEGY,
    outcomes: Object.fromEntries(
      ['settled', 'imposed', 'abandoned', 'ongoing'].map((o) => [o, wilson(tally.counts.get(o) ?? 0, tally.runs)]),
    ),
    months: distributionOf(tally.months),
    strikeDays: distributionOf(tally.days),
    upliftPct: distributionOf(tally.uplift),
    history: {
      ...history,
      atOrBelow: {
        months: share(tally.months, history.months),
        strikeDays: share(tally.days, history.strikeDays),
        upliftPct: history.upliftPct === null ? null : share(tally.uplift, history.upliftPct),
      },
    },
    kept: tally.kept,
  };
}

/** Runs the simulation in this thread and aggregates it as it goes (only kept runs hold their events). */
export function simulate(scenario: Scenario, options: SimulateOptions): Simulation {
  const tally = new Tally();
  const start = simulateRuns(scenario, options, (r) => {
    tally.add(r);
    options.onRun?.(tally.runs);
  });
  return summarise(scenario, start, tally, options);
}

/** A kept run as a counterfactual scenario file: the record up to the start, then the run's own events. */
export function runAsScenario(
  scenario: Scenario,
  start: SimulationStart,
  run: RunResult,
  options: { seed: number; strategy?: Strategy },
): ScenarioFile {
  const { seed } = options;
  const events = run.events ?? [];
  // The file runs to the run's horizon, so that time passes in its replay as far as it did in the run.
  const horizon = parseInstant(start.date) + (options.strategy ?? DEFAULT_STRATEGY).horizonMonths * MONTH_MS;
  const last = formatInstant(horizon).slice(0, 10);
  const head = start.before
    ? branchAt(scenario, start.before, {
        id: `${scenario.id}-sim-${seed}-${run.index}`,
        title: `What if: ${scenario.title}, simulated run ${run.index} (seed ${seed})`,
        summary: `Run ${run.index} of dispute-sim simulate with seed ${seed}: the record up to ${start.before}, then the moves the strategies drew.`,
        outcome: run.outcome as ScenarioFile['outcome'],
      })
    : undefined;
  if (!head) throw new RangeError(`no event of ${scenario.id} is left after the start to diverge at`);
  return {
    ...head,
    // Days as text compare in date order.
    period: { from: scenario.period.from, to: [last, scenario.period.to].sort().at(-1) ?? last },
    events,
  };
}
