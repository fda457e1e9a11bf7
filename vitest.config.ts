import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig(({ mode }) => ({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
    testTimeout: 20_000,
    // Test files share each worker's module cache (xstate, zod, the machine are loaded once a worker, not once a
    // file: about four-fifths of the import time). Safe while test files leave no global state behind: no
    // vi.mock, vi.stubGlobal or process.env changes without undoing them. The sources' module-level state is
    // memo caches of pure functions.
    isolate: false,
    // Vitest's default, one worker fewer than the cores, leaves a 2-core machine one worker; but the slow test
    // files mostly wait on other processes (tsc, npm, Chromium, the language server), so two run side by side.
    // Benchmarks run one file at a time, or they would measure each other.
    maxWorkers: mode === 'benchmark' ? 1 : Math.max(2, availableParallelism() - 1),
  },
}));
