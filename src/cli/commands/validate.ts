/** `dispute-sim validate <file…>`: check scenario files, reporting every problem at its place. */
import { formatProblem, ScenarioLoadError } from '../../loader/problems.js';
import { ScenarioCatalogue } from '../../loader/registry.js';
import { parse } from '../args.js';
import { type Command, UsageError } from '../context.js';

/** Checks scenario files. */
export const validateCommand: Command = {
  name: 'validate',
  usage: 'dispute-sim validate <file…>',
  help:
    'Checks each scenario file against the scenario schema (and a counterfactual against the scenario it extends).\n' +
    'Prints every problem as `file:line:col  field  message` and exits 1 if there is any; never writes to a file.',
  run(args, io) {
    const { positionals } = parse(args, {});
    if (positionals.length === 0) throw new UsageError('name at least one scenario file');
    const catalogue = new ScenarioCatalogue();
    let failed = 0;
    for (const file of positionals) {
      try {
        const loaded = catalogue.file(file);
        const scenario = loaded.data.extends ? catalogue.resolve(file) : loaded.data;
        io.stdout(
          `${io.palette.green('ok')}  ${loaded.file}  ${io.palette.dim(`${scenario.id}, ${scenario.events.length} events`)}\n`,
        );
      } catch (error) {
        if (!(error instanceof ScenarioLoadError)) throw error;
        failed++;
        for (const p of error.problems) io.stderr(`${formatProblem(p)}\n`);
      }
    }
    if (failed > 0) {
      io.stderr(`${failed} of ${positionals.length} file${positionals.length === 1 ? '' : 's'} failed\n`);
      return 1;
    }
    return 0;
  },
};
