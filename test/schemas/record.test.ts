import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ScenarioCatalogue, shippedScenarioFiles } from '../../src/loader/registry.js';
import { initialContext } from '../../src/machine/context.js';
import { DisputeRecord } from '../../src/schemas/record.js';
import { Trace } from '../../src/schemas/trace.js';
import { clone } from '../../src/simulation/patch.js';
import { records } from '../../src/simulation/records.js';
import { replay } from '../../src/simulation/replay.js';

/** Where a record fails the schema, as `path: message` lines. */
const problems = (record: unknown): string[] =>
  DisputeRecord.safeParse(record).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('the record is the schema DisputeRecord', () => {
  it.each(shippedScenarioFiles())('%s: every step’s record, the first and the last parse (strict objects)', (file) => {
    const trace = replay(new ScenarioCatalogue().resolve(file));
    expect(problems(trace.initial.context)).toEqual([]);
    const bad = [...records(trace)].flatMap((record, i) => problems(record).map((p) => `step ${i}: ${p}`));
    expect(bad).toEqual([]);
    expect(problems(trace.final.context)).toEqual([]);
    expect(Trace.safeParse(JSON.parse(JSON.stringify(trace))).error).toBeUndefined();
  });

  it('refuses a field it does not know, at any depth, and a field of the old flat record', () => {
    const trace = replay(new ScenarioCatalogue().resolve('2016'));
    const record = clone(trace.final.context) as unknown as Record<string, Record<string, unknown[]>>;
    (record.action?.actions?.[0] as Record<string, unknown>).note = 'unrecorded';
    expect(problems(record)).toEqual(['action.actions.0: Unrecognized key: "note"']);
    expect(problems({ ...initialContext({ start: '2023-01-01' }), daysOfAction: 0 })).toEqual([
      ': Unrecognized key: "daysOfAction"',
    ]);
  });

  it('keeps a small top level: the clock and six groups of facts', () => {
    expect(Object.keys(DisputeRecord.shape)).toEqual([
      'now',
      'law',
      'dispute',
      'balloting',
      'negotiation',
      'action',
      'surroundings',
    ]);
    expect(Object.keys(initialContext({ start: '2023-01-01' }))).toEqual(Object.keys(DisputeRecord.shape));
  });

  it('describes every field, as the Trace’s documented contract', () => {
    const undescribed: string[] = [];
    const seen: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const schema = node as { description?: string; properties?: Record<string, unknown>; [k: string]: unknown };
      for (const [name, field] of Object.entries(schema.properties ?? {})) {
        const described = (f: unknown): boolean =>
          typeof f === 'object' &&
          f !== null &&
          (typeof (f as { description?: unknown }).description === 'string' ||
            ((f as { anyOf?: unknown[] }).anyOf ?? []).some(described));
        seen.push(`${path}.${name}`);
        if (!described(field)) undescribed.push(`${path}.${name}`);
        walk(field, `${path}.${name}`);
      }
      for (const key of ['items', 'anyOf', 'oneOf']) {
        const inner = schema[key];
        for (const part of Array.isArray(inner) ? inner : [inner]) walk(part, path);
      }
    };
    walk(z.toJSONSchema(DisputeRecord, { io: 'output' }), 'record');
    expect(seen).toEqual(expect.arrayContaining(['record.action.actions.impact.by', 'record.dispute.claim.summary']));
    expect(undescribed).toEqual([]);
  });
});
