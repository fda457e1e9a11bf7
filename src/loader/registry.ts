/**
 * The scenarios that ship with dispute-sim, found by id, alias or path, with counterfactual branches resolved
 * against the scenarios they extend.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { crossCheck, type Scenario } from '../schemas/scenario.js';
import { ScenarioLoadError, ScenarioNotFoundError } from './errors.js';
import { displayPath, SCENARIO_DIR, shippedScenarioFiles } from './files.js';
import { readHeader } from './headers.js';
import { type LoadedFile, loadScenarioFile } from './load.js';

export { displayPath, SCENARIO_DIR, SCENARIO_FOLDERS, shippedScenarioFiles } from './files.js';
export { ScenarioNotFoundError };

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
    // Look the name up in the headers first, so only the one file asked for is fully read.
    const files = shippedScenarioFiles(this.dir);
    const headers = files.map((f) => readHeader(f));
    const match = headers.find((h) => h && (h.id === ref || h.aliases.includes(ref)));
    if (match) return this.file(match.file);
    // A file whose header could not be read is loaded in full (it may be the one, or report its problems).
    const unread = files.filter((_, i) => headers[i] === undefined);
    const broken: ScenarioLoadError[] = [];
    for (const f of unread) {
      try {
        const loaded = this.file(f);
        if (loaded.data.id === ref || loaded.data.aliases.includes(ref)) return loaded;
      } catch (error) {
        if (!(error instanceof ScenarioLoadError)) throw error;
        broken.push(error);
      }
    }
    if (existsSync(ref)) return this.file(ref);
    const known = headers.filter((h) => h !== undefined).map((h) => [h.id, ...h.aliases].join(', '));
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
