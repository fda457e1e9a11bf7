import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.js';

describe('the package’s public surface', () => {
  it('exports the machine, the schemas (Trace among them), replay and the catalogue', () => {
    for (const name of [
      'disputeMachine',
      'Trace',
      'ScenarioFile',
      'DisputeEvent',
      'replay',
      'ScenarioCatalogue',
      'regimeAt',
      'toSvg',
      'Engine',
      'recordAt',
      'records',
      'withFullRecords',
      'mergeBranch',
      'branchAt',
    ]) {
      expect(lib, name).toHaveProperty(name);
    }
  });

  it('replays a shipped scenario through the exported API and validates its Trace', () => {
    const scenario = new lib.ScenarioCatalogue().resolve('2023');
    const trace = lib.Trace.parse(lib.replay(scenario));
    expect(trace.final.outcome).toBe('settled');
  });
});
