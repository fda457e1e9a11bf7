// Builds dist/: the library, the CLI and the inspector page's JavaScript (tsc, incremental), then the page's
// HTML and CSS beside that JavaScript, so an installed package serves its page from dist/web/page/, and the
// scenario cache (scripts/scenario-cache.mjs).
// Ends by writing dist/.build-stamp: a hash of what it compiles from, taken before it reads any of it, so a
// file changed during a build leaves dist/ stale, never "fresh".
//
//   node scripts/build.mjs              build (incrementally)
//   node scripts/build.mjs --clean      delete dist/ first (npm pack: nothing left over from old sources ships)
//   node scripts/build.mjs --if-stale   build only when dist/ is not fresh (the test suite's global setup)
//   node scripts/build.mjs --check      build nothing; exit 0 when dist/ is fresh, 1 when stale, saying why
//   --root DIR                          work on another tree (the tests' temporary ones); default: this repo
// Builds in one tree take turns (a lock in node_modules/.cache/dispute-sim/), so test runs started side by side
// never write dist/ at once.
//
// dist/ is fresh when its stamp matches the hash of the inputs as they are now (the path and bytes of every
// file under src/ and of each shipped scenario, package.json, both tsconfigs, the build scripts and the TypeScript
// and esbuild versions) and every output exists.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const SELF = fileURLToPath(import.meta.url);
const require = createRequire(import.meta.url);
const TSC = require.resolve('typescript/bin/tsc');
const TS_VERSION = require('typescript/package.json').version;
const ESBUILD_VERSION = require('esbuild/package.json').version;
/** The page's static files, copied as they are. */
const STATIC = /\.(html|css)$/;
const PAGE = join('web', 'page');
const STAMP = '.build-stamp';
const BUILD_INFO = '.tsbuildinfo';
/** The engine bundled for the page, in dist/web/page/. */
const ENGINE_BUNDLE = 'engine.js';
/** The whole page bundled in one module, for `inspect --export`. */
const PAGE_BUNDLE = 'app.bundle.js';

/** Every file under dir, as paths relative to base with forward slashes, sorted. */
function walk(dir, base = dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path, base));
    else if (entry.isFile()) out.push(relative(base, path).split(sep).join('/'));
  }
  return out.sort();
}

/** The hash of what the build reads. */
function inputHash(root) {
  const hash = createHash('sha256');
  hash.update(`typescript ${TS_VERSION}\0esbuild ${ESBUILD_VERSION}\0`);
  const add = (name, path) => {
    hash.update(`${name}\0`);
    hash.update(existsSync(path) ? readFileSync(path) : '(missing)');
    hash.update('\0');
  };
  for (const file of walk(join(root, 'src'))) add(`src/${file}`, join(root, 'src', file));
  // The shipped scenarios: the build caches them parsed (dist/scenario-cache.json).
  for (const file of walk(join(root, 'scenarios')))
    if (file.endsWith('.yaml')) add(`scenarios/${file}`, join(root, 'scenarios', file));
  // package.json's "type" decides what module format tsc writes.
  add('package.json', join(root, 'package.json'));
  add('tsconfig.json', join(root, 'tsconfig.json'));
  add('tsconfig.build.json', join(root, 'tsconfig.build.json'));
  add('scripts/build.mjs', SELF);
  add('scripts/scenario-cache.mjs', join(root, 'scripts', 'scenario-cache.mjs'));
  add('scripts/bundle-page.mjs', join(root, 'scripts', 'bundle-page.mjs'));
  add('scripts/chart-cache.mjs', join(root, 'scripts', 'chart-cache.mjs'));
  return hash.digest('hex');
}

/** The files the build must leave in dist/, relative to it. */
function expectedOutputs(root) {
  const out = [];
  for (const file of walk(join(root, 'src'))) {
    if (file.endsWith('.ts') && !file.endsWith('.d.ts')) out.push(file.replace(/\.ts$/, '.js'));
    else if (file.startsWith('web/page/') && STATIC.test(file)) out.push(file);
  }
  if (existsSync(engineEntry(root))) out.push(`${PAGE}/${ENGINE_BUNDLE}`.split(sep).join('/'));
  if (existsSync(join(root, 'scripts', 'scenario-cache.mjs'))) out.push('scenario-cache.json');
  return out;
}

/** Why dist/ cannot be used as it is, or undefined when it is fresh. */
function staleReason(root) {
  const dist = join(root, 'dist');
  const stampFile = join(dist, STAMP);
  if (!existsSync(stampFile)) return 'dist/ has no build stamp (never built, or a build did not finish)';
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return 'dist/.build-stamp is unreadable';
  }
  if (stamp?.inputs !== inputHash(root))
    return 'src/, package.json, a tsconfig or a build script changed since the last build';
  const missing = expectedOutputs(root).find((f) => !existsSync(join(dist, f)));
  if (missing) return `dist/${missing} is missing`;
  return undefined;
}

/** Compiles and copies; writes the stamp only when everything succeeded. */
function build(root, { clean }) {
  const dist = join(root, 'dist');
  const inputs = inputHash(root);
  if (clean) rmSync(dist, { recursive: true, force: true });
  rmSync(join(dist, STAMP), { force: true });
  // tsc --incremental trusts its build info and does not re-emit outputs deleted since: start afresh then.
  if (expectedOutputs(root).some((f) => f.endsWith('.js') && !existsSync(join(dist, f))))
    rmSync(join(dist, BUILD_INFO), { force: true });
  execFileSync(process.execPath, [TSC, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });

  const from = join(root, 'src', PAGE);
  const to = join(dist, PAGE);
  mkdirSync(to, { recursive: true });
  const wanted = new Set(readdirSync(from).filter((name) => STATIC.test(name)));
  for (const name of wanted) copyFileSync(join(from, name), join(to, name));
  // A page file removed from src/ must not go on being served from dist/.
  for (const name of readdirSync(to)) if (STATIC.test(name) && !wanted.has(name)) rmSync(join(to, name));

  // The engine for the page (src/simulation/browser.ts and all it imports), bundled: the page runs the machine itself.
  if (existsSync(engineEntry(root))) bundleEngine(root, join(to, ENGINE_BUNDLE));
  // The whole page in one module, for `inspect --export`: one self-contained file that needs no server.
  if (
    existsSync(pageEntry(root)) &&
    existsSync(engineEntry(root)) &&
    existsSync(join(root, 'scripts', 'bundle-page.mjs'))
  )
    bundlePage(root, join(to, PAGE_BUNDLE));

  // The shipped scenarios, parsed and checked, so a replay of one skips the YAML parser (src/loader/cache.ts). Each
  // entry is used only while its file's bytes are unchanged; an edited scenario makes dist/ stale, so the next
  // build (or test run) writes the cache again.
  const cache = join(root, 'scripts', 'scenario-cache.mjs');
  if (existsSync(cache)) execFileSync(process.execPath, [cache], { cwd: root, stdio: 'inherit' });
  // The statechart laid out once (src/web/chart-cache.ts): the inspector then starts without running elkjs.
  const chart = join(root, 'scripts', 'chart-cache.mjs');
  if (existsSync(chart) && existsSync(join(dist, 'web', 'chart-cache.js'))) {
    execFileSync(process.execPath, [chart], { cwd: root, stdio: 'inherit' });
  }

  writeFileSync(join(dist, STAMP), `${JSON.stringify({ inputs })}\n`);
}

/** The page's own module, which the export bundle starts from. */
function pageEntry(root) {
  return join(root, 'src', 'web', 'page', 'main.ts');
}

/** Bundles the page and the engine into one ES module (scripts/bundle-page.mjs: esbuild's plugins need its async API). */
function bundlePage(root, outfile) {
  execFileSync(
    process.execPath,
    [join(root, 'scripts', 'bundle-page.mjs'), pageEntry(root), engineEntry(root), outfile],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}

/** The module the page's engine bundle starts from. */
function engineEntry(root) {
  return join(root, 'src', 'simulation', 'browser.ts');
}

/** Bundles the engine for the browser with esbuild: one ES module, minified, its licences' notices at the end. */
function bundleEngine(root, outfile) {
  const esbuild = require('esbuild');
  esbuild.buildSync({
    entryPoints: [engineEntry(root)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'eof',
    logLevel: 'warning',
  });
}

/** Whether a process with this id is running (a lock's holder). */
function running(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Takes the tree's build lock (a file holding the builder's process id), waiting while another live build holds
 * it, so that two test runs in one tree never write dist/ at once. A lock whose holder has died, or that is older
 * than ten minutes, is taken over. Returns whether it had to wait, and the function that lets go.
 */
function lock(root) {
  const file = join(root, 'node_modules', '.cache', 'dispute-sim', 'build.lock');
  mkdirSync(dirname(file), { recursive: true });
  const nap = new Int32Array(new SharedArrayBuffer(4));
  let waited = false;
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return { waited, release: () => rmSync(file, { force: true }) };
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let holder = 0;
    let age = 0;
    try {
      holder = Number(readFileSync(file, 'utf8'));
      age = Date.now() - statSync(file).mtimeMs;
    } catch {
      continue; // let go of just now
    }
    // An empty lock is one being written: give its writer a moment.
    const dead = holder > 0 ? !running(holder) : age > 5_000;
    if (dead || age > 10 * 60_000) {
      rmSync(file, { force: true });
      continue;
    }
    if (!waited) console.log(`waiting for another build (process ${holder || '?'})`);
    waited = true;
    Atomics.wait(nap, 0, 0, 200);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === SELF) {
  const { values } = parseArgs({
    options: {
      root: { type: 'string', default: dirname(dirname(SELF)) },
      clean: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      'if-stale': { type: 'boolean', default: false },
    },
  });
  const root = resolve(values.root);
  const fresh = () => {
    const reason = staleReason(root);
    console.log(reason === undefined ? 'dist/ is fresh: build skipped' : `dist/ is stale: ${reason}`);
    return reason === undefined;
  };
  if (values.check) process.exit(fresh() ? 0 : 1);
  if (values['if-stale'] && fresh()) process.exit(0);
  const { waited, release } = lock(root);
  let code = 0;
  try {
    // The build waited for may have left dist/ fresh.
    if (!(values['if-stale'] && waited && fresh())) build(root, { clean: values.clean });
  } catch (error) {
    // tsc has printed its errors already.
    if (typeof error?.status !== 'number') throw error;
    code = error.status;
  } finally {
    release();
  }
  process.exit(code);
}
