/**
 * The scenarios that ship with dispute-sim, found by id, alias or path, with counterfactual branches resolved
 * against the scenarios they extend. The parser (YAML and the zod schema, most of a command's start-up) is
 * handed in, or loaded only when a file is not in the build's checked cache (`lazily`): a replay of a shipped
 * dispute then never loads it.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Scenario, ScenarioFile } from '../schemas/scenario.js';
import { mergeBranch } from '../simulation/branch.js';
import { decodeScenario, readBytes } from './bytes.js';
import { cachedScenario, peekCachedScenario } from './cache.js';
import { formatProblem, ScenarioLoadError, ScenarioNotFoundError } from './errors.js';
import { displayPath, SCENARIO_DIR, shippedScenarioFiles } from './files.js';
import type { ScenarioHeader } from './headers.js';
import type { LoadedFile } from './load.js';

export { displayPath, SCENARIO_DIR, SCENARIO_FOLDERS, shippedScenarioFiles } from './files.js';
export { ScenarioNotFoundError };

/** What the catalogue needs of the parser module (src/loader/load.ts and headers.ts). */
export interface Parser {
  parseScenario(text: string, file: string): LoadedFile;
  placesIn(text: string, file: string): LoadedFile['problemAt'];
  readHeader(file: string): ScenarioHeader | undefined;
}

/** The parser is needed and not loaded yet: `lazily` loads it and tries again. */
export class ParserNeeded extends Error {
  override name = 'ParserNeeded';
}

/** The parser module, loaded once on first need. */
async function loadParser(): Promise<Parser> {
  const [load, headers] = await Promise.all([import('./load.js'), import('./headers.js')]);
  return { ...load, readHeader: headers.readHeader };
}

/** A catalogue of scenario files, loaded once each. */
export class Catalogue {
  #files = new Map<string, LoadedFile>();
  /** The folder a text scenario's relative `extends` is read from, by its key. */
  #dirs = new Map<string, string>();
  #parser: Parser | undefined;

  constructor(
    readonly dir = SCENARIO_DIR,
    parser?: Parser,
  ) {
    this.#parser = parser;
  }

  /** The parser, or ParserNeeded when it has not been loaded. */
  #parse(): Parser {
    if (!this.#parser) throw new ParserNeeded('the scenario parser is not loaded');
    return this.#parser;
  }

  /** Runs `fn`, loading the parser first if it turns out to need it, then running it again. */
  async lazily<T>(fn: () => T): Promise<T> {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof ParserNeeded)) throw error;
      this.#parser = await loadParser();
      return fn();
    }
  }

  /** A shipped file's header: from the cache while its bytes are what it knows, else from the file's YAML. */
  header(file: string): ScenarioHeader | undefined {
    let data: ReturnType<typeof peekCachedScenario>;
    try {
      data = peekCachedScenario(resolve(file), readBytes(file), this.dir);
    } catch {
      data = undefined;
    }
    if (!data) return this.#parse().readHeader(file);
    return {
      file,
      id: data.id,
      aliases: [...data.aliases],
      title: data.title,
      kind: data.kind,
      period: { from: data.period.from, to: data.period.to },
      outcome: data.outcome,
      ...(data.extends ? { extends: data.extends } : {}),
    };
  }

  /** The absolute paths of every file this catalogue has read in full: a command's inputs. */
  readFiles(): string[] {
    return [...this.#files.keys()].filter((key) => !key.startsWith('<'));
  }

  /**
   * A scenario given as text (standard input), named `name` in its problems; a path it `extends` is taken from
   * `dir`, as if the file were there.
   */
  text(text: string, name: string, dir = process.cwd()): LoadedFile {
    const key = `<${name}>`;
    const loaded = this.#parse().parseScenario(text, name);
    this.#files.set(key, loaded);
    this.#dirs.set(key, dir);
    return loaded;
  }

  /** Every shipped scenario file, loaded (throws on the first broken one). */
  all(): LoadedFile[] {
    return shippedScenarioFiles(this.dir).map((f) => this.file(f));
  }

  /** A loaded scenario file by path. */
  file(path: string): LoadedFile {
    const key = resolve(path);
    let loaded = this.#files.get(key);
    if (!loaded) {
      loaded = this.#load(displayPath(key));
      this.#files.set(key, loaded);
    }
    return loaded;
  }

  /** A file from the build's cache when it knows these bytes (placed in its YAML only if need be), else parsed. */
  #load(file: string): LoadedFile {
    const bytes = readBytes(file);
    const data = cachedScenario(resolve(file), bytes, this.dir);
    if (!data) return this.#parse().parseScenario(decodeScenario(bytes, file), file);
    let places: LoadedFile['problemAt'] | undefined;
    return {
      file,
      data,
      problemAt: (path, message, code) => {
        places ??= this.#parse().placesIn(decodeScenario(bytes, file), file);
        return places(path, message, code);
      },
    };
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

  /**
   * A shipped scenario by id or alias, or (unless `files` is false) a file by path. A broken shipped file does
   * not hide the others.
   */
  find(ref: string, options: { files?: boolean } = {}): LoadedFile {
    const paths = options.files ?? true;
    if (paths && (/\.ya?ml$/i.test(ref) || ref.includes('/') || ref.includes('\\'))) return this.file(ref);
    // Look the name up in the headers first, so only the one file asked for is fully read.
    const files = shippedScenarioFiles(this.dir);
    const headers = files.map((f) => this.header(f));
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
    if (paths && existsSync(ref)) return this.file(ref);
    const known = headers.filter((h) => h !== undefined).map((h) => [h.id, ...h.aliases].join(', '));
    const unreadable =
      broken.length > 0 ? ` (${broken.length} shipped file(s) could not be read: run dispute-sim validate)` : '';
    throw new ScenarioNotFoundError(`no scenario "${ref}"; known: ${known.join('; ')}${unreadable}`);
  }

  /**
   * The shipped counterfactuals that branch from a scenario (by its id or one of its aliases), each resolved, in
   * file order; one that does not load is left out, since the base's own use does not depend on it.
   */
  whatIfsOf(scenario: { id: string; aliases: readonly string[] }): { file: ScenarioFile; scenario: Scenario }[] {
    const names = new Set([scenario.id, ...scenario.aliases]);
    const out: { file: ScenarioFile; scenario: Scenario }[] = [];
    for (const f of shippedScenarioFiles(this.dir)) {
      const header = this.header(f);
      if (!header?.extends || !names.has(header.extends)) continue;
      try {
        out.push({ file: this.file(f).data, scenario: this.resolve(f) });
      } catch (error) {
        if (!(error instanceof ScenarioLoadError)) throw error;
      }
    }
    return out;
  }

  /** A scenario ready to replay: a counterfactual's base events up to where it diverges, then its own. */
  resolve(ref: string, seen: string[] = []): Scenario {
    return this.#resolveLoaded(this.find(ref), seen);
  }

  /** The scenario a branch extends, resolved as `extends` names it; undefined for one that extends nothing. */
  resolveBase(ref: string): Scenario | undefined {
    const loaded = this.find(ref);
    const ext = loaded.data.extends;
    return ext ? this.#resolveLoaded(this.#base(loaded, ext), [loaded.data.id]) : undefined;
  }

  /** A text scenario (from `text`) ready to replay. */
  resolveText(loaded: LoadedFile): Scenario {
    return this.#resolveLoaded(loaded, []);
  }

  /**
   * The file a branch's `extends` names: a scenario id or alias from the catalogue, or a path to a YAML file
   * read relative to the folder of the file that names it (never the working directory).
   */
  #base(loaded: LoadedFile, ref: string): LoadedFile {
    const isPath = /\.ya?ml$/i.test(ref) || ref.includes('/') || ref.includes('\\');
    if (!isPath) return this.find(ref, { files: false });
    if (!/\.ya?ml$/i.test(ref)) {
      throw new ScenarioLoadError([
        loaded.problemAt(['extends'], `"${ref}" is neither a scenario id nor a .yaml file`, 'extends.not-found'),
      ]);
    }
    const dir = this.#dirs.get(`<${loaded.file}>`) ?? dirname(resolve(loaded.file));
    const path = isAbsolute(ref) ? ref : resolve(dir, ref);
    if (!existsSync(path)) {
      throw new ScenarioLoadError([
        loaded.problemAt(['extends'], `no scenario file "${ref}" (looked in ${displayPath(dir)})`, 'extends.not-found'),
      ]);
    }
    try {
      return this.file(path);
    } catch (error) {
      if (!(error instanceof ScenarioLoadError)) throw error;
      const first = error.problems[0];
      const why = first ? `: ${formatProblem(first)}` : '';
      const more = error.problems.length > 1 ? ` (and ${error.problems.length - 1} more problems)` : '';
      throw new ScenarioLoadError([
        loaded.problemAt(['extends'], `"${ref}" is not a valid scenario${why}${more}`, 'extends.invalid'),
      ]);
    }
  }

  #resolveLoaded(loaded: LoadedFile, seen: string[]): Scenario {
    const s = loaded.data;
    if (!s.extends) return s;
    if (seen.includes(s.id)) {
      throw new ScenarioLoadError([
        loaded.problemAt(
          ['extends'],
          `scenarios extend each other in a circle: ${[...seen, s.id].join(' → ')}`,
          'extends.cycle',
        ),
      ]);
    }
    let base: Scenario;
    try {
      base = this.#resolveLoaded(this.#base(loaded, s.extends), [...seen, s.id]);
    } catch (error) {
      if (error instanceof ScenarioNotFoundError) {
        throw new ScenarioLoadError([
          loaded.problemAt(['extends'], `no scenario "${s.extends}" to extend`, 'extends.not-found'),
        ]);
      }
      throw error;
    }
    const merged = mergeBranch(base, s);
    if ('problems' in merged) {
      throw new ScenarioLoadError(
        merged.problems.map((p) =>
          p.inBase
            ? loaded.problemAt(['divergesAt'], `${p.message} (in ${base.id}, event ${fieldOf(p.path)})`, p.code)
            : loaded.problemAt(p.path, p.message, p.code),
        ),
      );
    }
    return merged.scenario;
  }
}

function fieldOf(path: (string | number)[]): string {
  return path
    .map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
    .join('')
    .replace(/^\./, '');
}
