/** The dispute-sim command line: argv in, exit code out. The only place that touches process exit. */
import { readFileSync } from 'node:fs';
import { formatProblem, ScenarioLoadError } from '../loader/problems.js';
import { ScenarioNotFoundError } from '../loader/registry.js';
import { COLOUR, PLAIN, wantsColour } from '../render/palette.js';
import { compareCommand } from './commands/compare.js';
import { listCommand } from './commands/list.js';
import { replayCommand } from './commands/replay.js';
import { schemaCommand } from './commands/schema.js';
import { startCommand } from './commands/start.js';
import { validateCommand } from './commands/validate.js';
import { type Command, InputError, type Io, UsageError } from './context.js';

/** Every command, in help order. */
export const COMMANDS: Command[] = [
  listCommand,
  replayCommand,
  validateCommand,
  compareCommand,
  schemaCommand,
  startCommand,
];

/** The package version. */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return (
    'dispute-sim: replay industrial disputes on a statechart and explore the branches history did not take.\n\n' +
    'Usage: dispute-sim <command> [options]\n\nCommands:\n' +
    COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n') +
    '\n\nRun `dispute-sim <command> --help` for a command’s options. Exit codes: 0 ok, 1 input problem, 2 usage.\n'
  );
}

/** Runs the CLI on argv with the given streams; resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${version()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`Usage: ${command.usage}\n\n${command.help}\n`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(
        `dispute-sim: ${error.message}\n${command ? `Usage: ${command.usage}` : 'Run dispute-sim --help for the commands.'}\n`,
      );
      return 2;
    }
    if (error instanceof ScenarioLoadError) {
      for (const p of error.problems) io.stderr(`${formatProblem(p)}\n`);
      return 1;
    }
    if (error instanceof ScenarioNotFoundError || error instanceof InputError) {
      io.stderr(`dispute-sim: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** The process's own Io. */
export function processIo(): Io {
  const colour = wantsColour(process.env, process.stdout.isTTY);
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    palette: colour ? COLOUR : PLAIN,
    ...(process.stdout.isTTY && process.stdout.columns ? { width: process.stdout.columns } : {}),
  };
}

/** Runs the CLI for this process and sets its exit code. */
export function run(argv: string[]): void {
  main(argv, processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `dispute-sim: internal error (a bug; please report it)\n${(error as Error)?.stack ?? String(error)}\n`,
      );
      process.exitCode = 70;
    },
  );
}
