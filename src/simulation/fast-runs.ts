/**
 * Fast runs: each plays at its own copy of the fast table made from one plain start. Nothing here imports XState,
 * so worker threads load it in milliseconds; the start itself is made from the replay (`fastRunsOf`, simulate.ts).
 */
import type { Strategy } from '../schemas/strategy.js';
import { FastDispute, type FastStart } from './fast.js';
import { playRun, type RunResult } from './runs.js';

/** What every fast run starts from: the table at the start, with the instant and the claim the strategies use. */
export interface FastRuns {
  table: FastStart;
  startMs: number;
  claimPct: number;
}

/** Which runs to play, and how. */
export interface FastRunOptions {
  runs: number;
  seed: number;
  strategy: Strategy;
  keep?: readonly number[];
  first?: number;
}

/** Plays fast runs `first` to `first + runs − 1` from a start, reporting each as it ends. */
export function playFastRuns(from: FastRuns, options: FastRunOptions, onRun: (run: RunResult) => void): void {
  const strategy = options.strategy;
  const keep = new Set(options.keep ?? []);
  const first = options.first ?? 0;
  const setting = { strategy, seed: options.seed, startMs: from.startMs, claimPct: from.claimPct };
  for (let index = first; index < first + options.runs; index++) {
    onRun(playRun(new FastDispute(from.table), { ...setting, index, keep: keep.has(index) }));
  }
}
