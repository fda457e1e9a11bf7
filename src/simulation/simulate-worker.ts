/**
 * A worker thread of `simulate --workers`: plays its share of the runs (a range of run indices) and sends back
 * each run's figures in index order. Imports only what a run needs, not the whole library.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../schemas/scenario.js';
import { type RunResult, type SimulateOptions, simulateRuns } from './simulate.js';

const { scenario, options } = workerData as { scenario: Scenario; options: SimulateOptions };
const results: RunResult[] = [];
simulateRuns(scenario, options, (r) => {
  results.push(r);
  // Progress for the bar, every 500 runs.
  if (results.length % 500 === 0) parentPort?.postMessage({ progress: results.length });
});
parentPort?.postMessage({ results });
