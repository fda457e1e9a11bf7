import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Trace } from '../../src/schemas/trace.js';
import { recordAt } from '../../src/simulation/records.js';
import { cli } from '../helpers/cli.js';
import { generatedYaml } from '../helpers/generate.js';

describe('a long dispute (the Trace grows linearly)', () => {
  it('replay --json of a generated file of 2 000 events completes, strictly, and its last record is whole', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dispute-sim-long-')), 'long.yaml');
    writeFileSync(file, generatedYaml(2000));
    const r = await cli('replay', file, '--json', '--strict');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const trace = Trace.parse(JSON.parse(r.stdout));
    expect(trace.steps.length).toBeGreaterThan(2000);
    expect(recordAt(trace, trace.steps.length - 1)).toEqual(trace.final.context);
    // Linear: a step's patch is small, whatever the length of the record before it.
    const last = trace.steps[trace.steps.length - 1];
    expect(JSON.stringify(last?.patch).length).toBeLessThan(2000);
  });
});
