import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appended, findById, positionOf, replacedAt, updatedById } from '../../src/machine/lists.js';

type Item = { id: string; v: number };

/** One change to some earlier version of a list: an item appended, or one replaced (same name or another). */
type Change = { from: number; kind: 'append' | 'replace' | 'rename'; id: number; at: number };

const change: fc.Arbitrary<Change> = fc.record({
  from: fc.nat(),
  kind: fc.constantFrom('append', 'append', 'replace', 'rename'),
  id: fc.nat(12),
  at: fc.nat(),
});

describe('the record’s lists, looked up by name (lists.ts), agree with a scan of the list', () => {
  it('on every version, after appends and replacements made from any earlier version (forks, branches)', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 20 }), (changes, looks) => {
        const versions: Item[][] = [[]];
        let n = 0;
        for (const c of changes) {
          const base = versions[c.from % versions.length] as Item[];
          // Look the base up first (sometimes), as the machine's checks do before a record changes.
          if (c.id % 2 === 0) positionOf(base, `x${c.id}`);
          if (c.kind === 'append' || base.length === 0) versions.push(appended(base, { id: `x${c.id}`, v: n++ }));
          else {
            const at = c.at % base.length;
            const id = c.kind === 'rename' ? `x${c.id}` : (base[at] as Item).id;
            versions.push(replacedAt(base, at, { id, v: n++ }));
          }
          for (const look of looks) {
            const list = versions[look % versions.length] as Item[];
            for (let k = 0; k <= 12; k++) {
              const id = `x${k}`;
              expect(positionOf(list, id), `${id} in ${JSON.stringify(list)}`).toBe(list.findIndex((x) => x.id === id));
            }
          }
        }
        for (const list of versions) {
          for (let k = 0; k <= 12; k++) expect(findById(list, `x${k}`)).toBe(list.find((x) => x.id === `x${k}`));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never changes a list in place, and updatedById leaves a list without the name as it is', () => {
    const a: Item[] = [{ id: 's1', v: 1 }];
    positionOf(a, 's1');
    const b = appended(a, { id: 's2', v: 2 });
    const c = replacedAt(b, 0, { id: 's1', v: 3 });
    expect(a).toEqual([{ id: 's1', v: 1 }]);
    expect(b).toEqual([
      { id: 's1', v: 1 },
      { id: 's2', v: 2 },
    ]);
    expect(c[0]).toEqual({ id: 's1', v: 3 });
    expect(positionOf(a, 's2')).toBe(-1);
    expect(updatedById(c, 'none', (x) => x)).toBe(c);
    expect(updatedById(c, 's2', (x) => ({ ...x, v: 9 }))).toEqual([
      { id: 's1', v: 3 },
      { id: 's2', v: 9 },
    ]);
  });
});
