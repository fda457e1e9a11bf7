/**
 * scripts/build.mjs on a small temporary tree: when dist/ counts as fresh (and the test suite skips the build),
 * and that a rebuild puts back whatever was missing. A stale dist/ must never pass for a fresh one.
 */

import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, start } from '../helpers/cli.js';

const SCRIPT = join(process.cwd(), 'scripts', 'build.mjs');
let root = '';

/** `--check` on the tree: the reason it is stale, or 'fresh'. */
function check(): string {
  const r = run(process.execPath, [SCRIPT, '--check', '--root', root], root);
  if (r.code === 0) return 'fresh';
  expect(r.code, r.stderr).toBe(1);
  return r.stdout.trim();
}

/** A full build of the tree; its exit code. */
function build(...flags: string[]): number | null {
  return run(process.execPath, [SCRIPT, '--root', root, ...flags], root).code;
}

function write(path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dispute-sim-build-'));
  // The repo's own build config; a source tree small enough to compile in a moment, without @types/node.
  cpSync('tsconfig.json', join(root, 'tsconfig.json'));
  cpSync('tsconfig.build.json', join(root, 'tsconfig.build.json'));
  write('package.json', '{ "type": "module" }\n');
  write('src/index.ts', 'export const answer: number = 42;\n');
  write('src/web/page/main.ts', 'export const page = "main";\n');
  write('src/web/page/index.html', '<!doctype html>\n');
  write('src/web/page/app.css', 'body {}\n');
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('scripts/build.mjs: is dist/ fresh?', () => {
  it('never built: stale; built: fresh, with the page’s HTML and CSS beside its JavaScript', () => {
    expect(check()).toMatch(/no build stamp/);
    expect(build()).toBe(0);
    for (const f of ['index.js', 'index.d.ts', 'web/page/main.js', 'web/page/index.html', 'web/page/app.css'])
      expect(existsSync(join(root, 'dist', f)), f).toBe(true);
    expect(check()).toBe('fresh');
  });

  it('an output deleted: stale, and the (incremental) rebuild writes it again', () => {
    rmSync(join(root, 'dist/index.js'));
    rmSync(join(root, 'dist/web/page/index.html'));
    expect(check()).toMatch(/dist\/.* is missing/);
    expect(build()).toBe(0);
    expect(existsSync(join(root, 'dist/index.js'))).toBe(true);
    expect(existsSync(join(root, 'dist/web/page/index.html'))).toBe(true);
    expect(check()).toBe('fresh');
  });

  it('a source edited, even with its old modification time put back: stale; touched but not changed: fresh', () => {
    const file = join(root, 'src/index.ts');
    const { atime, mtime } = statSync(file);
    const before = readFileSync(file);
    writeFileSync(file, 'export const answer: number = 43;\n');
    utimesSync(file, atime, mtime);
    expect(check()).toMatch(/changed since the last build/);
    writeFileSync(file, before);
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later);
    expect(check()).toBe('fresh');
  });

  it('a source added, the build config changed, or a page file removed: stale', () => {
    write('src/extra.ts', 'export const extra = 1;\n');
    expect(check()).toMatch(/changed/);
    rmSync(join(root, 'src/extra.ts'));
    expect(check()).toBe('fresh');

    write('package.json', '{ "type": "commonjs" }\n');
    expect(check()).toMatch(/changed/);
    write('package.json', '{ "type": "module" }\n');
    cpSync(join(root, 'tsconfig.build.json'), join(root, 'tsconfig.orig.json'));
    write('tsconfig.build.json', '{ "extends": "./tsconfig.orig.json", "compilerOptions": { "sourceMap": true } }\n');
    expect(check()).toMatch(/changed/);
    cpSync(join(root, 'tsconfig.orig.json'), join(root, 'tsconfig.build.json'));
    rmSync(join(root, 'tsconfig.orig.json'));
    expect(check()).toBe('fresh');

    rmSync(join(root, 'src/web/page/app.css'));
    expect(check()).toMatch(/changed/);
    expect(build()).toBe(0);
    expect(existsSync(join(root, 'dist/web/page/app.css')), 'a removed page file is no longer served').toBe(false);
    expect(check()).toBe('fresh');
  });

  it('a build that fails (a type error) leaves dist/ stale; --clean starts from an empty dist/', () => {
    write('src/index.ts', 'export const answer: number = "forty-two";\n');
    expect(build()).not.toBe(0);
    expect(check()).toMatch(/no build stamp/);
    write('src/index.ts', 'export const answer: number = 42;\n');
    write('dist/left-over.js', '');
    expect(build('--clean')).toBe(0);
    expect(existsSync(join(root, 'dist/left-over.js'))).toBe(false);
    expect(check()).toBe('fresh');
  });

  it('builds take turns: one waits while a live build holds the lock; a lock left by a dead build is taken over', async () => {
    const file = join(root, 'node_modules/.cache/dispute-sim/build.lock');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, String(spawnSync(process.execPath, ['-e', '']).pid));
    expect(build()).toBe(0);
    expect(existsSync(file), 'the build lets go of its lock').toBe(false);

    writeFileSync(file, String(process.pid));
    const second = await start(process.execPath, [SCRIPT, '--root', root], root, /waiting for another build/);
    try {
      rmSync(file);
      expect(await second.exit).toBe(0);
      expect(check()).toBe('fresh');
    } finally {
      await second.stop();
    }
  });
});
