// Prints how well each shipped strategy (strategies/<id>.yaml) reproduces its dispute's record: for
// each, a seeded simulation from the declaration, set against history's outcome, months, days of action and
// accepted total rise, as a Markdown table (for the README). A dev script; build first (node scripts/build.mjs).
//
//   node scripts/calibrate.mjs                 2000 runs a dispute, seed 1
//   node scripts/calibrate.mjs --runs 500 --seed 7 [id ...]

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const dist = new URL('../dist/', import.meta.url);
if (!existsSync(new URL('simulation/simulate.js', dist))) {
  console.error('calibrate: dist/ is not built; run node scripts/build.mjs first');
  process.exit(1);
}
const check = fileURLToPath(new URL('build.mjs', import.meta.url));
if (spawnSync(process.execPath, [check, '--check'], { stdio: 'ignore' }).status !== 0) {
  console.error('calibrate: dist/ is older than src/ (node scripts/build.mjs); the table is of the old build');
}
const { simulate } = await import(new URL('simulation/simulate.js', dist).href);
const { loadStrategyFile } = await import(new URL('loader/strategy.js', dist).href);
const { ScenarioCatalogue } = await import(new URL('loader/registry.js', dist).href);

const { values, positionals } = parseArgs({
  options: { runs: { type: 'string', default: '2000' }, seed: { type: 'string', default: '1' } },
  allowPositionals: true,
});
const runs = Number(values.runs);
const seed = Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('calibrate: --runs is a whole number of at least 1, --seed a whole number');
  process.exit(2);
}

const dir = new URL('../strategies/', import.meta.url);
const ids = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -'.yaml'.length))
  .filter((id) => positionals.length === 0 || positionals.includes(id))
  .sort();

const pct = (x) => (x > 0 && x < 0.005 ? '<1%' : `${Math.round(x * 100)}%`);
const num = (x) => (x === null || x === undefined ? '–' : String(x));
/** A distribution as median [p5–p95], with history's figure and the share of runs at or below it. */
const spread = (d, history, atOrBelow) =>
  d.n === 0
    ? `– (history ${num(history)})`
    : `${d.median} [${d.p5}–${d.p95}]; history ${num(history)}${atOrBelow === null ? '' : ` (≤ ${atOrBelow.toFixed(2)})`}`;

const catalogue = new ScenarioCatalogue();
const rows = [];
for (const id of ids) {
  const strategy = loadStrategyFile(fileURLToPath(new URL(`${id}.yaml`, dir)));
  const s = simulate(catalogue.resolve(id), { runs, seed, strategy });
  const h = s.history;
  const shares = Object.entries(s.outcomes)
    .filter(([o, v]) => v.count > 0 || o === h.outcome)
    .sort(([, a], [, b]) => b.count - a.count)
    .map(([o, v]) => (o === h.outcome ? `**${o} ${pct(v.share)}**` : `${o} ${pct(v.share)}`))
    .join(', ');
  rows.push([
    id,
    `${h.outcome}, ${h.months} mo, ${h.strikeDays} d, ${h.upliftPct === null ? 'no rise' : `${h.upliftPct}%`}`,
    shares,
    spread(s.months, h.months, h.atOrBelow.months),
    spread(s.strikeDays, h.strikeDays, h.atOrBelow.strikeDays),
    spread(s.upliftPct, h.upliftPct, h.atOrBelow.upliftPct),
  ]);
}

console.log(
  `${runs} runs a dispute from its declaration, seed ${seed}; median [5th–95th percentile]; (≤ x): the share`,
);
console.log('of runs at or below history (settled runs only for the rise). History’s outcome is in bold.\n');
const head = ['dispute', 'history', 'simulated outcomes', 'months', 'days of action', 'total rise accepted (%)'];
console.log(`| ${head.join(' | ')} |`);
console.log(`| ${head.map(() => '---').join(' | ')} |`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
