#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// A replay copies the one list each event changes; V8's allocation-site pretenuring guesses those short-lived
// copies will live long and puts them straight into the old generation, where only a full collection frees them,
// so a long dispute's heap balloons (20 000 events: 450 MB at peak with it, 355 MB without) and time per event
// grows. Measured in test/bench/engine.bench.ts; the CLI process alone is tuned, never a library's host.
setFlagsFromString('--no-allocation-site-pretenuring');

const { run } = await import('../dist/cli/main.js');
run(process.argv.slice(2));
