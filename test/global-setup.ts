/**
 * Makes sure dist/ is built from the sources as they are now, for the tests that spawn the binary or serve the
 * page: `scripts/build.mjs --if-stale` reuses a fresh dist/ (as `npm install` leaves it) and rebuilds a stale one.
 */
import { spawnSync } from 'node:child_process';

/** Runs before all test files. */
export function setup(): void {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ms = Math.round(performance.now() - started);
  process.stdout.write(r.stdout);
  if (r.status !== 0) throw new Error(`global setup: the build failed (exit ${r.status}) after ${ms} ms`);
  process.stdout.write(`global setup: ${ms} ms\n`);
}
