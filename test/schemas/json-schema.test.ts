import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMAS, EVENT_TYPES } from '../../src/schemas/events/index.js';
import { type JsonSchema, scenarioJsonSchema } from '../../src/schemas/json-schema.js';

const schema = scenarioJsonSchema();

/** A schema with its local `$ref` followed (once per step, so a ref to a ref resolves too). */
function resolved(node: JsonSchema): JsonSchema {
  let out = node;
  while (typeof out.$ref === 'string') {
    const target = out.$ref.replace(/^#\/\$defs\//, '');
    const def = (schema.$defs as Record<string, JsonSchema>)[target];
    if (!def) throw new Error(`unresolved ${out.$ref}`);
    const { $ref: _ref, ...own } = out;
    out = { ...def, ...own };
  }
  return out;
}

/** Every named property anywhere in the schema, as its path and its schema. */
function properties(node: unknown, path = '#'): [string, JsonSchema][] {
  if (Array.isArray(node)) return node.flatMap((v, i) => properties(v, `${path}/${i}`));
  if (typeof node !== 'object' || node === null) return [];
  const out: [string, JsonSchema][] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      for (const [name, p] of Object.entries(value as Record<string, JsonSchema>)) out.push([`${path}/${name}`, p]);
    }
    out.push(...properties(value, `${path}/${key}`));
  }
  return out;
}

/** Every `description` written in the schema, once per occurrence. */
function descriptions(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(descriptions);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === 'description' && typeof value === 'string' ? [value] : descriptions(value),
  );
}

describe('the scenario JSON Schema', () => {
  it('describes every property, at every depth (through $refs)', () => {
    const all = properties(schema).filter(([path]) => !path.includes('/if/'));
    expect(all.length).toBeGreaterThan(200);
    const undescribed = all.filter(([, p]) => typeof resolved(p).description !== 'string').map(([path]) => path);
    expect(undescribed).toEqual([]);
  });

  it('has descriptions that are one sentence each and at least 90% distinct', () => {
    const texts = descriptions(schema);
    expect(texts.length).toBeGreaterThan(150);
    expect(new Set(texts).size / texts.length).toBeGreaterThanOrEqual(0.9);
    for (const t of texts) expect(t).toMatch(/^\S.*[.)]$/);
  });

  it('describes every event type in its zod schema, each differently', () => {
    const meanings = EVENT_SCHEMAS.map((s) => s.description);
    expect(meanings.every((m) => typeof m === 'string' && m.length > 20)).toBe(true);
    expect(new Set(meanings).size).toBe(EVENT_SCHEMAS.length);
  });

  it('picks an event’s schema by its type: one if/then per type, then the list of types', () => {
    const events = (schema.properties as Record<string, JsonSchema>).events as JsonSchema;
    const item = events.items as { required: string[]; allOf: JsonSchema[] };
    expect(item.required).toEqual(['type']);
    const chain = item.allOf.slice(0, -1) as { if: JsonSchema; then: JsonSchema }[];
    expect(chain.map((c) => (c.if.properties as { type: { const: string } }).type.const)).toEqual(EVENT_TYPES);
    for (const { if: condition, then } of chain) {
      expect(condition.required).toEqual(['type']);
      expect(then.additionalProperties).toBe(false);
    }
    const last = item.allOf.at(-1) as { properties: { type: { enum: string[] } } };
    expect(last.properties.type.enum).toEqual(EVENT_TYPES);
    expect(JSON.stringify(schema)).not.toContain('"oneOf"');
  });
});
