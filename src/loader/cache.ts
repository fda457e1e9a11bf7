/**
 * A cache of the shipped scenarios, checked: their parsed, validated data as JSON, written at build time, so that a
 * replay of a shipped dispute skips the YAML parser and the schema (most of its start-up). An entry is used only
 * while the file's bytes hash to what they did when it was written; anything else is read from the YAML itself.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScenarioFile } from '../schemas/scenario.js';
import { SCENARIO_DIR, shippedScenarioFiles } from './files.js';

/** Where the cache lives: in dist/, the same file whether this module runs from src/ or from dist/. */
export const CACHE_FILE = fileURLToPath(new URL('../../dist/scenario-cache.json', import.meta.url));

/** The cache's format version: a cache of another is ignored. */
const VERSION = 1;

interface CacheEntry {
  sha256: string;
  data: ScenarioFile;
}

interface Cache {
  version: number;
  files: Record<string, CacheEntry>;
}

let loaded: Cache | null | undefined;

/** The hash an entry is checked against. */
export function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const keyOf = (file: string, dir: string): string | undefined => {
  const rel = relative(dir, file);
  return rel.startsWith('..') || rel === '' ? undefined : rel.split(sep).join('/');
};

function readCache(file: string): Cache | null {
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as Cache;
    return cache && cache.version === VERSION && typeof cache.files === 'object' ? cache : null;
  } catch {
    return null;
  }
}

/**
 * The cached data of a shipped scenario file, if the cache holds it for exactly these bytes. Only files of the
 * shipped folder are ever looked up; a user's own file is always read from its YAML.
 */
export function cachedScenario(
  file: string,
  bytes: Uint8Array,
  dir = SCENARIO_DIR,
  cacheFile = CACHE_FILE,
): ScenarioFile | undefined {
  const data = peekCachedScenario(file, bytes, dir, cacheFile);
  // A copy: callers may not share one object between loads.
  return data && (JSON.parse(JSON.stringify(data)) as ScenarioFile);
}

/**
 * The cached data itself, shared and not to be changed: for reading a few fields (a header) without copying a
 * whole scenario.
 */
export function peekCachedScenario(
  file: string,
  bytes: Uint8Array,
  dir = SCENARIO_DIR,
  cacheFile = CACHE_FILE,
): Readonly<ScenarioFile> | undefined {
  const key = keyOf(file, dir);
  if (key === undefined) return undefined;
  if (loaded === undefined || cacheFile !== CACHE_FILE) loaded = readCache(cacheFile);
  const entry = loaded?.files[key];
  return entry && entry.sha256 === digest(bytes) ? entry.data : undefined;
}

/**
 * Writes the cache of the shipped scenarios that load without a problem (a broken one is left out, so it is read
 * and reported as ever). `load` is the full loader; it is passed in so that this module never imports the parser.
 */
export function writeScenarioCache(
  load: (file: string) => { data: ScenarioFile },
  dir = SCENARIO_DIR,
  cacheFile = CACHE_FILE,
): { written: string[]; skipped: string[] } {
  const files: Record<string, CacheEntry> = {};
  const written: string[] = [];
  const skipped: string[] = [];
  for (const file of shippedScenarioFiles(dir)) {
    const key = keyOf(file, dir) as string;
    try {
      files[key] = { sha256: digest(readFileSync(file)), data: load(file).data };
      written.push(key);
    } catch {
      skipped.push(key);
    }
  }
  writeFileSync(cacheFile, `${JSON.stringify({ version: VERSION, files } satisfies Cache)}\n`);
  loaded = undefined;
  return { written, skipped };
}
