/**
 * The package as a consumer gets it: `npm pack`, then `npm install <tarball>` into an empty project, then the
 * bin, the inspector and the library from there. One pack and one install, shared by every test (slow: seconds).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, start } from '../helpers/cli.js';

const ROOT = process.cwd();
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

let tmp = '';
let app = '';
let files: string[] = [];

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dispute-sim-pack-'));
  // dist/ is fresh (test/global-setup.ts); packing without scripts leaves it alone for the tests running beside
  // this one, where `prepack` would delete and rebuild it.
  const packed = run(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], ROOT);
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  if (!info) throw new Error(`npm pack printed no package: ${packed.stdout}`);
  files = info.files.map((f) => f.path);

  app = join(tmp, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
  const tarball = join(tmp, info.filename);
  const flags = ['--no-audit', '--no-fund', '--no-package-lock'];
  // The dependencies come from npm's cache, which this repo's own install filled; a cold cache needs the registry.
  let installed = run(NPM, ['install', '--offline', ...flags, tarball], app);
  if (installed.code !== 0) installed = run(NPM, ['install', '--prefer-offline', ...flags, tarball], app);
  expect(installed.code, installed.stderr).toBe(0);
}, 240_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('ships dist/ (library, CLI, the inspector page with its HTML and CSS), the bin, the scenarios and the licence', () => {
    for (const f of [
      'package.json',
      'README.md',
      'LICENSE',
      'bin/dispute-sim.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli/main.js',
      'dist/web/page/index.html',
      'dist/web/page/app.css',
      'dist/web/page/main.js',
      'dist/scenario-cache.json',
      'scenarios/historical/2023-pay-restoration.yaml',
      'scenarios/scenario.schema.json',
    ])
      expect(files).toContain(f);
  });

  it('ships no tests, CI, sources, scripts, pictures or build bookkeeping', () => {
    const unwanted = files.filter(
      (f) =>
        /^(test|\.ci|docs|src|scripts|node_modules|test-results)\//.test(f) ||
        /\.(png|svg|tsbuildinfo)$/.test(f) ||
        f.endsWith('.build-stamp') ||
        /^dist\/web\/page\/.*\.d\.ts$/.test(f),
    );
    expect(unwanted).toEqual([]);
  });

  it('passes publint with no message at all (errors, warnings or suggestions)', async () => {
    const { messages } = await publint({ pkgDir: join(app, 'node_modules', 'dispute-sim'), pack: false });
    expect(messages).toEqual([]);
  });
});

describe('the installed package', () => {
  it('`npx dispute-sim list` lists the three historical disputes and exits 0', () => {
    const r = run(NPX, ['--no', 'dispute-sim', 'list'], app);
    expect(r.code, r.stderr).toBe(0);
    for (const id of ['junior-doctors-2016', 'junior-doctors-2023', 'resident-doctors-2025'])
      expect(r.stdout).toMatch(new RegExp(`^${id} .* historical `, 'm'));
  });

  it('`dispute-sim --version` reads its own package.json', () => {
    const r = run(join(app, 'node_modules', '.bin', 'dispute-sim'), ['--version'], app);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it('`dispute-sim inspect 2023 --port 0` serves its page, styles and scripts from the package', async () => {
    const bin = join(app, 'node_modules', '.bin', 'dispute-sim');
    const server = await start(bin, ['inspect', '2023', '--port', '0'], app, /http:\/\/127\.0\.0\.1:\d+\//);
    try {
      const url = server.match[0];
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toMatch(/^<!doctype html>/i);
      for (const asset of ['app.css', 'js/main.js']) expect((await fetch(url + asset)).status, asset).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('imports as a library and replays a shipped scenario to its outcome', () => {
    const script =
      "const m = await import('dispute-sim');" +
      "const trace = m.Trace.parse(m.replay(new m.ScenarioCatalogue().resolve('2023')));" +
      'console.log(JSON.stringify({ machine: m.disputeMachine.id, outcome: trace.final.outcome }));';
    const r = run(process.execPath, ['--input-type=module', '-e', script], app);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ machine: expect.any(String), outcome: 'settled' });
  });
});
