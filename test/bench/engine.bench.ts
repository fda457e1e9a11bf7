/**
 * The engine: a replay with nothing recorded, in events a second, against a bare XState actor on the replay clock
 * fed the same events (the baseline, measured in the same run); what starting and forking an engine cost; and
 * how `replay --json` grows with the events (time for 10× the events, goal ≤ 12×; peak memory for 20 000 events,
 * goal under 400 MB). Run with `npm run bench` (it builds first: the CLI runs from dist/).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { ScenarioCatalogue } from '../../src/loader/registry.js';
import type { DisputeEvent } from '../../src/schemas/events/index.js';
import type { Scenario } from '../../src/schemas/scenario.js';
import { Engine } from '../../src/simulation/engine.js';
import { toMachineEvent } from '../../src/simulation/replay.js';
import { generatedDispute, generatedYaml } from '../helpers/generate.js';
import { bareActor } from './baseline.js';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** The median milliseconds of `fn` over `runs`, after as many warm-ups. */
function time(fn: () => void, runs: number): number {
  for (let i = 0; i < runs; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** The engine with nothing recorded. */
function engineRun(s: Scenario, events: DisputeEvent[]): Engine {
  const engine = Engine.start({
    rules: s.rules,
    importantPublicService: s.importantPublicService,
    start: s.period.from,
  });
  for (const e of events) engine.send(e);
  return engine;
}

const s2016 = new ScenarioCatalogue().resolve('2016');
const long = generatedDispute(2000);
const lines: string[] = [];
for (const s of [s2016, long]) {
  const events = s.events.map(toMachineEvent);
  const runs = s.events.length > 500 ? 5 : 60;
  const bare = time(() => bareActor(s, events), runs);
  const engine = time(() => engineRun(s, events).stop(), runs);
  lines.push(
    `${s.id} (${events.length} events): engine ${((events.length / engine) * 1000).toFixed(0)} events/s, ` +
      `bare actor ${((events.length / bare) * 1000).toFixed(0)} events/s; engine/bare time ${(engine / bare).toFixed(2)}`,
  );
}

// Starting an engine, and forking one in the middle of 2016 (after half its events).
const half = s2016.events.slice(0, Math.floor(s2016.events.length / 2)).map(toMachineEvent);
const mid = engineRun(s2016, half);
const startUs = time(() => Engine.start({ rules: s2016.rules, start: s2016.period.from }).stop(), 200) * 1000;
const forkUs = time(() => mid.fork().stop(), 200) * 1000;
lines.push(`engine start ${startUs.toFixed(0)} µs; fork mid-2016 ${forkUs.toFixed(0)} µs`);

/** `replay FILE --json` of a generated file: wall milliseconds and peak memory (MB) of the process. */
function cliReplay(count: number): { ms: number; mb: number } {
  const file = join(mkdtempSync(join(tmpdir(), 'dispute-sim-bench-')), `gen-${count}.yaml`);
  writeFileSync(file, generatedYaml(count));
  const hook =
    "data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss '+process.resourceUsage().maxRSS))";
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', hook, 'bin/dispute-sim.js', 'replay', file, '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(r.stderr);
  const kb = Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? 0);
  return { ms, mb: kb / 1024 };
}
const small = cliReplay(2000);
const big = cliReplay(20000);
lines.push(
  `replay --json: 2 000 events ${small.ms.toFixed(0)} ms (${small.mb.toFixed(0)} MB peak); ` +
    `20 000 events ${big.ms.toFixed(0)} ms (${big.mb.toFixed(0)} MB peak); ` +
    `ratio for 10× the events ${(big.ms / small.ms).toFixed(1)} (goal ≤ 12); peak under 400 MB: ${big.mb < 400 ? 'yes' : 'NO'}`,
);
console.log(`\n${lines.join('\n')}\n`);

describe('engine', () => {
  const events = s2016.events.map(toMachineEvent);
  bench('bare XState actor, 2016', () => bareActor(s2016, events));
  bench('engine, nothing recorded, 2016', () => engineRun(s2016, events).stop());
  bench('fork mid-2016', () => mid.fork().stop());
});
