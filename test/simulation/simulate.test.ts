/**
 * The Monte Carlo: deterministic by seed whatever the split of the runs, every run written out replays through
 * the full actor to the same outcome and steps, and the strategy formulas are the published ones.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIO_DIR, SCENARIO_FOLDERS } from '../../src/loader/files.js';
import { shippedStrategy } from '../../src/loader/strategy.js';
import { DEFAULT_STRATEGY } from '../../src/schemas/strategy.js';
import { mergeBranch } from '../../src/simulation/branch.js';
import { replay } from '../../src/simulation/replay.js';
import {
  acceptedUplift,
  concession,
  type RunResult,
  resistance,
  runAsScenario,
  runRandom,
  simulate,
  simulateRuns,
  wilson,
} from '../../src/simulation/simulate.js';
import { simulateParallel } from '../../src/simulation/simulate-parallel.js';
import { gridOf, parseSweep, runSweep, SweepError } from '../../src/simulation/sweep.js';
import { cli } from '../helpers/cli.js';
import { scenario } from '../helpers/scenarios.js';

const dir = mkdtempSync(join(tmpdir(), 'dispute-sim-simulate-'));

describe('the strategies’ formulas', () => {
  it('members’ resistance falls from the claim to the floor at rate τ (Ashenfelter & Johnson)', () => {
    const m = { floorPct: 5, tauPerMonth: 0.05, noisePct: 4 };
    expect(resistance(m, 35, 0)).toBe(35);
    expect(resistance(m, 35, 12)).toBeCloseTo(5 + 30 * Math.exp(-0.6), 10);
    expect(resistance(m, 35, 1000)).toBeCloseTo(5, 5);
  });

  it('the employer concedes from o_min to o_max by T: Boulware late, conceder early', () => {
    const e = { ...DEFAULT_STRATEGY.employer, minPct: 5, maxPct: 15, deadlineMonths: 20 };
    expect(concession({ ...e, e: 1 }, 10)).toBe(10);
    expect(concession({ ...e, e: 0.5 }, 10)).toBe(7.5);
    expect(concession({ ...e, e: 2 }, 10)).toBeCloseTo(5 + 10 * Math.SQRT1_2, 10);
    expect(concession({ ...e, e: 0.5 }, 40)).toBe(15);
  });

  it('a Wilson interval holds its share and stays within 0 and 1', () => {
    expect(wilson(0, 100)).toEqual({ count: 0, share: 0, low: 0, high: 0.037 });
    const half = wilson(500, 1000);
    expect([half.low, half.high]).toEqual([0.4691, 0.5309]);
  });

  it('each run’s generator depends on the seed and its index alone', () => {
    const a = runRandom(7, 3);
    const b = runRandom(7, 3);
    const draws = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(draws);
    expect(runRandom(7, 4)()).not.toBe(draws[0]);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('simulate', () => {
  const s2023 = scenario('2023');

  it('gives the same results for the same seed, and the same runs however they are split', () => {
    const whole: RunResult[] = [];
    simulateRuns(s2023, { runs: 24, seed: 5 }, (r) => whole.push(r));
    const parts: RunResult[] = [];
    simulateRuns(s2023, { runs: 10, seed: 5, first: 14 }, (r) => parts.push(r));
    simulateRuns(s2023, { runs: 14, seed: 5, first: 0 }, (r) => parts.push(r));
    expect(parts.sort((a, b) => a.index - b.index)).toEqual(whole);
    expect(new Set(whole.map((r) => r.months)).size).toBeGreaterThan(1);
    expect(JSON.stringify(simulate(s2023, { runs: 30, seed: 9 }))).toBe(
      JSON.stringify(simulate(s2023, { runs: 30, seed: 9 })),
    );
    expect(JSON.stringify(simulate(s2023, { runs: 30, seed: 10 }).months)).not.toBe(
      JSON.stringify(simulate(s2023, { runs: 30, seed: 9 }).months),
    );
  });

  it('gives byte-identical results over any number of worker threads, on either table', async () => {
    const one = JSON.stringify(simulate(s2023, { runs: 60, seed: 21 }));
    for (const workers of [2, 3]) {
      expect(JSON.stringify(await simulateParallel(s2023, { runs: 60, seed: 21, workers }))).toBe(one);
    }
    expect(JSON.stringify(simulate(s2023, { runs: 60, seed: 21, engine: 'actor' }))).toBe(one);
    const actor = await simulateParallel(s2023, { runs: 60, seed: 21, workers: 2, engine: 'actor' });
    expect(JSON.stringify(actor)).toBe(one);
  }, 60_000);

  it.each(['2016', '2023', '2025', 'rcn-2023', 'consultants'])(
    '%s: each run written out replays through the full actor to its outcome, its days of action and its rise',
    (ref) => {
      const s = scenario(ref);
      const keep = Array.from({ length: 60 }, (_, i) => i);
      const result = simulate(s, { runs: 60, seed: 11, keep });
      expect(result.kept).toHaveLength(60);
      for (const run of result.kept) {
        const file = runAsScenario(s, result.start, run, { seed: 11 });
        const merged = mergeBranch(s, file);
        if ('problems' in merged) throw new Error(merged.problems.map((p) => p.message).join('; '));
        const trace = replay(merged.scenario);
        expect(trace.final.outcome, `${ref} run ${run.index}`).toBe(run.outcome);
        expect(trace.final.context.action.daysOfAction, `${ref} run ${run.index}`).toBe(run.strikeDays);
        expect(acceptedUplift(trace.final.context), `${ref} run ${run.index}`).toBe(run.upliftPct);
        // Every move the run played was accepted; the replay refuses none of them.
        const own = new Set((run.events ?? []).map((e) => e.id));
        const refused = trace.steps.filter((st) => st.id && own.has(st.id) && !st.accepted);
        expect(refused.map((st) => `${st.id}: ${st.reason}`)).toEqual([]);
        expect(trace.steps.filter((st) => st.id && own.has(st.id))).toHaveLength(own.size);
      }
      // The outcomes are not all one: the strategies draw different roads.
      expect(Object.values(result.outcomes).filter((o) => o.count > 0).length).toBeGreaterThan(0);
    },
    60_000,
  );

  it('starts where it is told: before an event, at the end of a day, or after the declaration', () => {
    expect(simulate(s2023, { runs: 1, seed: 1, from: 'offer-5pct-made' }).start.before).toBe('offer-5pct-made');
    const byDay = simulate(s2023, { runs: 1, seed: 1, from: '2023-06-01' }).start;
    expect(byDay.date).toBe('2023-06-01T23:59');
    expect(simulate(s2023, { runs: 1, seed: 1 }).start.events).toBe(
      s2023.events.findIndex((e) => e.type === 'dispute.declared') + 1,
    );
  });
});

describe('dispute-sim simulate', () => {
  it('prints outcome shares with intervals and where history falls', async () => {
    const r = await cli('simulate', '2023', '--runs', '50', '--seed', '3');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('Outcomes (95% intervals)');
    expect(r.stdout).toMatch(/settled\s+\d+(\.\d)?%\s+\(/);
    expect(r.stdout).toContain('← history');
  });

  it('prints the same JSON for the same seed', async () => {
    const a = await cli('simulate', '2016', '--runs', '40', '--seed', '8', '--json');
    const b = await cli('simulate', '2016', '--runs', '40', '--seed', '8', '--json');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const json = JSON.parse(a.stdout) as { runs: number; outcomes: Record<string, { count: number }> };
    expect(Object.values(json.outcomes).reduce((n, o) => n + o.count, 0)).toBe(40);
  });

  it('prints the same JSON from the fast table and from the XState actor, and refuses an unknown --engine', async () => {
    const args = ['simulate', '2025', '--runs', '30', '--seed', '6', '--from', 'november-talks-collapse', '--json'];
    const fast = await cli(...args);
    const actor = await cli(...args, '--engine', 'actor');
    expect([fast.code, actor.code]).toEqual([0, 0]);
    expect(actor.stdout).toBe(fast.stdout);
    const bad = await cli(...args, '--engine', 'quick');
    expect([bad.code, bad.stdout]).toEqual([2, '']);
    expect(bad.stderr).toContain('--engine takes fast or actor');
  });

  it('writes a run as a counterfactual file that replay --strict plays to the same outcome', async () => {
    const out = join(dir, 'run-7.yaml');
    const w = await cli('simulate', '2023', '--seed', '4', '--run', '7', '--out', out);
    expect(w.code).toBe(0);
    const first = (await cli('simulate', '2023', '--seed', '4', '--run', '7')).stdout;
    const outcome = /: (settled|imposed|abandoned|ongoing)\.\n/.exec(first)?.[1];
    const r = await cli('replay', out, '--strict', '--compact');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain(`Outcome: ${outcome}`);
  });

  it('reads a strategy file over the defaults, and places a wrong field at its line', async () => {
    const good = join(dir, 'good.yaml');
    writeFileSync(good, 'employer:\n  maxPct: 30\n  e: 2\nunion:\n  reballot:\n    turnoutPct: 40\n');
    expect((await cli('simulate', '2023', '--runs', '5', '--strategy', good)).code).toBe(0);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'members:\n  tauPerMonth: -1\n');
    const r = await cli('simulate', '2023', '--runs', '5', '--strategy', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.yaml:2:\d+\s+members\.tauPerMonth/);
    const schema = JSON.parse((await cli('schema', '--strategy')).stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(['horizonMonths', 'members', 'employer', 'awards', 'union']);
  });

  it('a re-ballot turnout under the threshold, from a strategy file, loses mandates the record kept', async () => {
    const low = join(dir, 'low.yaml');
    writeFileSync(low, 'union:\n  reballot:\n    turnoutPct: 40\n    sdPct: 1\n  abandonAfterFailedBallot: 1\n');
    const json = (argv: string[]) =>
      cli('simulate', '2023', '--runs', '30', '--from', 'reballot-1-opens', '--json', ...argv);
    const base = JSON.parse((await json([])).stdout) as { outcomes: Record<string, { count: number }> };
    const lowered = JSON.parse((await json(['--strategy', low])).stdout) as {
      outcomes: Record<string, { count: number }>;
    };
    expect(lowered.outcomes.abandoned?.count ?? 0).toBeGreaterThan(base.outcomes.abandoned?.count ?? 0);
  });

  it.each([
    [['simulate'], 'name one scenario'],
    [['simulate', '2023', '--runs', '0'], '--runs must be a whole number from 1 to 1000000'],
    [['simulate', '2023', '--from', 'nope'], '--from nope is neither an event id'],
    [['simulate', '2023', '--out', 'x.yaml'], '--out takes a .html or .svg file for the report'],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('simulate --sweep', () => {
  const s2023 = scenario('2023');

  it('reads a sweep, refusing a parameter the strategies lack or a value they refuse', () => {
    expect(parseSweep('members.tauPerMonth=0.02..0.075:4', DEFAULT_STRATEGY)).toEqual({
      path: 'members.tauPerMonth',
      lo: 0.02,
      hi: 0.075,
      steps: 4,
    });
    expect(gridOf({ path: 'x', lo: 0.02, hi: 0.075, steps: 4 })).toEqual([0.02, 0.0383, 0.0567, 0.075]);
    expect(() => parseSweep('members.nope=1..2', DEFAULT_STRATEGY)).toThrow(SweepError);
    expect(() => parseSweep('members.tauPerMonth=-1..2', DEFAULT_STRATEGY)).toThrow(SweepError);
    expect(() => parseSweep('members.tauPerMonth=2..1', DEFAULT_STRATEGY)).toThrow(SweepError);
    expect(() => parseSweep('tau', DEFAULT_STRATEGY)).toThrow(SweepError);
  });

  it('runs each point with the same seed, and sorts the tornado by swing', async () => {
    const specs = [
      parseSweep('members.tauPerMonth=0.02..0.075:3', DEFAULT_STRATEGY),
      parseSweep('employer.maxPct=6..24:3', DEFAULT_STRATEGY),
    ];
    const options = { runs: 60, seed: 3, from: 'offer-5pct-made', strategy: DEFAULT_STRATEGY };
    const sweep = await runSweep(options, specs, (o) => simulate(s2023, o));
    expect(sweep.sweeps.map((w) => w.points.map((p) => p.value))).toEqual([
      [0.02, 0.0475, 0.075],
      [6, 15, 24],
    ]);
    // The middle of the employer's grid is the default (14 is not on it), the tornado widest first.
    expect(sweep.tornado.map((b) => b.swing)).toEqual([...sweep.tornado.map((b) => b.swing)].sort((a, b) => b - a));
    // Members who give way faster settle more often: the settled share rises along τ's grid.
    const settled = sweep.sweeps[0]?.points.map((p) => p.outcomes.settled?.share ?? 0) ?? [];
    expect(settled.at(-1)).toBeGreaterThan(settled[0] ?? 1);
  });

  it('writes the report as SVG or HTML, and prints the sweep with its tornado', async () => {
    const svg = join(dir, 'sim.svg');
    const html = join(dir, 'sim.html');
    const args = [
      'simulate',
      '2023',
      '--runs',
      '40',
      '--from',
      'offer-5pct-made',
      '--sweep',
      'employer.maxPct=8..20:3',
    ];
    expect((await cli(...args, '--out', svg)).code).toBe(0);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg[\s\S]*What moves the settled share[\s\S]*<\/svg>\n$/);
    expect((await cli(...args, '--out', html)).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('<h2>employer.maxPct</h2>');
    const text = await cli(...args);
    expect(text.stdout).toContain('Tornado: the settled share at each end of a parameter');
    expect((await cli(...args, '--out', join(dir, 'sim.txt'))).code).toBe(2);
  });
});

describe('the shipped strategies', () => {
  it.each([
    'junior-doctors-2016',
    'junior-doctors-2023',
    'resident-doctors-2025',
    'rcn-nurses-2023',
    'consultants-2024',
  ])('%s has one, which loads and which simulate uses (a branch uses its base’s)', async (id) => {
    const shipped = shippedStrategy([id]);
    expect(shipped.file).toMatch(new RegExp(`strategies/${id}\\.yaml$`));
    const json = JSON.parse((await cli('simulate', id, '--runs', '3', '--json')).stdout) as { strategy: unknown };
    expect(json.strategy).toEqual(shipped.strategy);
  });

  it('live beside scenarios/, so that every YAML file in a folder of scenarios/ is a scenario', async () => {
    const dirs = readdirSync(SCENARIO_DIR, { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(dirs.map((d) => d.name).sort()).toEqual([...SCENARIO_FOLDERS].sort());
    const files = dirs.flatMap((d) =>
      readdirSync(join(SCENARIO_DIR, d.name)).map((f) => join(SCENARIO_DIR, d.name, f)),
    );
    const r = await cli('validate', ...files.filter((f) => f.endsWith('.yaml')));
    expect([r.code, r.stderr]).toEqual([0, '']);
  });

  it('falls back to the defaults for a dispute that ships none', () => {
    expect(shippedStrategy(['example-porters'])).toEqual({ strategy: DEFAULT_STRATEGY });
  });
});
