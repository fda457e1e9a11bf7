/**
 * CLI start-up: `dispute-sim list`, `dispute-sim replay 2023` and `dispute-sim inspect 2016` (to its address printed,
 * the server up) against a bare `node` start that imports xstate, measured in the same run (goals: `list` within
 * 150 ms of it; `replay 2023` within 2× of it; `inspect` under 1 s). Run after
 * `npm run build` (`npm run bench` builds first): a replay of a shipped dispute reads the build's scenario cache.
 */
import { spawn, spawnSync } from 'node:child_process';
import { bench, describe } from 'vitest';

const run = (args: string[]) => {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
};

/** The median wall time of a command, in milliseconds, over 15 runs. */
function median(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    run(args);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[7] ?? 0;
}

/** Milliseconds from starting `dispute-sim inspect <ref>` to the page's address being printed (the server up). */
function inspectServed(ref: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, ['bin/dispute-sim.js', 'inspect', ref]);
    child.stdout.on('data', (chunk: Buffer) => {
      if (!String(chunk).includes('http://')) return;
      resolve(performance.now() - t);
      child.kill();
    });
    child.on('error', reject);
  });
}

const bare = median(['--input-type=module', '-e', "await import('xstate')"]);
const served: number[] = [];
for (let i = 0; i < 7; i++) served.push(await inspectServed('2016'));
const inspect = served.sort((a, b) => a - b)[3] ?? 0;
const list = median(['bin/dispute-sim.js', 'list']);
const replay2023 = median(['bin/dispute-sim.js', 'replay', '2023']);
console.log(
  `\ndispute-sim list: ${list.toFixed(0)} ms; bare node importing xstate: ${bare.toFixed(0)} ms; difference ${(list - bare).toFixed(0)} ms (goal under 150)` +
    `\ndispute-sim replay 2023: ${replay2023.toFixed(0)} ms, ${(replay2023 / bare).toFixed(2)}× the bare start (goal at most 2×)` +
    `\ndispute-sim inspect 2016, to a served page: ${inspect.toFixed(0)} ms, ${(inspect / bare).toFixed(2)}× the bare start (goal under 1 s)\n`,
);

describe('start-up', () => {
  bench('bare node importing xstate', () => run(['--input-type=module', '-e', "await import('xstate')"]), {
    iterations: 20,
  });
  bench('dispute-sim list', () => run(['bin/dispute-sim.js', 'list']), { iterations: 20 });
  bench('dispute-sim --version', () => run(['bin/dispute-sim.js', '--version']), { iterations: 20 });
  bench('dispute-sim replay 2023', () => run(['bin/dispute-sim.js', 'replay', '2023']), { iterations: 20 });
});
