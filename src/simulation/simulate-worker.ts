/**
 * A worker thread of `simulate --workers`: plays its share of the runs (a range of run indices) and sends back
 * their tally. Fast runs start from the plain start the main thread made, so the worker loads only the fast
 * table, the strategies and the law (no XState); runs at the actor replay the scenario here first.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../schemas/scenario.js';
import type { Strategy } from '../schemas/strategy.js';
import type { RunResult } from './runs.js';
import type { FastRuns, SimulateOptions } from './simulate.js';
import { Tally } from './tally.js';

/** What a worker is given: its share of the runs, and the start (fast) or the scenario (actor). */
export interface WorkerTask {
  options: SimulateOptions & { strategy: Strategy };
  fast?: FastRuns;
  scenario?: Scenario;
}

const { options, fast, scenario } = workerData as WorkerTask;
const tally = new Tally();
const onRun = (r: RunResult) => {
  tally.add(r);
  // Progress for the bar, every 500 runs.
  if (tally.runs % 500 === 0) parentPort?.postMessage({ progress: tally.runs });
};
if (fast) {
  const { playFastRuns } = await import('./fast-runs.js');
  playFastRuns(fast, options, onRun);
} else if (scenario) {
  const { simulateRuns } = await import('./simulate.js');
  simulateRuns(scenario, options, onRun);
}
parentPort?.postMessage({ tally: tally.toJSON() });
