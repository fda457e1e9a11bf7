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
      'simulate',
      'FastDispute',
      'ActorTable',
      'DEFAULT_STRATEGY',
    ]) {
      expect(lib, name).toHaveProperty(name);
    }
  });

  it('simulates a shipped scenario through the exported API, the same on the fast table and the actor', () => {
    const scenario = new lib.ScenarioCatalogue().resolve('2025');
    const fast = lib.simulate(scenario, { runs: 20, seed: 3 });
    expect(fast.runs).toBe(20);
    expect(lib.simulate(scenario, { runs: 20, seed: 3, engine: 'actor' })).toEqual(fast);
  });

  it('replays a shipped scenario through the exported API and validates its Trace', () => {
    const scenario = new lib.ScenarioCatalogue().resolve('2023');
    const trace = lib.Trace.parse(lib.replay(scenario));
    expect(trace.final.outcome).toBe('settled');
  });
});
