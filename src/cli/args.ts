/** Strict argument parsing with readable errors, on node's own parseArgs. */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { instantProblem } from '../domain/time.js';
import { UsageError } from './context.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parsed arguments: option values by name, and the rest. */
export interface Parsed {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** Parses a command's arguments; unknown options and missing values are usage errors. */
export function parse(args: string[], options: Options, allowPositionals = true): Parsed {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals,
      strict: true,
    });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(message);
  }
}

/** A date given on the command line, checked. */
export function dateOption(name: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const problem = instantProblem(value);
  if (problem) throw new UsageError(`--${name} ${value}: ${problem}`);
  return value;
}

/** A whole number given on the command line, checked against a range. */
export function intOption(name: string, value: unknown, min: number, max: number): number | undefined {
  if (typeof value !== 'string') return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}
