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

describe('start-up', () => {
  bench('bare node importing xstate', () => run(['--input-type=module', '-e', "await import('xstate')"]), {
    iterations: 20,
  });
  bench('dispute-sim list', () => run(['bin/dispute-sim.js', 'list']), { iterations: 20 });
  bench('dispute-sim --version', () => run(['bin/dispute-sim.js', '--version']), { iterations: 20 });
});
