/**
 * Reading a strategy file for `simulate`: YAML checked against the strategy schema, every problem placed at its
 * file:line:col with the field and a stable code, as scenario files are. A file gives the fields it changes; the
 * rest are the defaults (each family's parameters are whole, so a family is never half one's and half another's).
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { DEFAULT_STRATEGY, type Strategy, StrategyFile, StrategyFileInput } from '../schemas/strategy.js';
import { decodeScenario, readBytes, wholeFile } from './bytes.js';
import { ScenarioLoadError, type ScenarioProblem } from './errors.js';
import { SCENARIO_DIR } from './files.js';
import { issueToProblems } from './problems.js';

/** The strategy a file gives, over the defaults; throws every problem in it. */
export function loadStrategyFile(file: string): Strategy {
  const text = decodeScenario(readBytes(file), file);
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: true, uniqueKeys: true });
  const problems: ScenarioProblem[] = doc.errors.map((e) => ({
    file,
    line: e.linePos?.[0]?.line ?? 1,
    col: e.linePos?.[0]?.col ?? 1,
    field: '',
    code: 'yaml.syntax',
    message: `YAML: ${e.message.split('\n')[0] ?? 'syntax error'}`,
  }));
  if (problems.length) throw new ScenarioLoadError(problems);
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw wholeFile(file, 'file.not-mapping', 'a strategy file is a mapping: members, employer, awards, union…');
  }
  // What the file leaves out is the defaults': its fields are merged over them, section by section.
  const given = data as Record<string, unknown>;
  const shape = StrategyFileInput.safeParse(given);
  if (!shape.success) {
    const out = shape.error.issues.flatMap((issue) => issueToProblems(file, doc, counter, given, issue));
    throw new ScenarioLoadError(out.sort((a, b) => a.line - b.line || a.col - b.col));
  }
  const merged = deepMerge(DEFAULT_STRATEGY, given);
  const parsed = StrategyFile.safeParse(merged);
  if (parsed.success) return parsed.data;
  const out = parsed.error.issues.flatMap((issue) => issueToProblems(file, doc, counter, given, issue));
  throw new ScenarioLoadError(out.sort((a, b) => a.line - b.line || a.col - b.col));
}

/** `over`'s fields over `base`'s, plain objects merged field by field, anything else replaced. */
function deepMerge(base: unknown, over: unknown): unknown {
  const plain = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
  if (!plain(base) || !plain(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
  return out;
}

/**
 * Where the shipped strategies are: `strategies/` beside `scenarios/`, not inside it, so that a glob over the
 * scenario folders (`validate scenarios/<folder>/<file>.yaml`, as the README has it) never takes a strategy.
 */
export const STRATEGY_DIR = join(SCENARIO_DIR, '..', 'strategies');

/**
 * The strategy a dispute ships with (`strategies/<id>.yaml`, calibrated to its record), else the defaults; a
 * counterfactual uses its base's. Returns the file it read, if any.
 */
export function shippedStrategy(ids: readonly string[], dir = STRATEGY_DIR): { strategy: Strategy; file?: string } {
  for (const id of ids) {
    const file = join(dir, `${id}.yaml`);
    if (existsSync(file)) return { strategy: loadStrategyFile(file), file };
  }
  return { strategy: DEFAULT_STRATEGY };
}
