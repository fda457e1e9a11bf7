/**
 * The scenarios that ship with dispute-sim, found by id, alias or path, with counterfactual branches resolved
 * against the scenarios they extend.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crossCheck, type Scenario } from '../schemas/scenario.js';
import { ScenarioLoadError, ScenarioNotFoundError } from './errors.js';
import { type LoadedFile, loadScenarioFile } from './load.js';

export { ScenarioNotFoundError };

/** The folder of the scenarios that ship with the package. */
export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** The shipped scenario folders, in listing order. */
export const SCENARIO_FOLDERS = ['historical', 'counterfactual', 'examples'] as const;

/** The paths of the shipped scenario files, in listing order. */
export function shippedScenarioFiles(dir = SCENARIO_DIR): string[] {
  const out: string[] = [];
  for (const folder of SCENARIO_FOLDERS) {
    const path = join(dir, folder);
    if (!existsSync(path)) continue;
    for (const name of readdirSync(path).sort()) if (/\.ya?ml$/.test(name)) out.push(join(path, name));
  }
  return out;
}

/** A readable path for messages: relative to the working directory when that is shorter. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.length < file.length && !rel.startsWith('..') ? rel : file;
}

/** A catalogue of scenario files, loaded once each. */
export class ScenarioCatalogue {
  #files = new Map<string, LoadedFile>();

  constructor(readonly dir = SCENARIO_DIR) {}

  /** Every shipped scenario file, loaded (throws on the first broken one). */
  all(): LoadedFile[] {
    return shippedScenarioFiles(this.dir).map((f) => this.file(f));
  }

  /** A loaded scenario file by path. */
  file(path: string): LoadedFile {
    const key = resolve(path);
    let loaded = this.#files.get(key);
    if (!loaded) {
      loaded = loadScenarioFile(displayPath(key));
      this.#files.set(key, loaded);
    }
    return loaded;
  }

  /** The shipped scenario files that load, and the problems of those that do not. */
  scan(): { loaded: LoadedFile[]; broken: ScenarioLoadError[] } {
    const loaded: LoadedFile[] = [];
    const broken: ScenarioLoadError[] = [];
    for (const f of shippedScenarioFiles(this.dir)) {
      try {
        loaded.push(this.file(f));
      } catch (error) {
        if (!(error instanceof ScenarioLoadError)) throw error;
        broken.push(error);
      }
    }
    return { loaded, broken };
  }

  /** A shipped scenario by id or alias, or a file by path. A broken shipped file does not hide the others. */
  find(ref: string): LoadedFile {
    if (/\.ya?ml$/i.test(ref) || ref.includes('/') || ref.includes('\\')) return this.file(ref);
    const { loaded, broken } = this.scan();
    const found = loaded.find((f) => f.data.id === ref || f.data.aliases.includes(ref));
    if (found) return found;
    if (existsSync(ref)) return this.file(ref);
    const known = loaded.map((f) => [f.data.id, ...f.data.aliases].join(', '));
    const unreadable =
      broken.length > 0 ? ` (${broken.length} shipped file(s) could not be read: run dispute-sim validate)` : '';
    throw new ScenarioNotFoundError(`no scenario "${ref}"; known: ${known.join('; ')}${unreadable}`);
  }

  /** A scenario ready to replay: a counterfactual's base events up to where it diverges, then its own. */
  resolve(ref: string, seen: string[] = []): Scenario {
    const loaded = this.find(ref);
    const s = loaded.data;
    if (!s.extends) return s;
    if (seen.includes(s.id)) {
      throw new ScenarioLoadError([
        loaded.problemAt(['extends'], `scenarios extend each other in a circle: ${[...seen, s.id].join(' → ')}`),
      ]);
    }
    let base: Scenario;
    try {
      base = this.resolve(s.extends, [...seen, s.id]);
    } catch (error) {
      if (error instanceof ScenarioNotFoundError) {
        throw new ScenarioLoadError([loaded.problemAt(['extends'], `no scenario "${s.extends}" to extend`)]);
      }
      throw error;
    }
    // Without `divergesAt` the branch keeps every base event (a change of rules alone).
    const cut = s.divergesAt === undefined ? base.events.length : base.events.findIndex((e) => e.id === s.divergesAt);
    if (cut < 0) {
      throw new ScenarioLoadError([
        loaded.problemAt(['divergesAt'], `"${s.divergesAt}" is not an event of ${base.id}`),
      ]);
    }
    const kept = base.events.slice(0, cut);
    const merged: Scenario = {
      ...base,
      ...s,
      aliases: s.aliases,
      parties: s.parties.length ? s.parties : base.parties,
      people: s.people.length ? s.people : base.people,
      sources: { ...base.sources, ...s.sources },
      events: [...kept, ...s.events],
    };
    const problems = crossCheck(merged, { resolved: true });
    if (problems.length > 0) {
      throw new ScenarioLoadError(
        problems.map((p) => {
          const index = typeof p.path[1] === 'number' ? p.path[1] - kept.length : -1;
          return index >= 0
            ? loaded.problemAt(['events', index, ...p.path.slice(2)], p.message)
            : loaded.problemAt(['divergesAt'], `${p.message} (in ${base.id}, event ${fieldOf(p.path)})`);
        }),
      );
    }
    return merged;
  }
}

function fieldOf(path: (string | number)[]): string {
  return path
    .map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
    .join('')
    .replace(/^\./, '');
}
