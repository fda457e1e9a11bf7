// Writes dist/scenario-cache.json: the shipped scenarios, parsed and checked, so a replay of one skips the YAML
// parser (src/loader/cache.ts). Run after the TypeScript build; a scenario that does not load is left out.
import { writeScenarioCache } from '../dist/loader/cache.js';
import { parseScenarioFile } from '../dist/loader/load.js';

const { written, skipped } = writeScenarioCache(parseScenarioFile);
if (skipped.length > 0) console.error(`scenario cache: left out ${skipped.join(', ')} (they do not load)`);
if (process.argv.includes('--verbose')) console.log(`scenario cache: ${written.length} scenarios`);
