/**
 * Writing a command's `--out` file: never over an existing file without `--force`, never through a symlink,
 * never onto one of the command's own inputs, and a readable message instead of a hang or a stack trace when
 * the folder cannot be made or the disk is full.
 */
import { closeSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from './context.js';

/** How to write an output file. */
export interface OutputOptions {
  /** Replace an existing file (the link itself, if it is a symlink; never the file it points to). */
  force?: boolean;
  /** The files this command read; the output may never be one of them, even with `--force`. */
  inputs?: readonly string[];
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'it is a folder',
  EEXIST: 'it already exists',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EIO: 'an input/output error',
  EFBIG: 'the file is too large',
};

/** A system error as a reader reads it: `no space left on the device (ENOSPC)`. */
export function systemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (!code) return (error as Error | undefined)?.message ?? String(error);
  return `${REASONS[code] ?? 'a system error'} (${code})`;
}

/** The same file, whatever the path: the same device and inode once both exist, else the same resolved path. */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** Makes a folder and its missing parents one level at a time, so a path that cannot exist fails at once. */
function makeFolder(dir: string, shown: string): void {
  const missing: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    try {
      if (!statSync(d).isDirectory()) throw new InputError(`cannot write ${shown}: ${d} is not a folder`);
      break;
    } catch (error) {
      if (error instanceof InputError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new InputError(`cannot write ${shown}: cannot reach the folder ${d}: ${systemReason(error)}`);
      }
      missing.unshift(d);
      if (dirname(d) === d) break;
    }
  }
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new InputError(`cannot write ${shown}: cannot make the folder ${d}: ${systemReason(error)}`);
    }
  }
}

function writeAll(fd: number, text: string | Uint8Array): void {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** Writes a new file exclusively (it must not exist, not even as a dangling link). */
function writeNew(file: string, text: string | Uint8Array): void {
  const fd = openSync(file, 'wx', 0o644);
  try {
    writeAll(fd, text);
  } catch (error) {
    closeSync(fd);
    rmSync(file, { force: true });
    throw error;
  }
  closeSync(fd);
}

/**
 * Checks that `path` may be written as `writeOutputFile` would, without writing it: not an input, not an existing
 * file unless `force`, never a folder. Returns whether it exists. A command writing several files checks them all
 * first, so that a refusal leaves none half written.
 */
export function checkOutputFile(path: string, options: OutputOptions = {}): boolean {
  const file = resolve(path);
  for (const input of options.inputs ?? []) {
    if (sameFile(file, input)) throw new InputError(`will not write ${path}: it is an input of this command`);
  }
  try {
    const stat = lstatSync(file);
    if (stat.isDirectory()) throw new InputError(`cannot write ${path}: it is a folder`);
    if (!options.force) {
      const what = stat.isSymbolicLink() ? 'a symbolic link of that name' : 'the file';
      throw new InputError(`${path} exists (${what}); add --force to replace it`);
    }
    if (!stat.isFile() && !stat.isSymbolicLink()) throw new InputError(`cannot write ${path}: not a regular file`);
    return true;
  } catch (error) {
    if (error instanceof InputError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new InputError(`cannot write ${path}: ${systemReason(error)}`);
    }
    return false;
  }
}

/**
 * Writes `text` to the file a user named with `--out`, and returns its absolute path. Throws an `InputError`
 * (exit 1) with a readable reason for anything that stops it; the file is either written whole or left as it was.
 */
export function writeOutputFile(path: string, text: string | Uint8Array, options: OutputOptions = {}): string {
  const file = resolve(path);
  const exists = checkOutputFile(path, options);
  makeFolder(dirname(file), path);
  try {
    if (!exists) writeNew(file, text);
    else {
      // Replace by renaming a finished copy over the name: a symlink is replaced, not followed, and a full
      // disk leaves the old file whole.
      const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
      writeNew(temp, text);
      try {
        renameSync(temp, file);
      } catch (error) {
        rmSync(temp, { force: true });
        throw error;
      }
    }
  } catch (error) {
    throw new InputError(`cannot write ${path}: ${systemReason(error)}`);
  }
  return file;
}
