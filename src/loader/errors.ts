/** Errors a user's input can cause while loading scenarios; light enough for the CLI to import at start. */

/** One problem in a scenario file, at a place in it. */
export interface ScenarioProblem {
  file: string;
  line: number;
  col: number;
  /** The field at fault, e.g. `events[3].entitled`, or empty for the file as a whole. */
  field: string;
  /** What kind of problem it is, stable across releases (tests and tools match on it, not on the wording). */
  code: string;
  message: string;
}

/** A scenario that could not be loaded, with every problem found in it. */
export class ScenarioLoadError extends Error {
  /** The problems, in file order. */
  readonly problems: ScenarioProblem[];

  constructor(problems: ScenarioProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioLoadError';
    this.problems = problems;
  }
}

/** A problem on one line: `file:line:col  field  message  [code]`. */
export function formatProblem(p: ScenarioProblem): string {
  return `${p.file}:${p.line}:${p.col}  ${p.field || '(file)'}  ${p.message}  [${p.code}]`;
}

/** A scenario that was asked for by id or alias and is not in the catalogue. */
export class ScenarioNotFoundError extends Error {
  override name = 'ScenarioNotFoundError';
}
