/** `dispute-sim schema`: print the JSON Schema of scenario files, or write it where a user keeps scenarios. */
import { dirname, join } from 'node:path';
import { scenarioJsonSchema, strategyJsonSchema } from '../../schemas/json-schema.js';
import { modelineFor } from '../../schemas/modeline.js';
import { parse } from '../args.js';
import { type Command, UsageError } from '../context.js';
import { writeOutputFile } from '../output.js';

/** Prints or writes the scenario JSON Schema. */
export const schemaCommand: Command = {
  name: 'schema',
  usage: 'dispute-sim schema [--strategy] [--out FILE [--force]]',
  help:
    'Prints the JSON Schema generated from the scenario zod schema. The copy shipped as\n' +
    'scenarios/scenario.schema.json is what the `# yaml-language-server: $schema=…` line of each scenario points at.\n\n' +
    'Options:\n' +
    '  --strategy   the JSON Schema of strategy files for `simulate --strategy` instead\n' +
    '  --out FILE   write the schema to FILE (making its folder) and print its path and the first line that\n' +
    '               scenario files beside it need, e.g. --out my-scenarios/scenario.schema.json; an existing\n' +
    '               FILE is kept unless --force is given\n' +
    '  --force      replace FILE if it exists (a symbolic link is replaced, not followed)',
  run(args, io) {
    const { values } = parse(
      args,
      { out: { type: 'string' }, force: { type: 'boolean' }, strategy: { type: 'boolean' } },
      false,
    );
    const schema = values.strategy ? strategyJsonSchema() : scenarioJsonSchema();
    const text = `${JSON.stringify(schema, null, 2)}\n`;
    if (typeof values.out !== 'string') {
      if (values.force) throw new UsageError('--force only applies with --out FILE');
      io.stdout(text);
      return 0;
    }
    const file = writeOutputFile(values.out, text, { force: !!values.force });
    if (values.strategy) {
      io.stdout(`${file}\n`);
      return 0;
    }
    const beside = join(dirname(file), 'scenario.yaml');
    io.stdout(
      `${file}\nStart each scenario file in ${dirname(values.out)}/ with this line, so editors check it against the schema:\n` +
        `${modelineFor(beside, file)}\n`,
    );
    return 0;
  },
};
