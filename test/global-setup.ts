/** Builds the CLI and the inspector page once before the tests that spawn the binary or load the page. */
import { execFileSync } from 'node:child_process';

/** Runs before all test files. */
export function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
}
