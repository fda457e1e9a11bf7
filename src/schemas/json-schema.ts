/** The JSON Schema of scenario files, generated from the zod schema, for editor completion and checking. */
import { z } from 'zod';
import { ScenarioFile } from './scenario.js';

/** The JSON Schema of a scenario file. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioFile, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://dispute-sim.local/scenario.schema.json',
    title: 'dispute-sim scenario',
    description:
      'One dispute (historical), one branch of it (counterfactual) or a worked example: its sources and its dated events. Generated from src/schemas/scenario.ts by `npm run schema`; do not edit by hand.',
  };
}
