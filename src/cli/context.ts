/** What a command gets from the CLI: its output streams, environment and typed errors. */
import type { Palette } from '../render/palette.js';

/** Where a command writes, and what it knows of its surroundings. Tests pass their own. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  /** Colours for stdout. */
  palette: Palette;
  /** The terminal's width, if stdout is a terminal. */
  width?: number;
  /** Reads standard input to its end (for `validate -`). */
  stdin?: () => Promise<Uint8Array>;
  /** Turns the palette's marked styles into real escapes, after every other control character was escaped. */
  unmark?: (text: string) => string;
}

/** A mistake in how the command was called: exit 2 with usage help. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A problem with the user's input (a file, a scenario id, a refused event): exit 1. */
export class InputError extends Error {
  override name = 'InputError';
}

/** One CLI command. */
export interface Command {
  name: string;
  usage: string;
  /** The long help, shown by `--help`. */
  help: string;
  run(args: string[], io: Io): Promise<number> | number;
}
