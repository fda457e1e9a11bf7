/** `dispute-sim schema`: print the JSON Schema of scenario files. */
import { scenarioJsonSchema } from '../../schemas/json-schema.js';
import { parse } from '../args.js';
import type { Command } from '../context.js';

/** Prints the scenario JSON Schema. */
export const schemaCommand: Command = {
  name: 'schema',
  usage: 'dispute-sim schema',
  help:
    'Prints the JSON Schema generated from the scenario zod schema. The copy shipped as\n' +
    'scenarios/scenario.schema.json is what the `# yaml-language-server: $schema=…` line of each scenario points at.',
  run(args, io) {
    parse(args, {}, false);
    io.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    return 0;
  },
};
