/**
 * The Monte Carlo's speed, against the baseline measured in the same run: a bare XState actor loop fed one whole
 * 2023 replay a "dispute" (about as many events as a simulated run plays). Printed: disputes a second on one
 * core for the reference path (the runs at the XState actor) and the fast path (the reducer proved equal to it),
 * each as a ratio to the bare actor; one million disputes over every core, timed for real, with the memory the
 * main thread holds after them; and the slowest answer to 10 000 runs from any step of the five disputes.
 * Goals (issue 14): the fast path at least 20× the actor path; 1 000 000 disputes in under 60 s on 2 cores;
 * 10 000 runs from any step in under 2 s.
 */
import { availableParallelism } from 'node:os';
import { bench, describe } from 'vitest';
import { ScenarioCatalogue } from '../../src/loader/registry.js';
import { shippedStrategy } from '../../src/loader/strategy.js';
import type { Scenario } from '../../src/schemas/scenario.js';
import { toMachineEvent } from '../../src/simulation/replay.js';
import { simulate, simulateRuns } from '../../src/simulation/simulate.js';
import { simulateParallel } from '../../src/simulation/simulate-parallel.js';
import { bareActor } from './baseline.js';

const catalogue = new ScenarioCatalogue();
const s2023: Scenario = catalogue.resolve('2023');
const events = s2023.events.map(toMachineEvent);
const strategy = shippedStrategy([s2023.id]).strategy;

/** The bare baseline: one 2023 replay through a bare actor on the replay clock. */
const bareDispute = () => bareActor(s2023, events);

/** Disputes a second over `runs` runs from the declaration on one table, after a warm-up. */
function rate(engine: 'fast' | 'actor', runs: number): number {
  simulateRuns(s2023, { runs: Math.ceil(runs / 10), seed: 99, strategy, engine }, () => {});
  const t = performance.now();
  simulateRuns(s2023, { runs, seed: 1, strategy, engine }, () => {});
  return (runs / (performance.now() - t)) * 1000;
}

for (let i = 0; i < 20; i++) bareDispute();
let t = performance.now();
for (let i = 0; i < 300; i++) bareDispute();
const barePerS = (300 / (performance.now() - t)) * 1000;
const actorPerS = rate('actor', 400);
const fastPerS = rate('fast', 40_000);

const cores = availableParallelism();
const heapBeforeMb = process.memoryUsage().heapUsed / 2 ** 20;
t = performance.now();
await simulateParallel(s2023, { runs: 1_000_000, seed: 1, strategy, workers: cores });
const millionS = (performance.now() - t) / 1000;
const heapMb = process.memoryUsage().heapUsed / 2 ** 20;

// 10 000 runs from every fifth step of every dispute, on one thread: the slowest answer.
let slowest = { ms: 0, at: '' };
for (const ref of ['2016', '2023', '2025', 'rcn-2023', 'consultants']) {
  const s = catalogue.resolve(ref);
  const own = shippedStrategy([s.id]).strategy;
  for (let i = 0; i < s.events.length; i += 5) {
    const from = s.events[i]?.id as string;
    const t0 = performance.now();
    simulate(s, { runs: 10_000, seed: 1, strategy: own, from });
    const ms = performance.now() - t0;
    if (ms > slowest.ms) slowest = { ms, at: `${ref} before ${from}` };
  }
}

const f = (x: number) => x.toFixed(0);
console.log(
  [
    '',
    `simulate, 2023 from its declaration (shipped strategy); baseline: a bare XState actor replaying 2023, ${f(barePerS)} disputes/s`,
    `  reference path (XState actor): ${f(actorPerS)} disputes/s on one core, ${(actorPerS / barePerS).toFixed(2)}× the bare actor`,
    `  fast path (reducer):           ${f(fastPerS)} disputes/s on one core, ${(fastPerS / barePerS).toFixed(1)}× the bare actor, ` +
      `${(fastPerS / actorPerS).toFixed(1)}× the reference path (goal: at least 20×)`,
    `  1 000 000 disputes over ${cores} worker threads: ${millionS.toFixed(1)} s (goal: under 60 s on 2 cores); ` +
      `main thread heap ${f(heapBeforeMb)} MB before, ${f(heapMb)} MB after (runs are tallied as they end, never held)`,
    `  10 000 runs from any step (every fifth of the five disputes): slowest ${f(slowest.ms)} ms, ${slowest.at} (goal: under 2 s)`,
    '',
  ].join('\n'),
);

describe('simulate', () => {
  bench('simulate 1 000 runs of 2023 (fast path)', () => {
    simulateRuns(s2023, { runs: 1000, seed: 2, strategy }, () => {});
  });
  bench('simulate 20 runs of 2023 (reference path, the XState actor)', () => {
    simulateRuns(s2023, { runs: 20, seed: 2, strategy, engine: 'actor' }, () => {});
  });
  bench('bare actor, one 2023 replay', bareDispute);
});
