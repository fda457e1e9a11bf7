/**
 * The JSON Schema of scenario files, generated from the zod schema, for editor completion, hovers and checking.
 * zod's own output is reshaped where editors read it badly: an event picks its variant by `type` (so a misspelt
 * type is reported as such, with the valid types), instants carry the loader's pattern, and the parts every
 * event shares are defined once.
 */
import { z } from 'zod';
import { EVENT_SCHEMAS, EVENT_TYPES } from './events/index.js';
import { Id, INSTANT_PATTERN, Instant } from './primitives.js';
import { EventMeta, ScenarioFile } from './scenario.js';
import { StrategyFileInput } from './strategy.js';

/** A JSON Schema, as plain data. */
export type JsonSchema = { [keyword: string]: unknown };

/** Where the shipped schema lives and what editors call it. */
export const SCHEMA_ID = 'https://dispute-sim.local/scenario.schema.json';

const INSTANT_MARK = 'x-dispute-sim-instant';

/** Whether a zod schema is a primitive or derived from it by `.describe()` and the like. */
function derivedFrom(schema: z.core.$ZodType, primitive: z.core.$ZodType): boolean {
  for (let s: z.core.$ZodType | undefined = schema; s; s = s._zod.parent) if (s === primitive) return true;
  return false;
}

/** The editor-only keywords zod cannot know: the loader's instant pattern, and messages a reader understands. */
function annotate(ctx: { zodSchema: z.core.$ZodType; jsonSchema: JsonSchema }): void {
  if (derivedFrom(ctx.zodSchema, Instant)) ctx.jsonSchema[INSTANT_MARK] = true;
  else if (derivedFrom(ctx.zodSchema, Id)) {
    ctx.jsonSchema.patternErrorMessage = 'Use letters, digits, dots, dashes and underscores, e.g. strike-2023-03.';
  }
}

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every object inside a JSON value, depth first, with a function that replaces it in its parent. */
function* nodes(value: unknown, replace: (next: unknown) => void = () => {}): Generator<[JsonSchema, typeof replace]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* nodes(value[i], (next) => (value[i] = next));
  } else if (isObject(value)) {
    yield [value, replace];
    for (const key of Object.keys(value)) yield* nodes(value[key], (next) => (value[key] = next));
  }
}

/** The definition every instant refers to: the pattern, the message when it fails, and examples. */
function instantDefinition(): JsonSchema {
  const generic = z.toJSONSchema(Instant, { io: 'input' }) as JsonSchema;
  return {
    type: 'string',
    description: generic.description,
    pattern: INSTANT_PATTERN.source,
    patternErrorMessage:
      'Expected a day like 2023-03-13 or a UK local time like 2023-03-13T07:00 (a real calendar day, years 1000–9999).',
    examples: generic.examples,
  };
}

/** Each instant field becomes a reference to the one definition, keeping its own description. */
function referToInstant(schema: JsonSchema, definition: JsonSchema): void {
  for (const [node, replace] of [...nodes(schema)]) {
    if (node[INSTANT_MARK] !== true) continue;
    const own = node.description !== definition.description ? { description: node.description } : {};
    replace({ $ref: '#/$defs/instant', ...own, ...(node.default !== undefined ? { default: node.default } : {}) });
  }
}

/** `at` and the scenario's metadata on every event, moved to `$defs` where they are the same for many events. */
function shareEventFields(variants: JsonSchema[], defs: JsonSchema): void {
  for (const field of ['at', ...Object.keys(EventMeta)]) {
    const forms = new Map<string, number>();
    for (const v of variants) {
      const text = JSON.stringify((v.properties as JsonSchema)[field]);
      forms.set(text, (forms.get(text) ?? 0) + 1);
    }
    const [common, count] = [...forms].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    if (count < 2) continue;
    const name = `event${field[0]?.toUpperCase()}${field.slice(1)}`;
    defs[name] = JSON.parse(common);
    for (const v of variants) {
      const properties = v.properties as JsonSchema;
      if (JSON.stringify(properties[field]) === common) properties[field] = { $ref: `#/$defs/${name}` };
    }
  }
}

/**
 * One event of a scenario: a chain of `if type is X then X's schema`, and last the list of valid types. An editor
 * then checks an event against its own type alone, and reports a misspelt type with the valid ones.
 */
function eventItem(variants: JsonSchema[]): JsonSchema {
  const meaning = new Map(EVENT_SCHEMAS.map((s) => [s.shape.type.value as string, s.description ?? '']));
  const chain = variants.map((variant) => {
    const properties = variant.properties as JsonSchema;
    const type = (properties.type as JsonSchema).const as string;
    const { type: _object, properties: _properties, ...rest } = variant;
    return {
      if: { properties: { type: { const: type } }, required: ['type'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, in plain data, not a thenable.
      then: {
        title: type,
        type: 'object',
        properties: { ...properties, type: { const: type, description: meaning.get(type) } },
        ...rest,
      },
    };
  });
  return {
    type: 'object',
    description: 'One dated event: what happened (its type), when, its own fields, and the sources behind it.',
    required: ['type'],
    allOf: [
      ...chain,
      {
        properties: {
          type: {
            type: 'string',
            description: 'What happened, named subject first in the past tense; it decides the event’s other fields.',
            enum: EVENT_TYPES,
            enumDescriptions: EVENT_TYPES.map((t) => meaning.get(t)),
          },
        },
      },
    ],
  };
}

/** The JSON Schema of a strategy file for `simulate` (every field optional: the defaults fill the rest). */
export function strategyJsonSchema(): JsonSchema {
  const { $schema, ...body } = z.toJSONSchema(StrategyFileInput, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return {
    $schema,
    description:
      'A dispute-sim strategy file for `simulate --strategy`: the parties’ strategies, each field over the defaults. Generated from src/schemas/strategy.ts.',
    ...body,
  };
}

/** The JSON Schema of a scenario file. */
export function scenarioJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(ScenarioFile, {
    io: 'input',
    unrepresentable: 'any',
    override: annotate,
  }) as JsonSchema;
  const { $schema, ...body } = generated;
  const properties = body.properties as JsonSchema;
  const events = properties.events as JsonSchema;
  const variants = (events.items as JsonSchema).oneOf as JsonSchema[];
  const defs: JsonSchema = { instant: instantDefinition() };
  shareEventFields(variants, defs);
  events.items = eventItem(variants);
  const schema: JsonSchema = {
    $schema,
    $id: SCHEMA_ID,
    description:
      'A dispute-sim scenario: one dispute (historical), one branch of it (counterfactual) or a worked example, with its sources and dated events. Generated from src/schemas/ by `npm run schema`; do not edit by hand.',
    ...body,
    $defs: defs,
  };
  referToInstant(schema, defs.instant as JsonSchema);
  return schema;
}
