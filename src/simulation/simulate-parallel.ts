/**
 * `simulate --workers K`: the runs split by index into K contiguous shares, each played in a worker thread, their
 * tallies merged in index order, so the answer is byte-identical to one thread's for the same seed. Fast runs
 * start from one plain start made here, so no worker replays the scenario or loads XState.
 */
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../schemas/scenario.js';
import { DEFAULT_STRATEGY } from '../schemas/strategy.js';
import { fastRunsOf, type SimulateOptions, type Simulation, simulationStart, summarise } from './simulate.js';
import type { WorkerTask } from './simulate-worker.js';
import { Tally, type TallyData } from './tally.js';

/**
 * The worker's module: beside this one once built; from the sources (tests run them as TypeScript, which a worker
 * thread cannot load), the built copy of the same code.
 */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts')
    ? new URL('../../dist/simulation/simulate-worker.js', here)
    : new URL('./simulate-worker.js', here);
}

/** Plays `options.runs` runs over `workers` threads and summarises them as `simulate` does. */
export async function simulateParallel(
  scenario: Scenario,
  options: SimulateOptions & { workers: number },
  onProgress?: (done: number) => void,
): Promise<Simulation> {
  const k = Math.max(1, Math.min(options.workers, options.runs));
  const first = options.first ?? 0;
  const start = simulationStart(scenario, options.from);
  const fast =
    (options.engine ?? 'fast') === 'fast'
      ? fastRunsOf(scenario, start, options.strategy ?? DEFAULT_STRATEGY)
      : undefined;
  const shares = Array.from({ length: k }, (_, i) => {
    const from = first + Math.floor((options.runs * i) / k);
    const to = first + Math.floor((options.runs * (i + 1)) / k);
    return { first: from, runs: to - from };
  });
  const done = new Array<number>(k).fill(0);
  const { workers: _workers, onRun: _onRun, ...rest } = { ...options, strategy: options.strategy ?? DEFAULT_STRATEGY };
  const parts = await Promise.all(
    shares.map(
      (share, i) =>
        new Promise<TallyData>((resolve, reject) => {
          const task: WorkerTask = { options: { ...rest, ...share }, ...(fast ? { fast } : { scenario }) };
          const worker = new Worker(workerUrl(), { workerData: task });
          worker.on('message', (m: { progress?: number; tally?: TallyData }) => {
            if (m.progress !== undefined) {
              done[i] = m.progress;
              onProgress?.(done.reduce((a, b) => a + b, 0));
            }
            if (m.tally) resolve(m.tally);
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (code !== 0) reject(new Error(`a simulation worker stopped with code ${code}`));
          });
        }),
    ),
  );
  const tally = new Tally();
  for (const part of parts) tally.merge(part);
  return summarise(scenario, start, tally, options);
}
