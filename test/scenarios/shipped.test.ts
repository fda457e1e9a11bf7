import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScenarioCatalogue, shippedScenarioFiles } from '../../src/loader/registry.js';
import { scenarioJsonSchema } from '../../src/schemas/json-schema.js';
import { modelineFor } from '../../src/schemas/modeline.js';
import { replay } from '../../src/simulation/replay.js';
import { cli } from '../helpers/cli.js';

describe('every shipped scenario', () => {
  const files = shippedScenarioFiles();

  it.each(files)('%s validates and replays to the outcome it declares', (file) => {
    const catalogue = new ScenarioCatalogue();
    const scenario = catalogue.resolve(file);
    const trace = replay(scenario);
    expect(trace.final.outcome).toBe(scenario.outcome);
    if (scenario.kind === 'historical') {
      expect(trace.steps.filter((s) => !s.accepted).map((s) => `${s.id}: ${s.reason}`)).toEqual([]);
    }
  });

  it.each(files)('%s starts with the yaml-language-server modeline', (file) => {
    const modeline = modelineFor(file, 'scenarios/scenario.schema.json');
    expect(modeline).toBe('# yaml-language-server: $schema=../scenario.schema.json');
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(modeline);
  });

  it('ids and aliases are unique across the catalogue', () => {
    const names = new ScenarioCatalogue().all().flatMap((f) => [f.data.id, ...f.data.aliases]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('scenarios/scenario.schema.json', () => {
  it('is the JSON Schema generated from the zod schema (run `npm run schema` when this fails)', () => {
    const committed = JSON.parse(readFileSync('scenarios/scenario.schema.json', 'utf8')) as unknown;
    expect(committed).toEqual(scenarioJsonSchema());
  });

  it('is, byte for byte, what `dispute-sim schema` prints (the output `npm run schema` saves)', async () => {
    const run = await cli('schema');
    expect(run.code).toBe(0);
    expect(readFileSync('scenarios/scenario.schema.json', 'utf8')).toBe(run.stdout);
  });
});
