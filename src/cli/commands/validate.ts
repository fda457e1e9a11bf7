/** `dispute-sim validate <file…|->`: check scenario files, reporting every problem at its place. */
import type { LoadedFile } from '../../loader/load.js';
import { decodeScenario } from '../../loader/load.js';
import { formatProblem, ScenarioLoadError, type ScenarioProblem } from '../../loader/problems.js';
import { ScenarioCatalogue } from '../../loader/registry.js';
import { parse } from '../args.js';
import { type Command, type Io, UsageError } from '../context.js';

/** The name standard input goes by in problems. */
const STDIN = '<stdin>';

/** What `validate --json` says of one file. */
interface FileReport {
  file: string;
  ok: boolean;
  scenario?: string;
  events?: number;
  problems: ScenarioProblem[];
}

/** Checks scenario files. */
export const validateCommand: Command = {
  name: 'validate',
  usage: 'dispute-sim validate <file…|-> [--json]',
  help:
    'Checks each scenario file against the scenario schema (and a counterfactual against the scenario it extends).\n' +
    'Prints every problem as `file:line:col  field  message  [code]` and exits 1 if there is any; never writes\n' +
    'to a file. `-` reads one scenario from standard input (a relative `extends` is then read from the\n' +
    'working directory).\n\n' +
    'Options:\n' +
    '  --json   print a JSON report on stdout instead: { ok, files: [ { file, ok, scenario?, events?,\n' +
    '           problems: [ { file, line, col, field, code, message } ] } ] }; the exit code is the same',
  async run(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('name at least one scenario file, or - for standard input');
    if (positionals.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be read once');
    const catalogue = new ScenarioCatalogue();
    const reports: FileReport[] = [];
    for (const ref of positionals) reports.push(await check(ref, catalogue, io));
    const failed = reports.filter((r) => !r.ok).length;
    if (values.json) {
      io.stdout(`${JSON.stringify({ ok: failed === 0, files: reports }, null, 2)}\n`);
      return failed > 0 ? 1 : 0;
    }
    for (const r of reports) {
      if (r.ok) {
        io.stdout(`${io.palette.green('ok')}  ${r.file}  ${io.palette.dim(`${r.scenario}, ${r.events} events`)}\n`);
      } else for (const p of r.problems) io.stderr(`${formatProblem(p)}\n`);
    }
    if (failed > 0) {
      io.stderr(`${failed} of ${reports.length} file${reports.length === 1 ? '' : 's'} failed\n`);
      return 1;
    }
    return 0;
  },
};

/** Checks one file (or standard input) and says what was found. */
async function check(ref: string, catalogue: ScenarioCatalogue, io: Io): Promise<FileReport> {
  let file = ref;
  try {
    let loaded: LoadedFile;
    if (ref === '-') {
      file = STDIN;
      if (!io.stdin) throw new UsageError('standard input cannot be read here');
      loaded = catalogue.text(decodeScenario(await io.stdin(), STDIN), STDIN);
    } else loaded = catalogue.file(ref);
    file = loaded.file;
    const scenario = loaded.data.extends
      ? ref === '-'
        ? catalogue.resolveText(loaded)
        : catalogue.resolve(ref)
      : loaded.data;
    return { file, ok: true, scenario: scenario.id, events: scenario.events.length, problems: [] };
  } catch (error) {
    if (!(error instanceof ScenarioLoadError)) throw error;
    return { file, ok: false, problems: error.problems };
  }
}
