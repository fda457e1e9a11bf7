import { spawn as spawnChild } from 'node:child_process';
import {
  closeSync,
  lstatSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/context.js';
import { escapeControls } from '../../src/render/escape.js';
import { COLOUR, markedPalette, wantsColour } from '../../src/render/palette.js';
import { cliWith } from '../helpers/cli.js';

// The spawned binary is built by test/global-setup.ts.
const BIN = 'bin/dispute-sim.js';
const PORTERS = 'scenarios/examples/porters.yaml';

/** Runs the CLI in-process with the streams a test chooses. */
const run = (argv: string[], io: Partial<Io> = {}) => cliWith(io, ...argv);

const tempDir = () => mkdtempSync(join(tmpdir(), 'dispute-sim-hard-'));

/** The worked example with its title replaced (a hostile title: escape sequences). */
function portersTitled(title: string): string {
  return readFileSync(PORTERS, 'utf8')
    .replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`)
    .replace(/^aliases: .*$/m, 'aliases: []');
}

/** Whether text holds a raw escape, bell, C1 CSI or bidi override. */
const raw = (text: string): boolean => [...text].some((c) => '\u001b\u0007\u009b\u202e'.includes(c));

const HOSTILE = 'Porters \u001b]0;pwned\u0007\u001b[2J\u009b31m\u202eevil';

describe('scenario text reaches the terminal escaped', () => {
  it('escapeControls shows C0, DEL, C1, line separators and bidi overrides as \\uXXXX, and leaves tabs and newlines', () => {
    expect(escapeControls('a\u001b[2Jb\u0007c\u007fd\u009be\u2028f\u202eg\th\n')).toBe(
      'a\\u001b[2Jb\\u0007c\\u007fd\\u009be\\u2028f\\u202eg\th\n',
    );
    expect(escapeControls('Streeting — 22%, “deal”')).toBe('Streeting — 22%, “deal”');
    // The escapes are JSON's own: an escaped JSON text parses to the same value.
    const json = JSON.stringify({ title: HOSTILE });
    expect(JSON.parse(escapeControls(json))).toEqual({ title: HOSTILE });
  });

  it('replay prints a title with escape sequences visibly, never raw', async () => {
    const file = join(tempDir(), 'hostile.yaml');
    writeFileSync(file, portersTitled(HOSTILE));
    const r = await run(['replay', file, '--compact']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Porters \\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u202eevil');
    expect(raw(r.stdout)).toBe(false);
  });

  it('validate echoes hostile text from a bad file escaped inside its message', async () => {
    const file = join(tempDir(), 'hostile-kind.yaml');
    writeFileSync(file, portersTitled('ok').replace('kind: example', 'kind: "\\e]0;pwned\\a"'));
    const r = await run(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('\\u001b]0;pwned\\u0007');
    expect(raw(r.stderr)).toBe(false);
  });

  it('on a colour terminal only the palette’s own styles become escapes; the title’s stay visible', async () => {
    const file = join(tempDir(), 'hostile.yaml');
    writeFileSync(file, portersTitled('Red \u001b[31mtitle'));
    const marked = markedPalette();
    const r = await run(['replay', file, '--compact'], { palette: marked.palette, unmark: marked.unmark });
    expect(r.stdout).toContain('\u001b[1m'); // the heading, bold
    expect(r.stdout).toContain('Red \\u001b[31mtitle');
    expect(r.stdout).not.toContain('Red \u001b[31m');
  });
});

describe('colour', () => {
  it('NO_COLOR only turns colour off when it is not empty (no-color.org)', () => {
    expect(wantsColour({ NO_COLOR: '' }, true)).toBe(true);
    expect(wantsColour({ NO_COLOR: '1' }, true)).toBe(false);
  });

  it('the colour palette colours whatever the environment says, since wantsColour has decided', () => {
    // Node's styleText would drop colours here (stdout is not a terminal under the test runner).
    expect(COLOUR.red('x')).toBe('\u001b[31mx\u001b[39m');
  });
});

describe('--out never loses a file', () => {
  it('refuses an existing file without --force, and replaces it with --force', async () => {
    const out = join(tempDir(), 'chart.dot');
    writeFileSync(out, 'precious');
    const refused = await run(['diagram', '--format', 'dot', '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/exists.*--force/);
    expect(readFileSync(out, 'utf8')).toBe('precious');
    const forced = await run(['diagram', '--format', 'dot', '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^digraph/);
  });

  it('does not write through a symbolic link: refused without --force, the link replaced (not its target) with it', async () => {
    const dir = tempDir();
    const target = join(dir, 'target.txt');
    const link = join(dir, 'link.dot');
    writeFileSync(target, 'precious');
    symlinkSync(target, link);
    expect((await run(['diagram', '--format', 'dot', '--out', link])).code).toBe(1);
    expect(readlinkSync(link)).toBe(target);
    expect((await run(['diagram', '--format', 'dot', '--out', link, '--force'])).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(lstatSync(link).isSymbolicLink()).toBe(false);
    expect(readFileSync(link, 'utf8')).toMatch(/^digraph/);
    // A dangling link is no way in either.
    const dangling = join(dir, 'dangling.dot');
    symlinkSync(join(dir, 'nowhere.txt'), dangling);
    expect((await run(['diagram', '--format', 'dot', '--out', dangling])).code).toBe(1);
    expect(() => lstatSync(join(dir, 'nowhere.txt'))).toThrow();
  });

  it('never writes to the scenario it read, even with --force', async () => {
    const file = join(tempDir(), 'mine.yaml');
    const text = readFileSync(PORTERS, 'utf8').replace(/^aliases: .*$/m, 'aliases: []');
    writeFileSync(file, text);
    const r = await run(['diagram', '--format', 'dot', '--scenario', file, '--out', file, '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('input');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('makes missing folders, and fails at once with a reason when a folder cannot be made', async () => {
    const nested = join(tempDir(), 'a', 'b', 'chart.dot');
    expect((await run(['diagram', '--format', 'dot', '--out', nested])).code).toBe(0);
    expect(readFileSync(nested, 'utf8')).toMatch(/^digraph/);
    const proc = await run(['diagram', '--format', 'dot', '--out', '/proc/nonexist/x.dot']);
    expect(proc.code).toBe(1);
    expect(proc.stderr).toMatch(/^dispute-sim: cannot write \/proc\/nonexist\/x.dot: cannot make the folder/);
    const file = join(tempDir(), 'plain');
    writeFileSync(file, '');
    const under = await run(['diagram', '--format', 'dot', '--out', join(file, 'x.dot')]);
    expect(under.code).toBe(1);
    expect(under.stderr).toContain('is not a folder');
  });
});

describe('validate for editors and CI', () => {
  it('validate - reads one scenario from standard input', async () => {
    const text = readFileSync(PORTERS, 'utf8');
    const ok = await run(['validate', '-'], { stdin: async () => Buffer.from(text) });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^ok {2}<stdin> {2}example-porters/);
    const bad = await run(['validate', '-'], {
      stdin: async () => Buffer.from(text.replace('kind: example', 'kind: x')),
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^<stdin>:7:7 {2}kind {2}.* \[field.choice\]\n/);
  });

  it('validate --json lists every problem with file, line, col, field, code and message', async () => {
    const r = await run(['validate', '--json', PORTERS, 'test/fixtures/invalid/votes-over-cast.yaml']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      ok: boolean;
      files: { file: string; ok: boolean; problems: Record<string, unknown>[] }[];
    };
    expect(report.ok).toBe(false);
    expect(report.files.map((f) => f.ok)).toEqual([true, false]);
    expect(report.files[1]?.problems[0]).toEqual({
      file: 'test/fixtures/invalid/votes-over-cast.yaml',
      line: 19,
      col: 10,
      field: 'events[1].yes',
      code: 'ballot.votes-over-cast',
      message: expect.any(String),
    });
    expect(r.stderr).toBe('');
  });
});

describe('dates that are not dates', () => {
  it.each([
    ['0048-02-29', 'a year before 1000'],
    ['2023-03-13T07:00+99:99', 'an offset out of range'],
    ['2023-03-13T07:00+14:01', 'an offset past +14:00'],
  ])('--until %s (%s) is a usage error', async (until) => {
    const r = await run(['replay', 'example', '--until', until]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--until ${until}`);
  });
});

/** Runs the built binary with its stdout going where the test says, and gathers the rest. */
function spawnBin(args: string[], stdout: 'pipe-then-close' | number) {
  return new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawnChild(process.execPath, [BIN, ...args], {
      stdio: ['ignore', stdout === 'pipe-then-close' ? 'pipe' : stdout, 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr += d;
    });
    // Like `| head -1`: read the first chunk, then close the pipe while the command is still writing.
    child.stdout?.once('data', () => child.stdout?.destroy());
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('closed pipes and full disks (real spawns)', () => {
  it.each([[['replay', '2016', '--json']], [['schema']], [['start']]])(
    '`dispute-sim %s | head -1` ends quietly',
    async (args) => {
      const r = await spawnBin(args, 'pipe-then-close');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    },
  );

  it('writing to a full disk is one readable line and exit 1', async () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = await spawnBin(['replay', '2016', '--json'], fd);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('dispute-sim: cannot write the output: no space left on the device (ENOSPC)\n');
    } finally {
      closeSync(fd);
    }
  });
});
