/** Runs the CLI in-process with captured output, as a test would a user; and real spawns, for the few that need them. */
import { spawn, spawnSync } from 'node:child_process';
import type { Io } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';
import { PLAIN } from '../../src/render/palette.js';

/** What a CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `dispute-sim` with argv, without colours. */
export function cli(...argv: string[]): Promise<CliRun> {
  return cliWith({}, ...argv);
}

/** Runs `dispute-sim` with argv and the streams a test chooses (standard input, a colour palette). */
export async function cliWith(io: Partial<Io>, ...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: {},
    palette: PLAIN,
    ...io,
  });
  return { code, stdout, stderr };
}

/** What a spawned command printed and how it exited. */
export interface SpawnRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to the end, as a user would from a shell in `cwd`; output captured, no colours. */
export function run(command: string, args: string[], cwd: string, timeout = 120_000): SpawnRun {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1' } });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A long-running command, started and left running until `stop`. */
export interface Started {
  /** The first match of the pattern in its output. */
  match: RegExpMatchArray;
  /** Its exit code once it ends by itself (null if killed by a signal). */
  exit: Promise<number | null>;
  /** Ends the process and waits for it to go. */
  stop(): Promise<void>;
}

/** Starts a command and waits until its stdout matches `ready` (rejects if it exits or takes over `timeout` ms). */
export function start(command: string, args: string[], cwd: string, ready: RegExp, timeout = 20_000): Promise<Started> {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exit;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`${command} ${args.join(' ')}: ${why}\n${out}${err}`)));
    };
    const timer = setTimeout(() => fail(`no match for ${ready} within ${timeout} ms`), timeout);
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(ready);
      if (match && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({ match, exit, stop });
      }
    });
    child.once('exit', (code) => fail(`exited with ${code} before its output matched`));
  });
}
