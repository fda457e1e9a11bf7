/**
 * Problems in scenario files, as a person reads them: `file:line:col  field  message`.
 */
import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import type { z } from 'zod';
import { EVENT_TYPES } from '../schemas/events/index.js';
import type { ScenarioProblem } from './errors.js';

export { formatProblem, ScenarioLoadError, type ScenarioProblem } from './errors.js';

/** A zod issue path as a reader writes it: `events[3].entitled`. */
export function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** The node at a path in a YAML document, and whether it is the node itself or its nearest ancestor. */
function nodeAt(doc: Document, path: readonly PropertyKey[]): { node: Node | undefined; exact: boolean } {
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    let next: unknown;
    if (isMap(node)) next = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key))?.value;
    else if (isSeq(node) && typeof key === 'number') next = node.items[key];
    if (next === undefined || next === null) return { node: node as Node, exact: false };
    node = next;
  }
  return { node: node as Node, exact: true };
}

/** The key node of a field in a mapping, to point at an unknown key. */
function keyNodeAt(doc: Document, path: readonly PropertyKey[], key: string): Node | undefined {
  const { node, exact } = nodeAt(doc, path);
  if (!exact || !isMap(node)) return undefined;
  const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
  return pair?.key as Node | undefined;
}

function position(counter: LineCounter, node: Node | undefined): { line: number; col: number } {
  const offset = node?.range?.[0] ?? 0;
  return counter.linePos(offset);
}

function closest(word: string, options: readonly string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0] ?? 0;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const keep = row[j] ?? 0;
        row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = keep;
      }
    }
    return row[b.length] ?? 0;
  };
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const o of options) {
    const d = distance(word, o);
    if (d < bestD) {
      best = o;
      bestD = d;
    }
  }
  return bestD <= Math.max(2, Math.floor(word.length / 4)) ? best : undefined;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** A zod issue as problems at their places in the YAML source. */
export function issueToProblems(
  file: string,
  doc: Document,
  counter: LineCounter,
  data: unknown,
  issue: z.core.$ZodIssue,
): ScenarioProblem[] {
  const at = (node: Node | undefined) => position(counter, node);
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      file,
      ...at(keyNodeAt(doc, path, key) ?? nodeAt(doc, path).node),
      field: fieldName([...path, key]),
      code: 'field.unknown',
      message: `unknown field "${key}"`,
    }));
  }
  const { node, exact } = nodeAt(doc, path);
  const value = valueAt(data, path);
  let message = issue.message;
  let code = ZOD_CODES[issue.code] ?? 'field.invalid';
  if (issue.code === 'invalid_union' && 'discriminator' in issue) {
    const type = typeof value === 'string' ? value : undefined;
    code = 'event.type';
    if (type === undefined) message = 'every event needs a type, e.g. ballot.opened';
    else {
      const guess = closest(type, EVENT_TYPES);
      message = `unknown event type "${type}"${guess ? ` (did you mean "${guess}"?)` : ''}`;
    }
  } else if (issue.code === 'invalid_type') {
    const missing = !(exact && value !== undefined);
    if (missing) code = 'field.required';
    message = missing ? 'this field is required' : `expected ${article(issue.expected)}, got ${describe(value)}`;
  } else if (issue.code === 'invalid_value' && 'values' in issue) {
    const options = (issue.values as unknown[]).map((v) => JSON.stringify(v)).join(', ');
    message = `expected one of ${options}, got ${describe(value)}`;
  } else if (issue.code === 'custom') {
    const own = (issue.params as { code?: unknown } | undefined)?.code;
    if (typeof own === 'string') code = own;
  }
  return [{ file, ...at(node), field: fieldName(path), code, message }];
}

/** Our code for each kind of zod issue that is not handled on its own. */
const ZOD_CODES: Partial<Record<z.core.$ZodIssue['code'], string>> = {
  invalid_type: 'field.type',
  invalid_value: 'field.choice',
  invalid_format: 'field.format',
  too_small: 'field.range',
  too_big: 'field.range',
  not_multiple_of: 'field.range',
  invalid_union: 'field.type',
  custom: 'field.invalid',
};

function article(expected: string): string {
  if (expected === 'object') return 'a mapping';
  if (expected === 'array') return 'a list';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/** Problems at a path (from our own cross-field checks) placed in the YAML source. */
export function pathProblem(
  file: string,
  doc: Document,
  counter: LineCounter,
  path: readonly PropertyKey[],
  message: string,
  code: string,
): ScenarioProblem {
  return { file, ...position(counter, nodeAt(doc, path).node), field: fieldName(path), code, message };
}
