/**
 * The Monte Carlo on its reference path (the XState actor through the Engine): disputes a second from the 2023
 * declaration, against the baseline measured in the same run, a bare XState actor loop fed the same number of
 * events a dispute (one whole 2023 replay a "dispute"). The goal for the fast path still to come is 20× the actor
 * path and 1 000 000 disputes in under 60 s on 2 cores; this prints where the reference path stands.
 */
import { bench, describe } from 'vitest';
import { ScenarioCatalogue } from '../../src/loader/registry.js';
import type { Scenario } from '../../src/schemas/scenario.js';
import { toMachineEvent } from '../../src/simulation/replay.js';
import { simulateRuns } from '../../src/simulation/simulate.js';
import { bareActor } from './baseline.js';

const s2023: Scenario = new ScenarioCatalogue().resolve('2023');
const events = s2023.events.map(toMachineEvent);

/** The bare baseline: one 2023 replay through a bare actor on the replay clock. */
const bareDispute = () => bareActor(s2023, events);

const RUNS = 500;
let t = performance.now();
let played = 0;
simulateRuns(s2023, { runs: RUNS, seed: 1 }, () => {
  played++;
});
const simPerS = (played / (performance.now() - t)) * 1000;
t = performance.now();
for (let i = 0; i < 200; i++) bareDispute();
const barePerS = (200 / (performance.now() - t)) * 1000;
console.log(
  `\nsimulate (reference path, 2023 from its declaration): ${simPerS.toFixed(0)} disputes/s on one core; ` +
    `bare XState actor replaying 2023: ${barePerS.toFixed(0)} disputes/s; ratio ${(simPerS / barePerS).toFixed(2)}; ` +
    `1 000 000 disputes would take ${(1e6 / simPerS / 60).toFixed(0)} min a core (goal of the fast path: 20× the actor path)\n`,
);

describe('simulate', () => {
  bench('simulate 50 runs of 2023 (reference path)', () => {
    simulateRuns(s2023, { runs: 50, seed: 2 }, () => {});
  });
  bench('bare actor, one 2023 replay', bareDispute);
});
