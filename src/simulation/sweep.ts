/**
 * `simulate --sweep`: the simulation run again over a grid of one strategy parameter (or several, one at a time),
 * with the others at their values; and the tornado of what moves the outcome most: for each parameter, the share
 * of settled runs at its low and its high end against the base.
 */

import { type Strategy, StrategyFile } from '../schemas/strategy.js';
import type { Share, SimulateOptions, Simulation } from './simulate.js';

/** One parameter swept: its path in the strategy (`members.tauPerMonth`), its range and how many points. */
export interface SweepSpec {
  path: string;
  lo: number;
  hi: number;
  steps: number;
}

/** A sweep that cannot be read, or names no parameter of the strategies. */
export class SweepError extends Error {}

/** Reads `members.tauPerMonth=0.02..0.075` (five points) or `…=0.02..0.075:7` (seven). */
export function parseSweep(text: string, strategy: Strategy): SweepSpec {
  const m = /^([A-Za-z][\w.]*)=(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)(?::(\d+))?$/.exec(text);
  if (!m)
    throw new SweepError(
      `--sweep ${text}: write it as PARAM=LO..HI or PARAM=LO..HI:STEPS, e.g. members.tauPerMonth=0.02..0.075`,
    );
  const [, path = '', lo = '', hi = '', steps] = m;
  const spec = { path, lo: Number(lo), hi: Number(hi), steps: steps ? Number(steps) : 5 };
  if (spec.steps < 2 || spec.steps > 21) throw new SweepError(`--sweep ${text}: from 2 to 21 points`);
  if (!(spec.lo < spec.hi)) throw new SweepError(`--sweep ${text}: LO must be below HI`);
  if (typeof valueAt(strategy, path) !== 'number') {
    throw new SweepError(
      `--sweep ${text}: ${path} is not a number of the strategies (see dispute-sim schema --strategy)`,
    );
  }
  // Both ends must be values the strategy schema accepts.
  withValue(strategy, spec.path, spec.lo);
  withValue(strategy, spec.path, spec.hi);
  return spec;
}

function valueAt(strategy: Strategy, path: string): unknown {
  let v: unknown = strategy;
  for (const k of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** The strategy with one parameter set, checked by the strategy schema. */
export function withValue(strategy: Strategy, path: string, value: number): Strategy {
  const copy = structuredClone(strategy) as Record<string, unknown>;
  const keys = path.split('.');
  let at = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[keys.at(-1) ?? ''] = value;
  const checked = StrategyFile.safeParse(copy);
  if (!checked.success) {
    throw new SweepError(
      `${path} = ${value}: ${checked.error.issues[0]?.message ?? 'not a value the strategies accept'}`,
    );
  }
  return checked.data;
}

/** One point of a sweep: the parameter's value and what the runs gave there. */
export interface SweepPoint {
  value: number;
  outcomes: Record<string, Share>;
  medianMonths: number;
  medianDays: number;
  medianUplift: number;
}

/** A parameter swept over its grid. */
export interface SweepResult {
  spec: SweepSpec;
  points: SweepPoint[];
}

/** A bar of the tornado: the settled share at each end of a parameter's range, against the base. */
export interface TornadoBar {
  path: string;
  lo: number;
  hi: number;
  atLo: number;
  atHi: number;
  swing: number;
}

/** The sweeps and their tornado, widest swing first. */
export interface Sweep {
  base: number;
  sweeps: SweepResult[];
  tornado: TornadoBar[];
}

/** The grid of a spec: `steps` values from lo to hi. */
export function gridOf(spec: SweepSpec): number[] {
  return Array.from(
    { length: spec.steps },
    (_, i) => Math.round((spec.lo + ((spec.hi - spec.lo) * i) / (spec.steps - 1)) * 1e4) / 1e4,
  );
}

/** Runs the sweeps, each point with the same seed (common random numbers), so differences come from the parameter. */
export async function runSweep(
  options: SimulateOptions & { strategy: Strategy },
  specs: readonly SweepSpec[],
  run: (options: SimulateOptions) => Promise<Simulation> | Simulation,
): Promise<Sweep> {
  const base = (await run(options)).outcomes.settled?.share ?? 0;
  const sweeps: SweepResult[] = [];
  for (const spec of specs) {
    const points: SweepPoint[] = [];
    for (const value of gridOf(spec)) {
      const s = await run({ ...options, strategy: withValue(options.strategy, spec.path, value) });
      points.push({
        value,
        outcomes: s.outcomes,
        medianMonths: s.months.median,
        medianDays: s.strikeDays.median,
        medianUplift: s.upliftPct.median,
      });
    }
    sweeps.push({ spec, points });
  }
  const tornado = sweeps
    .map(({ spec, points }) => {
      const atLo = points[0]?.outcomes.settled?.share ?? 0;
      const atHi = points.at(-1)?.outcomes.settled?.share ?? 0;
      return { path: spec.path, lo: spec.lo, hi: spec.hi, atLo, atHi, swing: Math.abs(atHi - atLo) };
    })
    .sort((a, b) => b.swing - a.swing);
  return { base, sweeps, tornado };
}
