/** The dispute-sim command line: argv in, exit code out. The only place that touches process exit. */
import { readFileSync } from 'node:fs';
import { formatProblem, ScenarioLoadError, ScenarioNotFoundError } from '../loader/errors.js';
import { escapeControls } from '../render/escape.js';
import { markedPalette, PLAIN, wantsColour } from '../render/palette.js';
import { type Command, InputError, type Io, UsageError } from './context.js';
import { systemReason } from './output.js';

/** A command as the overview lists it; its module is loaded only when it runs, so start-up stays quick. */
interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

/** Every command, in help order. */
export const COMMANDS: CommandEntry[] = [
  {
    name: 'list',
    summary: 'list the scenarios: id, aliases, kind, period, title',
    load: async () => (await import('./commands/list.js')).listCommand,
  },
  {
    name: 'replay',
    summary: 'replay scenarios as a timeline, or as the Trace JSON',
    load: async () => (await import('./commands/replay.js')).replayCommand,
  },
  {
    name: 'validate',
    summary: 'check scenario files; every problem as file:line:col field message',
    load: async () => (await import('./commands/validate.js')).validateCommand,
  },
  {
    name: 'compare',
    summary: 'disputes side by side: duration, ballots, days of action, offers against the claim, outcome',
    load: async () => (await import('./commands/compare.js')).compareCommand,
  },
  {
    name: 'branch',
    summary: 'write a counterfactual that diverges at an event, with the events the machine would accept there',
    load: async () => (await import('./commands/branch.js')).branchCommand,
  },
  {
    name: 'explore',
    summary: 'at a step of a replay: what the machine accepts, how near each outcome is, the decision points',
    load: async () => (await import('./commands/explore.js')).exploreCommand,
  },
  {
    name: 'inspect',
    summary: 'the local web inspector: scrub a replay over its statechart',
    load: async () => (await import('./commands/inspect.js')).inspectCommand,
  },
  {
    name: 'diagram',
    summary: 'draw the statechart as SVG, Mermaid or Graphviz DOT, optionally with a replay’s path',
    load: async () => (await import('./commands/diagram.js')).diagramCommand,
  },
  {
    name: 'simulate',
    summary: 'a Monte Carlo from a step: outcome shares with intervals, months, days of action, the rise accepted',
    load: async () => (await import('./commands/simulate.js')).simulateCommand,
  },
  {
    name: 'report',
    summary: 'a teaching pack: teacher’s pack, student handout or comparison pack, as HTML, Markdown or PDF',
    load: async () => (await import('./commands/report.js')).reportCommand,
  },
  {
    name: 'schema',
    summary: 'print the JSON Schema of scenario files (for editors)',
    load: async () => (await import('./commands/schema.js')).schemaCommand,
  },
  {
    name: 'start',
    summary: 'the main job: replay every historical dispute, compact, and compare them',
    load: async () => (await import('./commands/start.js')).startCommand,
  },
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

/**
 * The streams as commands use them: scenario text can hold escape sequences (to retitle the window, clear the
 * screen), so every control character is shown escaped on its way out, and only the palette's own styles pass.
 */
function safeIo(io: Io): Io {
  const unmark = io.unmark ?? ((text: string) => text);
  return {
    ...io,
    stdout: (text) => io.stdout(unmark(escapeControls(text))),
    stderr: (text) => io.stderr(escapeControls(text)),
  };
}

/** Runs the CLI on argv with the given streams; resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  return dispatch(argv, safeIo(io));
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${version()}\n`);
    return 0;
  }
  // `npm start -- replay 2023` arrives as `start replay 2023`: run the command it names.
  if (name === 'start' && rest[0] !== undefined && !rest[0].startsWith('-')) return dispatch(rest, io);
  const entry = COMMANDS.find((c) => c.name === name);
  let command: Command | undefined;
  try {
    if (!entry) throw new UsageError(`unknown command "${name}"`);
    command = await entry.load();
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
  const marked = wantsColour(process.env, process.stdout.isTTY) ? markedPalette() : undefined;
  return {
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
    env: process.env,
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    palette: marked?.palette ?? PLAIN,
    ...(marked ? { unmark: marked.unmark } : {}),
    ...(process.stdout.isTTY && process.stdout.columns ? { width: process.stdout.columns } : {}),
  };
}

/**
 * What a failed write to the terminal or a pipe means. A reader that stops reading (`| head -1`) closes the pipe:
 * the command has nothing more to do and ends quietly. Any other failure (a full disk) is one line and exit 1.
 */
function watchStreams(): void {
  const quiet = new Set(['EPIPE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);
  let failed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (quiet.has(error.code ?? '')) process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    if (failed) return;
    failed = true;
    try {
      process.stderr.write(`dispute-sim: cannot write the output: ${systemReason(error)}\n`);
    } finally {
      process.exit(1);
    }
  });
  process.stderr.on('error', () => {
    // Nowhere is left to say anything; end as the command would have.
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 1);
  });
}

/** Runs the CLI for this process and sets its exit code. */
export function run(argv: string[]): void {
  watchStreams();
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
