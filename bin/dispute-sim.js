#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// A replay copies the one list each event changes; V8's allocation-site pretenuring guesses those short-lived
// copies will live long and puts them straight into the old generation, where only a full collection frees them,
// so a long dispute's heap balloons (20 000 events: 450 MB at peak with it, 355 MB without) and time per event
// grows. Measured in test/bench/engine.bench.ts; the CLI process alone is tuned, never a library's host.
setFlagsFromString('--no-allocation-site-pretenuring');

// A checkout that was never built has no dist/: say how to build it rather than print a stack trace.
let main;
try {
  main = await import('../dist/cli/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.url ?? error.message).includes('/dist/')) throw error;
  process.stderr.write('dispute-sim: not built yet: run `npm install` (it builds dist/) or `npm run build`, then try again.\n');
  process.exit(1);
}
main.run(process.argv.slice(2));
