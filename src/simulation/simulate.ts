/**
 * A Monte Carlo of a dispute: from a step of its replay, each run plays the parties' moves forward week by week,
 * drawn from the strategies (strategy.ts), through the same statechart and the same law, until an outcome or the
 * horizon. Every move is an event offered to the engine; one it refuses is never counted as played. Runs are
 * seeded by their index (a counter-based seed), so the same seed gives the same runs in any order or split.
 *
 * This is the reference path: the XState actor, through the Engine. A faster path must be proved equal to it.
 */
import { regimeForNotice } from '../domain/regimes.js';
import { addDays, DAY_MS, formatInstant, parseInstant } from '../domain/time.js';
import { outcomeOf } from '../machine/explain.js';
import type { DisputeRecord } from '../schemas/record.js';
import type { Scenario, ScenarioEvent, ScenarioFile } from '../schemas/scenario.js';
import { DEFAULT_STRATEGY, type Strategy } from '../schemas/strategy.js';
import { branchAt } from './branch.js';
import type { Engine } from './engine.js';
import { Replayer, replay, toMachineEvent } from './replay.js';

const WEEK_MS = 7 * DAY_MS;
const MONTH_MS = 30.44 * DAY_MS;

/** A seeded generator of numbers in [0, 1): mulberry32, each run seeded from (seed, index) by splitmix32. */
export function runRandom(seed: number, index: number): () => number {
  let h = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x21f0aaad) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x735a2d97) >>> 0;
  let state = (h ^ (h >>> 15)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller), from a generator. */
function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Where the runs start: just after a step of the replay. */
export interface SimulationStart {
  /** The number of the scenario's events replayed before the runs take over. */
  events: number;
  date: string;
  /** The event the runs start before (the first they replace), if any is left. */
  before?: string;
}

/** One run: how it ended, and the events it played (when asked to keep them). */
export interface RunResult {
  index: number;
  outcome: string;
  /** Months from the start of the runs to the end of the dispute (or to the horizon). */
  months: number;
  strikeDays: number;
  /** The total rise accepted, in per cent (awards and the offer summed), or null if none was. */
  upliftPct: number | null;
  events?: ScenarioEvent[];
}

/** What the members will accept t months in: the Ashenfelter–Johnson resistance curve. */
export function resistance(s: Strategy['members'], claimPct: number, months: number): number {
  const y0 = s.claimPct ?? claimPct;
  return s.floorPct + (y0 - s.floorPct) * Math.exp(-s.tauPerMonth * Math.max(0, months));
}

/** The employer's offer t months in: time-dependent concession o_min + (o_max − o_min)·(t/T)^(1/e). */
export function concession(s: Strategy['employer'], months: number): number {
  const share = clamp(months / s.deadlineMonths, 0, 1);
  return s.minPct + (s.maxPct - s.minPct) * share ** (1 / s.e);
}

/** The total rise a record has accepted: awards accepted and the offer accepted, summed (null for none). */
export function acceptedUplift(record: DisputeRecord): number | null {
  const offer = record.negotiation.offers.find((o) => o.status === 'accepted');
  if (!offer) return null;
  return round1(awardsAccepted(record) + (offer.payUpliftPct ?? 0));
}

/** The pay review awards a record has accepted, their rises summed (what an offer comes on top of). */
function awardsAccepted(record: DisputeRecord): number {
  return record.negotiation.awards.filter((a) => a.acceptedAt).reduce((sum, a) => sum + (a.payUpliftPct ?? 0), 0);
}

/** The highest rise any offer of the record has made (0 for none): the next offer beats it. */
function highestOffer(record: DisputeRecord): number {
  return Math.max(0, ...record.negotiation.offers.map((o) => o.payUpliftPct ?? 0));
}

/** Where the runs start for `from`: an event id (just before it), a day (the end of it), or the declaration. */
export function simulationStart(scenario: Scenario, from: string | undefined): SimulationStart {
  const events = scenario.events;
  let count: number;
  if (from === undefined) {
    const declared = events.findIndex((e) => e.type === 'dispute.declared');
    count = declared + 1;
  } else if (events.some((e) => e.id === from)) {
    count = events.findIndex((e) => e.id === from);
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(from) && from >= scenario.period.from && from <= scenario.period.to) {
    count = events.filter((e) => e.at.slice(0, 10) <= from).length;
  } else {
    throw new RangeError(
      `--from ${from} is neither an event id of ${scenario.id} nor a day (YYYY-MM-DD) in its period`,
    );
  }
  const before = events[count];
  const last = events[count - 1];
  return {
    events: count,
    date: from !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(from) ? `${from}T23:59` : (last?.at ?? scenario.period.from),
    ...(before ? { before: before.id } : {}),
  };
}

/** The plays of one run, week by week, on its own engine. */
class Run {
  readonly events: ScenarioEvent[] = [];
  #n = 0;
  #voteCloses: number | undefined;
  #ballotCloses: number | undefined;
  #ballots = 0;
  #lastAwardYear: number;

  constructor(
    readonly engine: Engine,
    readonly strategy: Strategy,
    readonly random: () => number,
    readonly startMs: number,
    readonly claimPct: number,
    readonly keep: boolean,
  ) {
    const c = engine.snapshot.context;
    this.#ballots = c.balloting.ballots.length;
    const open = c.balloting.ballots.find((b) => !b.closedAt);
    if (open) this.#ballotCloses = open.closes ? parseInstant(open.closes) : startMs + 4 * WEEK_MS;
    const vote = c.negotiation.referendums.find((r) => !r.closedAt);
    if (vote) this.#voteCloses = startMs + 2 * WEEK_MS;
    this.#lastAwardYear =
      new Date(startMs).getUTCFullYear() -
      (new Date(startMs).getUTCMonth() + 1 > (strategy.awards?.month ?? 13) ? 0 : 1);
  }

  /** Offers an event at an instant; keeps it if the machine accepts it. */
  #play(ms: number, fields: Record<string, unknown> & { type: string }): boolean {
    const event = {
      id: `sim-${++this.#n}-${fields.type.replace('.', '-')}`,
      at: formatInstant(ms),
      sources: [],
      ...fields,
    };
    const scenarioEvent = event as unknown as ScenarioEvent;
    const sent = this.engine.send(toMachineEvent(scenarioEvent));
    if (sent.accepted && this.keep) this.events.push(scenarioEvent);
    return sent.accepted;
  }

  #declaredMonths(ms: number): number {
    const declared = this.engine.snapshot.context.dispute.declaredAt;
    return (ms - (declared ? parseInstant(declared) : this.startMs)) / MONTH_MS;
  }

  /** One week's moves, at an instant. */
  week(ms: number): void {
    // Time passes first: a strike that ended or a mandate that lapsed this week is seen before anyone moves.
    this.engine.advanceTo(ms);
    if (!this.#live()) return;
    this.#awards(ms);
    if (!this.#live()) return;
    this.#answerOffer(ms);
    if (!this.#live()) return;
    this.#employer(ms);
    if (!this.#live()) return;
    this.#union(ms);
  }

  #live(): boolean {
    return this.engine.snapshot.status === 'active';
  }

  #awards(ms: number): void {
    const a = this.strategy.awards;
    if (!a) return;
    const d = new Date(ms);
    const year = d.getUTCFullYear();
    if (d.getUTCMonth() + 1 < a.month || year <= this.#lastAwardYear) return;
    this.#lastAwardYear = year;
    const award = `sim-award-${year}`;
    const payYear = `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
    if (
      this.#play(ms, {
        type: 'award.published',
        award,
        body: a.body,
        summary: `${a.pct}% for ${payYear}`,
        payUpliftPct: a.pct,
        payYear,
      })
    ) {
      this.#play(ms, { type: 'award.accepted', award, inFull: true });
    }
  }

  /** The union's answer to an offer on the table: its committee's, or its members' in a referendum. */
  #answerOffer(ms: number): void {
    const c = this.engine.snapshot.context;
    const offer = c.negotiation.offers.find((o) => o.status === 'open' || o.status === 'putToMembers');
    if (!offer) return;
    const total = awardsAccepted(c) + (offer.payUpliftPct ?? 0);
    const wants = resistance(this.strategy.members, this.claimPct, this.#declaredMonths(ms));
    if (offer.status === 'putToMembers') {
      const vote = c.negotiation.referendums.find((r) => !r.closedAt);
      if (!vote || (this.#voteCloses !== undefined && ms < this.#voteCloses)) return;
      // The yes share: a logistic of how far the offer clears what the members want, with the spread as its scale.
      const gap = (total - wants) / Math.max(0.5, this.strategy.members.noisePct) + normal(this.random) * 0.5;
      const yes = round1(clamp(100 / (1 + Math.exp(-gap)), 1, 99));
      this.#voteCloses = undefined;
      this.#play(ms, { type: 'referendum.closed', referendum: vote.id, yesPct: yes, noPct: round1(100 - yes) });
      return;
    }
    if (this.random() < this.strategy.union.putToMembers) {
      const referendum = `sim-vote-${this.#n + 1}`;
      if (this.#play(ms, { type: 'referendum.opened', referendum, kind: 'referendum', offer: offer.id })) {
        this.#voteCloses = ms + 2 * WEEK_MS;
      }
      return;
    }
    const decide = total >= wants + this.strategy.union.committeeMarginPct ? 'offer.accepted' : 'offer.rejected';
    this.#play(ms, { type: decide, offer: offer.id });
  }

  /** The employer: a new offer now and then when none is on the table, or (rarely) terms imposed. */
  #employer(ms: number): void {
    const e = this.strategy.employer;
    const c = this.engine.snapshot.context;
    if (e.imposeHazardPerWeek > 0 && this.random() < e.imposeHazardPerWeek && !c.surroundings.impositions.length) {
      this.#play(ms, { type: 'terms.imposed', by: 'the employer', summary: 'its own terms' });
      return;
    }
    if (c.negotiation.offers.some((o) => o.status === 'open' || o.status === 'putToMembers')) return;
    const attrition = e.family === 'attrition';
    const hazard = attrition ? (e.concedeHazardPerWeek ?? 0) : 1 / e.offerEveryWeeks;
    if (this.random() >= hazard) return;
    const curve = attrition ? e.maxPct : concession(e, this.#declaredMonths(ms));
    // Each offer beats the last until o_max; from then on o_max is offered again, as resistance falls.
    const pct = round1(Math.min(e.maxPct, Math.max(curve, highestOffer(c) + 0.5)));
    const offer = `sim-offer-${this.#n + 1}`;
    this.#play(ms, { type: 'offer.made', offer, by: 'the employer', summary: `${pct}%`, payUpliftPct: pct });
  }

  /** The union: ballots (and re-ballots before a mandate ends), strikes while it holds one, and giving up. */
  #union(ms: number): void {
    const u = this.strategy.union;
    const c = this.engine.snapshot.context;
    const mandate = c.balloting.mandate;
    const live = mandate && !mandate.endedAt;
    const open = c.balloting.ballots.find((b) => !b.closedAt);
    if (open && this.#ballotCloses !== undefined && ms >= this.#ballotCloses) {
      this.#closeBallot(ms, open.id);
      return;
    }
    const expires = live && mandate.expiresAt ? parseInstant(mandate.expiresAt) : undefined;
    const due = !live || (expires !== undefined && expires - ms <= u.reballot.leadWeeks * WEEK_MS);
    // The first ballot waits while the union prepares it (weeks after the declaration).
    const ready = this.#ballots > 0 || this.#declaredMonths(ms) * (MONTH_MS / WEEK_MS) >= (u.firstBallotWeeks ?? 0);
    if (!open && due && ready && c.dispute.declaredAt) {
      const ballot = `sim-ballot-${this.#n + 1}`;
      const closes = ms + u.reballot.windowWeeks * WEEK_MS;
      if (this.#play(ms, { type: 'ballot.opened', ballot, closes: formatInstant(closes) })) this.#ballotCloses = closes;
    }
    // Once terms are imposed, the union may give up: the dispute ends imposed.
    const idle = c.action.pending.length === 0 && c.action.running === null;
    if (c.surroundings.impositions.length > 0 && idle && this.random() < (u.giveUpAfterImpositionPerWeek ?? 0)) {
      this.#play(ms, { type: 'dispute.ended' });
      return;
    }
    if (!live || c.action.pending.length > 0 || c.action.running !== null) return;
    if (this.random() >= 1 / u.strikeEveryWeeks) return;
    const notice = regimeForNotice(c.law.rules, ms).noticeDays;
    const offered = highestOffer(c) + awardsAccepted(c);
    const days = clamp(
      Math.round(u.strikeDays.base + u.strikeDays.perGapPoint * Math.max(0, this.claimPct - offered)),
      1,
      u.strikeDays.max,
    );
    // Notice as the law counts it, from the next morning at 07:00, ending before the mandate does.
    const startMs = parseInstant(`${formatInstant(addDays(ms, notice + 1)).slice(0, 10)}T07:00`);
    let endMs = addDays(startMs, days);
    if (expires !== undefined && endMs >= expires) endMs = expires - 60_000;
    if (endMs <= startMs + DAY_MS / 2) return;
    this.#play(ms, {
      type: 'strike.called',
      action: `sim-strike-${this.#n + 1}`,
      start: formatInstant(startMs),
      end: formatInstant(endMs),
      scope: 'full-walkout',
    });
  }

  #closeBallot(ms: number, ballot: string): void {
    const r = this.strategy.union.reballot;
    const n = this.#ballots++;
    const turnout = clamp(r.turnoutPct - r.declinePerBallot * n + normal(this.random) * r.sdPct, 5, 99) / 100;
    const yesShare = clamp(r.yesPct + normal(this.random) * r.sdPct, 1, 100) / 100;
    const cast = Math.round(r.entitled * turnout);
    const yes = Math.round(cast * yesShare);
    this.#ballotCloses = undefined;
    if (!this.#play(ms, { type: 'ballot.closed', ballot, entitled: r.entitled, cast, yes, no: cast - yes })) return;
    const m = this.engine.snapshot.context.balloting.mandate;
    const failed = !m || m.ballot !== ballot || !!m.endedAt;
    const c = this.engine.snapshot.context;
    if (failed && c.action.pending.length === 0 && c.action.running === null) {
      if (this.random() < this.strategy.union.abandonAfterFailedBallot) this.#play(ms, { type: 'dispute.ended' });
    }
  }
}

/** How to simulate. */
export interface SimulateOptions {
  from?: string;
  runs: number;
  seed: number;
  strategy?: Strategy;
  /** The indices of the runs whose events are kept (to write them out as scenario files). */
  keep?: readonly number[];
  /** The first run's index (a worker's share of the runs starts here). */
  first?: number;
  /** Told the number of runs done after each (for a progress bar). */
  onRun?: (done: number) => void;
}

/** The scenario replayed to where the runs start, ready to fork one engine a run. */
export function startingReplay(scenario: Scenario, start: SimulationStart): Replayer {
  const replayer = new Replayer(scenario, scenario.period.from);
  for (const e of scenario.events.slice(0, start.events)) replayer.offer(e);
  if (start.date > (scenario.events[start.events - 1]?.at ?? '')) replayer.advanceTo(parseInstant(start.date));
  return replayer;
}

/** Plays the runs, one engine forked from the start for each, and reports each as it ends. */
export function simulateRuns(
  scenario: Scenario,
  options: SimulateOptions,
  onRun: (run: RunResult) => void,
): SimulationStart {
  const strategy = options.strategy ?? DEFAULT_STRATEGY;
  const start = simulationStart(scenario, options.from);
  const replayer = startingReplay(scenario, start);
  const base = replayer.engine;
  const startMs = base.nowMs;
  const claimPct = strategy.members.claimPct ?? base.snapshot.context.dispute.claim?.payRestorationPct ?? 20;
  const horizon = startMs + strategy.horizonMonths * MONTH_MS;
  const keep = new Set(options.keep ?? []);
  const first = options.first ?? 0;
  try {
    for (let index = first; index < first + options.runs; index++) {
      const engine = base.fork();
      try {
        const run = new Run(engine, strategy, runRandom(options.seed, index), startMs, claimPct, keep.has(index));
        // The first week's moves a day after the start, then one a week, until an outcome or the horizon.
        for (let ms = startMs + DAY_MS; ms < horizon && engine.snapshot.status === 'active'; ms += WEEK_MS) {
          run.week(ms);
        }
        if (engine.snapshot.status === 'active') engine.advanceTo(horizon);
        const record = engine.snapshot.context;
        const ended = record.dispute.endedAt ? parseInstant(record.dispute.endedAt) : horizon;
        onRun({
          index,
          outcome: outcomeOf(engine.snapshot),
          months: round1((Math.min(ended, horizon) - startMs) / MONTH_MS),
          strikeDays: record.action.daysOfAction,
          upliftPct: acceptedUplift(record),
          ...(keep.has(index) ? { events: run.events } : {}),
        });
      } finally {
        engine.stop();
      }
    }
  } finally {
    replayer.stop();
  }
  return start;
}

/** A distribution's summary: quantiles, mean, and counts in equal bins. */
export interface Distribution {
  n: number;
  mean: number;
  p5: number;
  p25: number;
  median: number;
  p75: number;
  p95: number;
  bins: { from: number; to: number; count: number }[];
}

/** The quantile of sorted values (linear between ranks). */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return round1((sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (at - lo));
}

/** Summarises values into a distribution with `binCount` bins. */
export function distribution(values: readonly number[], binCount = 12): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const lo = sorted[0] ?? 0;
  const hi = sorted.at(-1) ?? 0;
  const width = hi > lo ? (hi - lo) / binCount : 1;
  const bins = Array.from({ length: hi > lo ? binCount : 1 }, (_, i) => ({
    from: round1(lo + i * width),
    to: round1(lo + (i + 1) * width),
    count: 0,
  }));
  for (const v of sorted) {
    const bin = bins[Math.min(bins.length - 1, Math.floor((v - lo) / width))];
    if (bin) bin.count++;
  }
  return {
    n: sorted.length,
    mean: round1(sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length)),
    p5: quantile(sorted, 0.05),
    p25: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    p75: quantile(sorted, 0.75),
    p95: quantile(sorted, 0.95),
    bins,
  };
}

/** A share with its 95% Wilson interval. */
export interface Share {
  count: number;
  share: number;
  low: number;
  high: number;
}

/** The Wilson score interval of `count` in `n` (95%). */
export function wilson(count: number, n: number): Share {
  if (n === 0) return { count, share: 0, low: 0, high: 0 };
  const z = 1.959964;
  const p = count / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const r = (x: number) => Math.round(x * 10000) / 10000;
  return { count, share: r(p), low: r(Math.max(0, centre - half)), high: r(Math.min(1, centre + half)) };
}

/** What a simulation answers. */
export interface Simulation {
  scenario: { id: string; title: string };
  start: SimulationStart;
  runs: number;
  seed: number;
  strategy: Strategy;
  outcomes: Record<string, Share>;
  months: Distribution;
  strikeDays: Distribution;
  /** Over the settled runs only. */
  upliftPct: Distribution;
  /** History's own figures, and the share of runs at or below each. */
  history: {
    outcome: string;
    months: number;
    strikeDays: number;
    upliftPct: number | null;
    atOrBelow: { months: number; strikeDays: number; upliftPct: number | null };
  };
  kept: RunResult[];
}

/** Outcomes and figures gathered run by run, in run order: what a simulation's summary is made of. */
export class Tally {
  readonly counts = new Map<string, number>();
  readonly months: number[] = [];
  readonly days: number[] = [];
  readonly uplift: number[] = [];
  readonly kept: RunResult[] = [];
  runs = 0;

  add(r: RunResult): void {
    this.runs++;
    this.counts.set(r.outcome, (this.counts.get(r.outcome) ?? 0) + 1);
    this.months.push(r.months);
    this.days.push(r.strikeDays);
    if (r.upliftPct !== null) this.uplift.push(r.upliftPct);
    if (r.events) this.kept.push(r);
  }
}

/** A tally as the simulation's answer, with history's own figures set in its distributions. */
export function summarise(
  scenario: Scenario,
  start: SimulationStart,
  tally: Tally,
  options: SimulateOptions,
): Simulation {
  const trace = replay(scenario);
  const final = trace.final.context;
  const startMs = parseInstant(start.date);
  const endMs = final.dispute.endedAt ? parseInstant(final.dispute.endedAt) : parseInstant(trace.final.date);
  const history = {
    outcome: trace.final.outcome,
    months: round1((endMs - startMs) / MONTH_MS),
    strikeDays: final.action.daysOfAction,
    upliftPct: acceptedUplift(final),
  };
  const share = (values: number[], v: number) =>
    round1((values.filter((x) => x <= v).length / Math.max(1, values.length)) * 100) / 100;
  return {
    scenario: { id: scenario.id, title: scenario.title },
    start,
    runs: tally.runs,
    seed: options.seed,
    strategy: options.strategy ?? DEFAULT_STRATEGY,
    outcomes: Object.fromEntries(
      ['settled', 'imposed', 'abandoned', 'ongoing'].map((o) => [o, wilson(tally.counts.get(o) ?? 0, tally.runs)]),
    ),
    months: distribution(tally.months),
    strikeDays: distribution(tally.days),
    upliftPct: distribution(tally.uplift),
    history: {
      ...history,
      atOrBelow: {
        months: share(tally.months, history.months),
        strikeDays: share(tally.days, history.strikeDays),
        upliftPct: history.upliftPct === null ? null : share(tally.uplift, history.upliftPct),
      },
    },
    kept: tally.kept,
  };
}

/** Runs the simulation in this thread and aggregates it as it goes (only kept runs hold their events). */
export function simulate(scenario: Scenario, options: SimulateOptions): Simulation {
  const tally = new Tally();
  const start = simulateRuns(scenario, options, (r) => {
    tally.add(r);
    options.onRun?.(tally.runs);
  });
  return summarise(scenario, start, tally, options);
}

/** A kept run as a counterfactual scenario file: the record up to the start, then the run's own events. */
export function runAsScenario(
  scenario: Scenario,
  start: SimulationStart,
  run: RunResult,
  options: { seed: number; strategy?: Strategy },
): ScenarioFile {
  const { seed } = options;
  const events = run.events ?? [];
  // The file runs to the run's horizon, so that time passes in its replay as far as it did in the run.
  const horizon = parseInstant(start.date) + (options.strategy ?? DEFAULT_STRATEGY).horizonMonths * MONTH_MS;
  const last = formatInstant(horizon).slice(0, 10);
  const head = start.before
    ? branchAt(scenario, start.before, {
        id: `${scenario.id}-sim-${seed}-${run.index}`,
        title: `What if: ${scenario.title}, simulated run ${run.index} (seed ${seed})`,
        summary: `Run ${run.index} of dispute-sim simulate with seed ${seed}: the record up to ${start.before}, then the moves the strategies drew.`,
        outcome: run.outcome as ScenarioFile['outcome'],
      })
    : undefined;
  if (!head) throw new RangeError(`no event of ${scenario.id} is left after the start to diverge at`);
  return {
    ...head,
    // Days as text compare in date order.
    period: { from: scenario.period.from, to: [last, scenario.period.to].sort().at(-1) ?? last },
    events,
  };
}
