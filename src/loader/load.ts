/**
 * Reading scenario files: YAML with source positions, checked against the scenario schema, every problem
 * reported at its `file:line:col` with a stable code. Nothing here ever writes to a scenario file.
 */
import { resolve } from 'node:path';
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { crossCheck, ScenarioFile } from '../schemas/scenario.js';
import { decodeScenario, MAX_SCENARIO_BYTES, readBytes, wholeFile } from './bytes.js';
import { cachedScenario } from './cache.js';

export { decodeScenario, MAX_SCENARIO_BYTES, readBytes };

/** The deepest nesting of mappings and lists a scenario may have (the shipped ones use 5). */
export const MAX_DEPTH = 64;

import { fieldName, issueToProblems, pathProblem, ScenarioLoadError, type ScenarioProblem } from './problems.js';

/** A checked scenario file and a way back from its fields to their places in the source. */
export interface LoadedFile {
  file: string;
  data: ScenarioFile;
  /** The problem at a field of this file, placed at its line and column. */
  problemAt(path: readonly PropertyKey[], message: string, code: string): ScenarioProblem;
}

/** YAML's own error codes (`DUPLICATE_KEY`) as ours (`yaml.duplicate-key`). */
function yamlCode(code: string | undefined): string {
  return code ? `yaml.${code.toLowerCase().replaceAll('_', '-')}` : 'yaml.syntax';
}

/**
 * What the YAML tree holds that a plain object cannot: nesting too deep to convert (checked without recursion,
 * so depth itself cannot overflow the stack) and `__proto__` keys, which JavaScript objects would swallow.
 */
function structureProblems(file: string, doc: Document, counter: LineCounter): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];
  const stack: { node: unknown; depth: number; path: PropertyKey[] }[] = [{ node: doc.contents, depth: 0, path: [] }];
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop() as (typeof stack)[number];
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= MAX_DEPTH) {
      out.push({
        file,
        ...counter.linePos(node.range?.[0] ?? 0),
        field: fieldName(path),
        code: 'yaml.too-deep',
        message: `nested more than ${MAX_DEPTH} levels deep; a scenario needs only a few`,
      });
      break;
    }
    node.items.forEach((item: unknown, i: number) => {
      if (isPair(item)) {
        const key = isScalar(item.key) ? String(item.key.value) : '?';
        if (key === '__proto__') {
          out.push({
            file,
            ...counter.linePos((item.key as Node | null)?.range?.[0] ?? 0),
            field: fieldName([...path, key]),
            code: 'field.reserved',
            message: '"__proto__" cannot be a name here: choose another',
          });
        }
        stack.push({ node: item.value, depth: depth + 1, path: [...path, key] });
      } else stack.push({ node: item, depth: depth + 1, path: [...path, i] });
    });
  }
  return out.sort((a, b) => a.line - b.line || a.col - b.col);
}

/** Parses scenario text into a checked scenario file, or throws every problem in it. */
export function parseScenario(text: string, file: string): LoadedFile {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: true, uniqueKeys: true });
  const problems: ScenarioProblem[] = [];
  for (const e of doc.errors) {
    const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
    // The YAML composer recurses; a file nested thousands deep overflows it before we can count the depth.
    if (e.message.includes('Maximum call stack size exceeded')) {
      problems.push({
        file,
        line: pos.line,
        col: pos.col,
        field: '',
        code: 'yaml.too-deep',
        message: `nested more than ${MAX_DEPTH} levels deep; a scenario needs only a few`,
      });
      break;
    }
    const message = e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'YAML syntax error';
    problems.push({
      file,
      line: pos.line,
      col: pos.col,
      field: '',
      code: yamlCode(e.code),
      message: `YAML: ${message}`,
    });
  }
  if (problems.length > 0) throw new ScenarioLoadError(problems);
  const structure = structureProblems(file, doc, counter);
  if (structure.some((p) => p.code === 'yaml.too-deep')) throw new ScenarioLoadError(structure);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    throw wholeFile(file, 'yaml.aliases', `YAML: ${(error as Error).message}`);
  }
  if (data === null || data === undefined) {
    throw wholeFile(file, 'file.empty', 'the file is empty: a scenario starts with an id, a title and events');
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ScenarioLoadError([
      {
        file,
        ...counter.linePos(doc.contents?.range?.[0] ?? 0),
        field: '',
        code: 'file.not-mapping',
        message: 'a scenario is a mapping of fields (id, title, events, …)',
      },
    ]);
  }
  const problemAt = (path: readonly PropertyKey[], message: string, code: string) =>
    pathProblem(file, doc, counter, path, message, code);
  const parsed = ScenarioFile.safeParse(data);
  // A loaded file keeps its text, not its YAML tree (hundreds of MB for a long file): a place is found again
  // only when a problem must be placed.
  if (parsed.success && structure.length === 0) return { file, data: parsed.data, problemAt: placesIn(text, file) };
  const seen = new Set<string>();
  for (const p of structure) add(p);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      for (const p of issueToProblems(file, doc, counter, data, issue)) add(p);
    }
    // Zod skips the cross-field rules when the structure is wrong; run them anyway so nothing is hidden.
    for (const c of crossCheck(data as Record<string, unknown>)) add(problemAt(c.path, c.message, c.code));
  }
  problems.sort((a, b) => a.line - b.line || a.col - b.col);
  throw new ScenarioLoadError(problems);

  function add(p: ScenarioProblem): void {
    const key = `${p.field}|${p.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(p);
  }
}

/** Reads and checks one scenario file from its YAML, never the cache (what the cache itself is built with). */
export function parseScenarioFile(file: string): LoadedFile {
  return parseScenario(decodeScenario(readBytes(file), file), file);
}

/** A way to place problems in a scenario's text, parsing it (once) only when first asked. */
export function placesIn(text: string, file: string): LoadedFile['problemAt'] {
  let places: LoadedFile['problemAt'] | undefined;
  return (path, message, code) => {
    if (!places) {
      const counter = new LineCounter();
      const doc = parseDocument(text, { lineCounter: counter });
      places = (p, m, c) => pathProblem(file, doc, counter, p, m, c);
    }
    return places(path, message, code);
  };
}

/**
 * Reads and checks one scenario file (without resolving `extends`). A shipped file whose bytes the build's cache
 * knows comes from the cache, already checked; its places in the source are read from the YAML only if a problem
 * must be placed (a branch that does not fit its base).
 */
export function loadScenarioFile(file: string): LoadedFile {
  const bytes = readBytes(file);
  const cached = cachedScenario(resolve(file), bytes);
  if (!cached) return parseScenario(decodeScenario(bytes, file), file);
  return { file, data: cached, problemAt: placesIn(decodeScenario(bytes, file), file) };
}
