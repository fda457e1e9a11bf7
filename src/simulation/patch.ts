/**
 * JSON Patch (RFC 6902) between two records, and applying it: how a Trace carries each step's record as what
 * changed since the step before, so that it grows with the number of events, not with their square. Only `add`,
 * `remove` and `replace` are made; `apply` accepts those. Records are plain JSON (no undefined inside arrays).
 */

/** One operation of a JSON Patch. */
export type PatchOperation =
  | { op: 'add'; path: string; value: unknown }
  | { op: 'replace'; path: string; value: unknown }
  | { op: 'remove'; path: string };

const escapeToken = (key: string): string =>
  key.includes('~') || key.includes('/') ? key.replaceAll('~', '~0').replaceAll('/', '~1') : key;
const unescapeToken = (token: string): string => token.replaceAll('~1', '/').replaceAll('~0', '~');

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An object's own field (never one inherited: `__proto__` is data here). */
const own = (o: Record<string, unknown>, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

/**
 * The patch that turns `from` into `to`. Unchanged parts that are the same object (as XState's immutable
 * updates leave them) are skipped at once, so a step's patch costs what changed, not the size of the record.
 */
export function diff(from: unknown, to: unknown): PatchOperation[] {
  const ops: PatchOperation[] = [];
  walk(from, to, '', ops);
  return ops;
}

function walk(a: unknown, b: unknown, path: string, ops: PatchOperation[]): void {
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    const common = Math.min(a.length, b.length);
    // The same item (as XState's updates leave all but the changed ones) is skipped without a call.
    for (let i = 0; i < common; i++) if (a[i] !== b[i]) walk(a[i], b[i], `${path}/${i}`, ops);
    for (let i = common; i < b.length; i++) ops.push({ op: 'add', path: `${path}/${i}`, value: clone(b[i]) });
    for (let i = a.length - 1; i >= b.length; i--) ops.push({ op: 'remove', path: `${path}/${i}` });
    return;
  }
  if (isObject(a) && isObject(b)) {
    // Paths are made only for keys that changed: most of a record is the same object as before.
    for (const key of Object.keys(a)) {
      if (a[key] !== undefined && own(b, key) === undefined) {
        ops.push({ op: 'remove', path: `${path}/${escapeToken(key)}` });
      }
    }
    for (const key of Object.keys(b)) {
      const next = b[key];
      if (next === undefined) continue;
      const prev = own(a, key);
      if (prev === next) continue;
      const here = `${path}/${escapeToken(key)}`;
      if (prev === undefined) ops.push({ op: 'add', path: here, value: clone(next) });
      else walk(prev, next, here, ops);
    }
    return;
  }
  if (typeof a === 'number' && typeof b === 'number' && Object.is(a, b)) return;
  ops.push({ op: 'replace', path, value: clone(b) });
}

/** A deep copy of plain JSON data (undefined object fields dropped, as JSON would). */
export function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      if (k === '__proto__')
        Object.defineProperty(out, k, { value: clone(v), writable: true, enumerable: true, configurable: true });
      else out[k] = clone(v);
    }
    return out as T;
  }
  return value;
}

/** A patch that cannot be applied to the document it was given. */
export class PatchError extends Error {
  override name = 'PatchError';
}

/**
 * Applies a patch to a document in place and returns the result (a new value when the whole document is
 * replaced). Values are copied in, so the patch stays usable afterwards.
 */
export function applyPatch(document: unknown, patch: readonly PatchOperation[]): unknown {
  let root = document;
  for (const operation of patch) {
    if (operation.path === '') {
      if (operation.op === 'remove') throw new PatchError('cannot remove the whole document');
      root = clone(operation.value);
      continue;
    }
    const tokens = operation.path.split('/').slice(1).map(unescapeToken);
    const last = tokens.pop() as string;
    let parent: unknown = root;
    for (const token of tokens) {
      parent = Array.isArray(parent) ? parent[Number(token)] : isObject(parent) ? own(parent, token) : undefined;
      if (parent === undefined) throw new PatchError(`no "${operation.path}" to change`);
    }
    if (Array.isArray(parent)) {
      const index = last === '-' ? parent.length : Number(last);
      if (!Number.isInteger(index) || index < 0 || index > parent.length) {
        throw new PatchError(`no index ${last} in "${operation.path}"`);
      }
      if (operation.op === 'add') parent.splice(index, 0, clone(operation.value));
      else if (operation.op === 'replace') parent[index] = clone(operation.value);
      else parent.splice(index, 1);
    } else if (isObject(parent)) {
      if (operation.op === 'remove') delete parent[last];
      // Defined, not assigned: a key named __proto__ is data here, never the object's prototype.
      else
        Object.defineProperty(parent, last, {
          value: clone(operation.value),
          writable: true,
          enumerable: true,
          configurable: true,
        });
    } else throw new PatchError(`"${operation.path}" is inside a value that is not a container`);
  }
  return root;
}
