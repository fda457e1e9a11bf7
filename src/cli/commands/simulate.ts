/** `dispute-sim simulate`: a Monte Carlo of a dispute from a step of its replay, through the same statechart. */

import { availableParallelism } from 'node:os';
import { stringify } from 'yaml';
import { Catalogue } from '../../loader/catalogue.js';
import { loadStrategyFile, shippedStrategy } from '../../loader/strategy.js';
import { formatNumber, humanDate } from '../../render/describe.js';
import type { Palette } from '../../render/palette.js';
import { simulationHtml, simulationSvg } from '../../render/simulation.js';
import {
  type Distribution,
  runAsScenario,
  type SimulateOptions,
  type Simulation,
  simulate,
  simulationStart,
} from '../../simulation/simulate.js';
import { simulateParallel } from '../../simulation/simulate-parallel.js';
import { parseSweep, runSweep, type Sweep, SweepError, type SweepSpec } from '../../simulation/sweep.js';
import { intOption, parse } from '../args.js';
import { type Command, UsageError } from '../context.js';
import { writeOutputFile } from '../output.js';

const pct = (x: number) => `${formatNumber(Math.round(x * 1000) / 10)}%`;

/** A distribution as a line of figures and a histogram of its bins. */
function distributionLines(name: string, unit: string, d: Distribution, history: number | null, p: Palette): string[] {
  if (d.n === 0) return [`${p.bold(name)}: no run`];
  const most = Math.max(1, ...d.bins.map((b) => b.count));
  const lines = [
    `${p.bold(name)} (${d.n} runs): median ${d.median}${unit}, middle half ${d.p25}–${d.p75}${unit}, 90% within ${d.p5}–${d.p95}${unit}, mean ${d.mean}${unit}${history === null ? '' : `; history ${history}${unit}`}`,
  ];
  for (const b of d.bins) {
    const bar = '█'.repeat(Math.round((b.count / most) * 40));
    const here =
      history !== null && history >= b.from && (history < b.to || b === d.bins.at(-1)) ? p.yellow(' ← history') : '';
    lines.push(`  ${`${b.from}–${b.to}`.padStart(13)} ${bar}${b.count ? ` ${b.count}` : ''}${here}`);
  }
  return lines;
}

/** The simulation as a terminal report. */
function renderSimulation(s: Simulation, p: Palette): string {
  const h = s.history;
  const lines = [
    `${p.bold(s.scenario.title)}  ${p.dim(`[${s.scenario.id}]`)}`,
    `${formatNumber(s.runs)} runs from ${humanDate(s.start.date)}${s.start.before ? ` (before ${s.start.before})` : ''}, seed ${s.seed}, horizon ${s.strategy.horizonMonths} months`,
    '',
    p.bold('Outcomes (95% intervals)'),
    ...Object.entries(s.outcomes).map(
      ([o, x]) =>
        `  ${o.padEnd(10)} ${pct(x.share).padStart(6)}  (${pct(x.low)}–${pct(x.high)})  ${'█'.repeat(Math.round(x.share * 40))}${o === h.outcome ? p.yellow('  ← history') : ''}`,
    ),
    '',
    ...distributionLines('Months from the start', ' mo', s.months, h.months, p),
    '',
    ...distributionLines('Days of action', '', s.strikeDays, h.strikeDays, p),
    '',
    ...distributionLines('Total rise accepted, settled runs', '%', s.upliftPct, h.upliftPct, p),
    '',
    p.dim(
      `History: ${h.outcome} after ${h.months} months, ${h.strikeDays} days of action${h.upliftPct === null ? '' : `, ${h.upliftPct}% accepted`}; ` +
        `runs at or below it: months ${pct(h.atOrBelow.months)}, days ${pct(h.atOrBelow.strikeDays)}${h.atOrBelow.upliftPct === null ? '' : `, rise ${pct(h.atOrBelow.upliftPct)}`}.`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** A bar on standard error that redraws at most every 1% of the runs; -1 clears it. */
function progressBar(total: number, write: (text: string) => void): (done: number) => void {
  let shown = -1;
  return (done) => {
    if (done < 0) {
      write('\r\u001b[K');
      return;
    }
    const pctDone = Math.floor((done / total) * 100);
    if (pctDone === shown) return;
    shown = pctDone;
    write(`\r${'█'.repeat(Math.floor(pctDone / 2.5)).padEnd(40, '·')} ${pctDone}% of ${formatNumber(total)} runs`);
  };
}

/** The sweeps as tables, and the tornado as bars from the base share. */
function renderSweep(sweep: Sweep, p: Palette): string {
  const lines = ['', p.bold(`Sweeps (settled share; base ${pct(sweep.base)})`)];
  for (const w of sweep.sweeps) {
    lines.push(`  ${w.spec.path}`);
    for (const pt of w.points) {
      const settled = pt.outcomes.settled?.share ?? 0;
      lines.push(
        `    ${String(pt.value).padStart(10)}  ${pct(settled).padStart(6)}  ${'█'.repeat(Math.round(settled * 40))}  median ${pt.medianMonths} mo, ${pt.medianDays} days`,
      );
    }
  }
  lines.push('', p.bold('Tornado: the settled share at each end of a parameter, widest first'));
  for (const b of sweep.tornado) {
    lines.push(`  ${b.path.padEnd(32)} ${b.lo} → ${pct(b.atLo)}   ${b.hi} → ${pct(b.atHi)}   swing ${pct(b.swing)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Plays a dispute forward many times. */
export const simulateCommand: Command = {
  name: 'simulate',
  usage:
    'dispute-sim simulate <id|alias|file> [--from EVENT|DATE] [--runs N] [--seed S] [--workers K] [--engine fast|actor] [--strategy FILE] [--sweep P=LO..HI[:N]…] [--json] [--out FILE.html|svg] [--run I [--out FILE]] [--force]',
  help:
    'Plays the dispute forward from a step of its replay many times, through the same statechart and the same law:\n' +
    'each run draws the parties’ moves from the strategies (members’ resistance after Ashenfelter & Johnson, the\n' +
    'employer’s time-dependent concessions, yearly pay review awards, strikes with the notice the law needs,\n' +
    're-ballots with a falling turnout) until an outcome or the horizon. A move the machine refuses is not played.\n' +
    'Prints the outcome shares with 95% intervals, and the spread of months, days of action and the rise accepted,\n' +
    'with where history falls in each. The same seed gives the same runs.\n\n' +
    'Options:\n' +
    '  --from X        start just before event X, or at the end of day X (YYYY-MM-DD); default: after the\n' +
    '                  dispute is declared\n' +
    '  --runs N        how many runs (default 1000; at most 1,000,000)\n' +
    '  --seed S        the seed (a whole number; default 1)\n' +
    '  --workers K     play the runs in K threads (default: one per core for 50,000 runs or more); the answer is\n' +
    '                  the same for any K\n' +
    '  --engine E      fast (default): the runs play at a reducer proved equal to the statechart by\n' +
    '                  differential tests, tens of times quicker (npm run bench measures it); actor: at the\n' +
    '                  XState actor itself, the reference; the answer is the same, byte for byte\n' +
    '  --strategy F    a strategy file (YAML) changing the defaults; see the README\n' +
    '  --json          the results as JSON\n' +
    '  --run I         write run I as a counterfactual scenario file, which `dispute-sim replay` plays to the same\n' +
    '                  outcome (to --out FILE, or standard output)\n' +
    '  --sweep P=LO..HI[:N]  run again over N values (default 5) of a strategy parameter, e.g.\n' +
    '                  members.tauPerMonth=0.02..0.075; several --sweep draw a tornado of what moves the\n' +
    '                  settled share most (each point with the same seed)\n' +
    '  --out FILE      the report as FILE.html (with its tables) or FILE.svg, or where --run writes its scenario;\n' +
    '                  an existing FILE is kept unless --force',
  async run(args, io) {
    const { values, positionals } = parse(args, {
      from: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      workers: { type: 'string' },
      engine: { type: 'string' },
      sweep: { type: 'string', multiple: true },
      strategy: { type: 'string' },
      json: { type: 'boolean' },
      run: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('name one scenario, e.g. dispute-sim simulate 2023 --runs 1000');
    const runs = intOption('runs', values.runs, 1, 1_000_000) ?? 1000;
    const seed = intOption('seed', values.seed, 0, 2 ** 31 - 1) ?? 1;
    const runIndex = intOption('run', values.run, 0, 1_000_000);
    const workers = intOption('workers', values.workers, 1, 64) ?? (runs >= 50_000 ? availableParallelism() : 1);
    const engine = values.engine === undefined ? 'fast' : String(values.engine);
    if (engine !== 'fast' && engine !== 'actor') {
      throw new UsageError(`--engine takes fast or actor, not ${JSON.stringify(engine)}`);
    }
    const out = typeof values.out === 'string' ? values.out : undefined;
    if (out !== undefined && runIndex === undefined && !/\.(html?|svg)$/i.test(out)) {
      throw new UsageError('--out takes a .html or .svg file for the report (or the scenario file of --run I)');
    }
    const catalogue = new Catalogue();
    const scenario = await catalogue.lazily(() => catalogue.resolve(positionals[0] ?? ''));
    const from = typeof values.from === 'string' ? values.from : undefined;
    try {
      simulationStart(scenario, from);
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(error.message);
      throw error;
    }
    // A strategy file given, else the one the dispute (or, for a branch, its base) ships with, else the defaults.
    const base = scenario.extends
      ? await catalogue.lazily(() => catalogue.resolveBase(positionals[0] ?? ''))
      : undefined;
    const strategy =
      typeof values.strategy === 'string'
        ? loadStrategyFile(values.strategy)
        : shippedStrategy([scenario.id, ...(base ? [base.id] : [])]).strategy;
    if (runIndex !== undefined) {
      const one = simulate(scenario, {
        ...(from ? { from } : {}),
        runs: 1,
        seed,
        strategy,
        engine,
        first: runIndex,
        keep: [runIndex],
      });
      const run = one.kept[0];
      if (!run) throw new UsageError(`run ${runIndex} kept no events`);
      const file = runAsScenario(scenario, one.start, run, { seed, strategy });
      const text = `# Run ${runIndex} of dispute-sim simulate ${scenario.id} --seed ${seed}${from ? ` --from ${from}` : ''}: ${run.outcome}.\n${stringify(file, { lineWidth: 110 })}`;
      if (typeof values.out === 'string') {
        io.stdout(`${writeOutputFile(values.out, text, { force: !!values.force, inputs: catalogue.readFiles() })}\n`);
      } else io.stdout(text);
      return 0;
    }
    // A bar on a terminal's standard error for long runs; none when piped, and never with --json.
    // The bar writes to the terminal itself: its carriage returns are the point, where io.stderr shows them escaped.
    const bar =
      !values.json && runs >= 2000 && process.stderr.isTTY
        ? progressBar(runs, (text) => process.stderr.write(text))
        : undefined;
    const options = { ...(from ? { from } : {}), runs, seed, strategy, engine } as const;
    const sweepTexts = (Array.isArray(values.sweep) ? values.sweep : []).map(String);
    let specs: SweepSpec[];
    try {
      specs = sweepTexts.map((t) => parseSweep(t, strategy));
    } catch (error) {
      if (error instanceof SweepError) throw new UsageError(error.message);
      throw error;
    }
    const play = (o: SimulateOptions): Promise<Simulation> | Simulation =>
      workers > 1 ? simulateParallel(scenario, { ...o, workers }) : simulate(scenario, o);
    let result: Simulation;
    let swept: Sweep | undefined;
    try {
      result =
        workers > 1
          ? await simulateParallel(scenario, { ...options, workers }, bar)
          : simulate(scenario, { ...options, ...(bar ? { onRun: bar } : {}) });
      if (specs.length) swept = await runSweep(options, specs, play);
    } finally {
      bar?.(-1);
    }
    if (out) {
      const text = /\.svg$/i.test(out) ? simulationSvg(result, swept) : simulationHtml(result, swept);
      io.stdout(`${writeOutputFile(out, text, { force: !!values.force, inputs: catalogue.readFiles() })}\n`);
      return 0;
    }
    if (values.json) {
      const { kept: _kept, ...rest } = result;
      io.stdout(`${JSON.stringify(swept ? { ...rest, sweep: swept } : rest, null, 2)}\n`);
    } else io.stdout(renderSimulation(result, io.palette) + (swept ? renderSweep(swept, io.palette) : ''));
    return 0;
  },
};
