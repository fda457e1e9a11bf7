/**
 * CLI start-up: `dispute-sim list` against a bare `node` start that imports xstate (goal: within 150 ms of it).
 * Run after `npm run build`.
 */
import { spawnSync } from 'node:child_process';
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

const bare = median(['--input-type=module', '-e', "await import('xstate')"]);
const list = median(['bin/dispute-sim.js', 'list']);
console.log(
  `\ndispute-sim list: ${list.toFixed(0)} ms; bare node importing xstate: ${bare.toFixed(0)} ms; difference ${(list - bare).toFixed(0)} ms (goal under 150)\n`,
);

describe('start-up', () => {
  bench('bare node importing xstate', () => run(['--input-type=module', '-e', "await import('xstate')"]), {
    iterations: 20,
  });
  bench('dispute-sim list', () => run(['bin/dispute-sim.js', 'list']), { iterations: 20 });
  bench('dispute-sim --version', () => run(['bin/dispute-sim.js', '--version']), { iterations: 20 });
});
