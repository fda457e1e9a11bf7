/** Real Chromium for browser tests: Debian's `chromium`, driven by playwright-core, never a downloaded browser. */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import CHROMIUM_ARGS from '../../scripts/chromium-args.json' with { type: 'json' };

/** Where Debian installs Chromium. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Whether browser tests run here: always in CI (where a missing browser must fail), elsewhere only when Chromium
 * is installed — and then a skip says why, once per file that asks.
 */
export function browserTestsRun(what: string): boolean {
  const runs = existsSync(CHROMIUM) || !!process.env.CI;
  if (!runs) console.warn(`Skipping ${what}: ${CHROMIUM} not found (apt-get install chromium; CI installs it).`);
  return runs;
}

/** Launches Chromium headless with the flags this machine's closed network needs (shared with scripts/docs.mjs). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
}
