/**
 * A scenario file's bytes and text, or the problem that stops us reading it: missing, a folder, too large,
 * binary, not UTF-8. Light: no parser here, so the catalogue can check the build's cache first.
 */
import { readFileSync, statSync } from 'node:fs';
import { ScenarioLoadError } from './errors.js';

/** The largest scenario file we read, in bytes. */
export const MAX_SCENARIO_BYTES = 8 * 1024 * 1024;

/** A problem with the file as a whole, at its first line. */
export const wholeFile = (file: string, code: string, message: string): ScenarioLoadError =>
  new ScenarioLoadError([{ file, line: 1, col: 1, field: '', code, message }]);

/** A scenario file's bytes, or the problem that stops us reading it. */
export function readBytes(file: string): Buffer {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw wholeFile(file, 'file.folder', 'is a folder, not a scenario file');
    if (!stat.isFile()) throw wholeFile(file, 'file.special', 'is not a regular file');
    size = stat.size;
  } catch (error) {
    if (error instanceof ScenarioLoadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw wholeFile(file, 'file.missing', 'no such file');
    throw wholeFile(
      file,
      'file.unreadable',
      code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? 'unknown error'})`,
    );
  }
  if (size > MAX_SCENARIO_BYTES) throw tooLarge(file, size);
  try {
    return readFileSync(file);
  } catch (error) {
    throw wholeFile(
      file,
      'file.unreadable',
      `cannot read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`,
    );
  }
}

function tooLarge(file: string, size: number): ScenarioLoadError {
  return wholeFile(
    file,
    'file.too-large',
    `is too large to be a scenario (${(size / 1024 / 1024).toFixed(1)} MB; the limit is 8 MB)`,
  );
}

/** Scenario text from bytes read elsewhere (a file, standard input): UTF-8, not binary, not too large. */
export function decodeScenario(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_SCENARIO_BYTES) throw tooLarge(file, bytes.length);
  if (bytes.includes(0)) throw wholeFile(file, 'file.binary', 'is a binary file, not YAML text');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw wholeFile(file, 'file.encoding', 'is not UTF-8 text');
  }
}
