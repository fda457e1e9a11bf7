import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedScenario, writeScenarioCache } from '../../src/loader/cache.js';
import { Catalogue, ParserNeeded } from '../../src/loader/catalogue.js';
import { shippedScenarioFiles } from '../../src/loader/files.js';
import { loadScenarioFile, parseScenarioFile } from '../../src/loader/load.js';

describe('the cache of shipped scenarios', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dispute-sim-cache-'));
  cpSync('scenarios', join(dir, 'scenarios'), { recursive: true });
  const scenarios = join(dir, 'scenarios');
  const cacheFile = join(dir, 'cache.json');
  writeFileSync(join(scenarios, 'examples', 'broken.yaml'), 'id: [\n');
  const { written, skipped } = writeScenarioCache(parseScenarioFile, scenarios, cacheFile);

  it('holds every shipped scenario that loads, and leaves out one that does not', () => {
    expect(written).toContain('historical/2023-pay-restoration.yaml');
    expect(skipped).toEqual(['examples/broken.yaml']);
  });

  it('gives exactly what the YAML gives, for exactly the bytes it was built from', () => {
    for (const file of shippedScenarioFiles(scenarios).filter((f) => !f.endsWith('broken.yaml'))) {
      const bytes = readFileSync(file);
      expect(cachedScenario(file, bytes, scenarios, cacheFile)).toEqual(parseScenarioFile(file).data);
    }
  });

  it('is not used once a file changes by one byte, nor for a file outside the shipped folder', () => {
    const file = join(scenarios, 'examples', 'porters.yaml');
    const bytes = readFileSync(file);
    const changed = Buffer.concat([bytes, Buffer.from('\n')]);
    expect(cachedScenario(file, changed, scenarios, cacheFile)).toBeUndefined();
    const outside = join(dir, 'porters.yaml');
    cpSync(file, outside);
    expect(cachedScenario(outside, bytes, scenarios, cacheFile)).toBeUndefined();
  });

  it('a cached load and a parsed load of the shipped files agree', () => {
    for (const file of shippedScenarioFiles())
      expect(loadScenarioFile(file).data).toEqual(parseScenarioFile(file).data);
  });
});

describe('a catalogue without its parser (what the command line starts with)', () => {
  it('resolves a shipped dispute from the build’s cache without loading the parser', () => {
    const catalogue = new Catalogue();
    expect(catalogue.resolve('2023').id).toBe('junior-doctors-2023');
    expect(catalogue.resolve('2023-5pct').events.length).toBeGreaterThan(10);
  });

  it('needs the parser for a file of the user’s own, and `lazily` loads it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dispute-sim-lazy-')), 'mine.yaml');
    cpSync('scenarios/examples/porters.yaml', file);
    const catalogue = new Catalogue();
    expect(() => catalogue.resolve(file)).toThrow(ParserNeeded);
    expect((await catalogue.lazily(() => catalogue.resolve(file))).id).toBe('example-porters');
  });
});
