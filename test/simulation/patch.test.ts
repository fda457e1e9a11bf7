import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tracesJsonChunks } from '../../src/render/trace-json.js';
import { applyPatch, clone, diff } from '../../src/simulation/patch.js';
import { recordAt, records, withFullRecords } from '../../src/simulation/records.js';
import { replay } from '../../src/simulation/replay.js';
import { scenario } from '../helpers/scenarios.js';

/** JSON values as records hold them: objects, arrays, strings, numbers, booleans, null. */
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('a/b', '~0', '~1', '__proto__', '')), tie('value'), {
      maxKeys: 5,
    }),
  ),
})).value;

describe('JSON Patch between records', () => {
  it('applying diff(a, b) to a copy of a gives b, for any two JSON values', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        const patch = diff(a, b);
        // Through JSON, as a Trace travels (-0 becomes 0 there, as in any JSON).
        const again = (v: unknown) => JSON.parse(JSON.stringify(v));
        expect(again(applyPatch(clone(a), again(patch)))).toEqual(again(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('an unchanged record gives an empty patch; an appended item one add', () => {
    const a = { actions: [{ id: 'x' }], n: 1 };
    expect(diff(a, a)).toEqual([]);
    expect(diff(a, { ...a, actions: [...a.actions, { id: 'y' }] })).toEqual([
      { op: 'add', path: '/actions/1', value: { id: 'y' } },
    ]);
  });
});

describe('the record at any step of a linear Trace', () => {
  const s = scenario('2016');
  const patched = replay(s);
  const full = replay(s, { records: 'full' });

  it('version 4, first and last records whole, each step a patch', () => {
    expect(patched.version).toBe(4);
    expect(patched.initial.context).toBeTruthy();
    expect(patched.steps.every((step) => Array.isArray(step.patch) && step.context === undefined)).toBe(true);
    expect(full.steps.every((step) => step.context !== undefined && step.patch === undefined)).toBe(true);
  });

  it('records(), recordAt() and withFullRecords() give every step’s whole record', () => {
    const all = [...records(patched)];
    expect(all).toEqual(full.steps.map((step) => step.context));
    for (const i of [0, 7, patched.steps.length - 1]) expect(recordAt(patched, i)).toEqual(full.steps[i]?.context);
    expect(recordAt(patched, -1)).toEqual(patched.initial.context);
    expect(recordAt(patched, patched.steps.length - 1)).toEqual(patched.final.context);
    expect(withFullRecords(patched)).toEqual(full);
    expect(() => recordAt(patched, patched.steps.length)).toThrow(RangeError);
  });

  it('the patched Trace is far smaller than the one with every record', () => {
    expect(JSON.stringify(patched).length * 4).toBeLessThan(JSON.stringify(full).length);
  });

  it('is written piece by piece as exactly JSON.stringify(…, null, 2)', () => {
    const other = replay(scenario('example'));
    expect([...tracesJsonChunks([patched])].join('')).toBe(`${JSON.stringify(patched, null, 2)}\n`);
    expect([...tracesJsonChunks([patched, other])].join('')).toBe(`${JSON.stringify([patched, other], null, 2)}\n`);
    expect([...tracesJsonChunks([])].join('')).toBe('[]\n');
  });
});
