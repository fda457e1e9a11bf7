/**
 * Reading scenario files: YAML with source positions, checked against the scenario schema, every problem
 * reported at its `file:line:col`. Nothing here ever writes to a scenario file.
 */
import { readFileSync, statSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { crossCheck, ScenarioFile } from '../schemas/scenario.js';
import { issueToProblems, pathProblem, ScenarioLoadError, type ScenarioProblem } from './problems.js';

/** The largest scenario file we read, in bytes. */
export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;

/** A scenario file's text, or the problem that stops us reading it. */
function readText(file: string): string {
  const whole = (message: string): ScenarioLoadError =>
    new ScenarioLoadError([{ file, line: 1, col: 1, field: '', message }]);
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw whole('is a directory, not a scenario file');
    if (!stat.isFile()) throw whole('is not a regular file');
    size = stat.size;
  } catch (error) {
    if (error instanceof ScenarioLoadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw whole(
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : `cannot read (${code ?? 'unknown error'})`,
    );
  }
  if (size > MAX_SCENARIO_BYTES) {
    throw whole(`is too large to be a scenario (${(size / 1024 / 1024).toFixed(1)} MB; the limit is 2 MB)`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw whole(`cannot read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  if (bytes.includes(0)) throw whole('is a binary file, not YAML text');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw whole('is not UTF-8 text');
  }
}

/** A checked scenario file and a way back from its fields to their places in the source. */
export interface LoadedFile {
  file: string;
  data: ScenarioFile;
  /** The problem at a field of this file, placed at its line and column. */
  problemAt(path: readonly PropertyKey[], message: string): ScenarioProblem;
}

/** Parses scenario text into a checked scenario file, or throws every problem in it. */
export function parseScenario(text: string, file: string): LoadedFile {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: true, uniqueKeys: true });
  const problems: ScenarioProblem[] = [];
  for (const e of doc.errors) {
    const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
    const message = e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'YAML syntax error';
    problems.push({ file, line: pos.line, col: pos.col, field: '', message: `YAML: ${message}` });
  }
  if (problems.length > 0) throw new ScenarioLoadError(problems);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    throw new ScenarioLoadError([{ file, line: 1, col: 1, field: '', message: `YAML: ${(error as Error).message}` }]);
  }
  if (data === null || data === undefined) {
    throw new ScenarioLoadError([
      {
        file,
        line: 1,
        col: 1,
        field: '',
        message: 'the file is empty: a scenario starts with an id, a title and events',
      },
    ]);
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ScenarioLoadError([
      {
        file,
        ...counter.linePos(doc.contents?.range?.[0] ?? 0),
        field: '',
        message: 'a scenario is a mapping of fields (id, title, events, …)',
      },
    ]);
  }
  const parsed = ScenarioFile.safeParse(data);
  if (parsed.success) {
    return { file, data: parsed.data, problemAt: (path, message) => pathProblem(file, doc, counter, path, message) };
  }
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    for (const p of issueToProblems(file, doc, counter, data, issue)) add(p);
  }
  // Zod skips the cross-field rules when the structure is wrong; run them anyway so nothing is hidden.
  for (const c of crossCheck(data as Record<string, unknown>)) add(pathProblem(file, doc, counter, c.path, c.message));
  problems.sort((a, b) => a.line - b.line || a.col - b.col);
  throw new ScenarioLoadError(problems);

  function add(p: ScenarioProblem): void {
    const key = `${p.field}|${p.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(p);
  }
}

/** Reads and checks one scenario file (without resolving `extends`). */
export function loadScenarioFile(file: string): LoadedFile {
  return parseScenario(readText(file), file);
}
