/**
 * The record's named lists (ballots, offers, votes, awards, strikes, challenges), looked up by name in constant
 * time. The record stays plain JSON arrays, never changed in place (old snapshots, forks and a walk's branches
 * share them); the index behind each list lives here, outside the record, keyed by the array itself.
 *
 * Lists only grow, and a list made from another (one item appended, or one replaced by an item of the same name)
 * shares the other's index: names keep their positions. An index is extended in place only by appending to a
 * list as long as every list sharing it, so a list made by appending to an older one (a fork, a branch) gets an
 * index of its own, built on its first look-up. A list this module has not seen is indexed when first looked up.
 */

/** An item of a list the record looks up by name. */
export interface Named {
  readonly id: string;
}

/** Where each name first appears, in the longest list sharing the index, and that list's length. */
interface Index {
  positions: Map<string, number>;
  length: number;
}

const INDEXES = new WeakMap<readonly unknown[], Index>();

function indexOf(list: readonly Named[]): Index {
  let index = INDEXES.get(list);
  if (!index) {
    const positions = new Map<string, number>();
    for (let i = 0; i < list.length; i++) {
      const id = (list[i] as Named).id;
      if (!positions.has(id)) positions.set(id, i);
    }
    index = { positions, length: list.length };
    INDEXES.set(list, index);
  }
  return index;
}

/** The position of the first item of a name, or -1 if none has it. */
export function positionOf(list: readonly Named[], id: string): number {
  const at = indexOf(list).positions.get(id);
  return at !== undefined && at < list.length ? at : -1;
}

/** The first item of a name, if any. */
export function findById<T extends Named>(list: readonly T[], id: string): T | undefined {
  const at = positionOf(list, id);
  return at < 0 ? undefined : list[at];
}

/** Whether an item of the name is in the list. */
export function hasId(list: readonly Named[], id: string): boolean {
  return positionOf(list, id) >= 0;
}

/** The list with one item added at the end (a new array; the list itself is untouched). */
export function appended<T>(list: readonly T[], item: T): T[] {
  const next = list.concat([item]);
  const index = INDEXES.get(list);
  if (index && index.length === list.length) {
    const id = (item as Named).id;
    if (!index.positions.has(id)) index.positions.set(id, list.length);
    index.length = next.length;
    INDEXES.set(next, index);
  }
  return next;
}

/** The list with the item at a position replaced (a new array; the list itself is untouched). */
export function replacedAt<T>(list: readonly T[], at: number, item: T): T[] {
  const next = list.with(at, item);
  const index = INDEXES.get(list);
  if (index && (item as Named).id === (list[at] as Named | undefined)?.id) INDEXES.set(next, index);
  return next;
}

/** The list with the first item of a name changed, or the list itself if none has the name. */
export function updatedById<T extends Named>(list: T[], id: string, change: (item: T) => T): T[] {
  const at = positionOf(list, id);
  return at < 0 ? list : replacedAt(list, at, change(list[at] as T));
}
