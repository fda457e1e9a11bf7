/**
 * One simulated run: the parties' moves drawn week by week from the strategies (strategy.ts), played at a table
 * (table.ts) until an outcome or the horizon. The same code drives the XState actor (the reference) and the fast
 * reducer, so the two can differ only where their tables do, and the differential tests look there. Runs are
 * seeded by their index (a counter-based seed), so the same seed gives the same runs in any order or split.
 * Nothing here imports XState: a worker thread playing fast runs loads only this, the table and the law.
 */
import { regimeForNotice } from '../domain/regimes.js';
import { addDays, DAY_MS, formatInstant, parseInstant } from '../domain/time.js';
import type { ScenarioEvent } from '../schemas/scenario.js';
import type { Strategy } from '../schemas/strategy.js';
import { type Move, moveFields, type Table } from './table.js';

/** A week, in milliseconds. */
export const WEEK_MS = 7 * DAY_MS;
/** An average month, in milliseconds. */
export const MONTH_MS = 30.44 * DAY_MS;

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
/** A figure to one decimal place. */
export const round1 = (x: number) => Math.round(x * 10) / 10;

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

/**
 * A date worked out once and kept: runs play on the same weekly instants, so the same few thousand dates recur in
 * every run. The cache is emptied, not grown, past its bound.
 */
export function remembered(cache: Map<number, number>, key: number, make: () => number): number {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size > 50_000) cache.clear();
    cache.set(key, value);
  }
  return value;
}

const firstStrikeDays = new Map<number, number>();
const strikeEnds = new Map<number, number>();

/** The first day of action a strike called at an instant can have: notice as the law counts it, from the next morning at 07:00. */
const strikeStartAfter = (ms: number, noticeDays: number): number =>
  remembered(firstStrikeDays, ms * 64 + noticeDays, () =>
    parseInstant(`${formatInstant(addDays(ms, noticeDays + 1)).slice(0, 10)}T07:00`),
  );

/** The strike's end, `days` calendar days after its start (same wall-clock time). */
const strikeEnd = (start: number, days: number): number =>
  remembered(strikeEnds, start * 64 + days, () => addDays(start, days));

/** The plays of one run, week by week, at its own table. */
class Run {
  readonly events: ScenarioEvent[] = [];
  #n = 0;
  #voteCloses: number | undefined;
  #ballotCloses: number | undefined;
  #ballots = 0;
  #lastAwardYear: number;
  /** No award is due before this instant (the first of its month in the year after the last): a quick test. */
  #nextAwardMs: number;

  constructor(
    readonly table: Table,
    readonly strategy: Strategy,
    readonly random: () => number,
    readonly startMs: number,
    readonly claimPct: number,
    readonly keep: boolean,
  ) {
    this.#ballots = table.ballotCount();
    const open = table.openBallot();
    if (open) this.#ballotCloses = open.closesMs ?? startMs + 4 * WEEK_MS;
    if (table.openVote() !== undefined) this.#voteCloses = startMs + 2 * WEEK_MS;
    const start = new Date(startMs);
    this.#lastAwardYear = start.getUTCFullYear() - (start.getUTCMonth() + 1 > (strategy.awards?.month ?? 13) ? 0 : 1);
    this.#nextAwardMs = Date.UTC(this.#lastAwardYear + 1, (strategy.awards?.month ?? 1) - 1, 1);
  }

  /** Offers a move; keeps it as a scenario event if the machine takes it. */
  #play(move: Move): boolean {
    const n = ++this.#n;
    const accepted = this.table.play(move);
    if (accepted && this.keep) {
      const { at, ...fields } = moveFields(move);
      const id = `sim-${n}-${move.type.replace('.', '-')}`;
      this.events.push({ id, at, sources: [], ...fields } as unknown as ScenarioEvent);
    }
    return accepted;
  }

  #declaredMonths(ms: number): number {
    return (ms - (this.table.declaredMs() ?? this.startMs)) / MONTH_MS;
  }

  /** One week's moves, at an instant. */
  week(ms: number): void {
    // Time passes first: a strike that ended or a mandate that lapsed this week is seen before anyone moves.
    const t = this.table;
    t.advanceTo(ms);
    if (!t.live()) return;
    this.#awards(ms);
    if (!t.live()) return;
    this.#answerOffer(ms);
    if (!t.live()) return;
    this.#employer(ms);
    if (!t.live()) return;
    this.#union(ms);
  }

  #awards(ms: number): void {
    const a = this.strategy.awards;
    if (!a || ms < this.#nextAwardMs) return;
    const d = new Date(ms);
    const year = d.getUTCFullYear();
    if (d.getUTCMonth() + 1 < a.month || year <= this.#lastAwardYear) return;
    this.#lastAwardYear = year;
    this.#nextAwardMs = Date.UTC(year + 1, a.month - 1, 1);
    const award = `sim-award-${year}`;
    const payYear = `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
    if (this.#play({ type: 'award.published', at: ms, award, body: a.body, pct: a.pct, payYear })) {
      this.#play({ type: 'award.accepted', at: ms, award });
    }
  }

  /** The union's answer to an offer on the table: its committee's, or its members' in a referendum. */
  #answerOffer(ms: number): void {
    const t = this.table;
    const offer = t.offerOnTable();
    if (!offer) return;
    const total = t.awardsAcceptedPct() + (offer.pct ?? 0);
    const wants = resistance(this.strategy.members, this.claimPct, this.#declaredMonths(ms));
    if (offer.status === 'putToMembers') {
      const vote = t.openVote();
      if (vote === undefined || (this.#voteCloses !== undefined && ms < this.#voteCloses)) return;
      // The yes share: a logistic of how far the offer clears what the members want, with the spread as its scale.
      const gap = (total - wants) / Math.max(0.5, this.strategy.members.noisePct) + normal(this.random) * 0.5;
      const yes = round1(clamp(100 / (1 + Math.exp(-gap)), 1, 99));
      this.#voteCloses = undefined;
      this.#play({ type: 'referendum.closed', at: ms, referendum: vote, yesPct: yes, noPct: round1(100 - yes) });
      return;
    }
    if (this.random() < this.strategy.union.putToMembers) {
      const referendum = `sim-vote-${this.#n + 1}`;
      if (this.#play({ type: 'referendum.opened', at: ms, referendum, kind: 'referendum', offer: offer.id })) {
        this.#voteCloses = ms + 2 * WEEK_MS;
      }
      return;
    }
    const decide = total >= wants + this.strategy.union.committeeMarginPct ? 'offer.accepted' : 'offer.rejected';
    this.#play({ type: decide, at: ms, offer: offer.id });
  }

  /** The employer: a new offer now and then when none is on the table, or (rarely) terms imposed. */
  #employer(ms: number): void {
    const e = this.strategy.employer;
    const t = this.table;
    if (e.imposeHazardPerWeek > 0 && this.random() < e.imposeHazardPerWeek && !t.everImposed()) {
      this.#play({ type: 'terms.imposed', at: ms });
      return;
    }
    if (t.offerOnTable()) return;
    const attrition = e.family === 'attrition';
    const hazard = attrition ? (e.concedeHazardPerWeek ?? 0) : 1 / e.offerEveryWeeks;
    if (this.random() >= hazard) return;
    const curve = attrition ? e.maxPct : concession(e, this.#declaredMonths(ms));
    // Each offer beats the last until o_max; from then on o_max is offered again, as resistance falls.
    const pct = round1(Math.min(e.maxPct, Math.max(curve, t.highestOfferPct() + 0.5)));
    this.#play({ type: 'offer.made', at: ms, offer: `sim-offer-${this.#n + 1}`, pct });
  }

  /** The union: ballots (and re-ballots before a mandate ends), strikes while it holds one, and giving up. */
  #union(ms: number): void {
    const u = this.strategy.union;
    const t = this.table;
    const mandate = t.mandate();
    const live = mandate !== undefined && mandate.endedMs === null;
    const open = t.openBallot();
    if (open && this.#ballotCloses !== undefined && ms >= this.#ballotCloses) {
      this.#closeBallot(ms, open.id);
      return;
    }
    const expires = live ? (mandate.expiresMs ?? undefined) : undefined;
    const due = !live || (expires !== undefined && expires - ms <= u.reballot.leadWeeks * WEEK_MS);
    // The first ballot waits while the union prepares it (weeks after the declaration).
    const ready = this.#ballots > 0 || this.#declaredMonths(ms) * (MONTH_MS / WEEK_MS) >= (u.firstBallotWeeks ?? 0);
    if (!open && due && ready && t.declaredMs() !== undefined) {
      const ballot = `sim-ballot-${this.#n + 1}`;
      const closes = ms + u.reballot.windowWeeks * WEEK_MS;
      if (this.#play({ type: 'ballot.opened', at: ms, ballot, closes })) this.#ballotCloses = closes;
    }
    // Once terms are imposed, the union may give up: the dispute ends imposed.
    const idle = t.actionIdle();
    if (t.everImposed() && idle && this.random() < (u.giveUpAfterImpositionPerWeek ?? 0)) {
      this.#play({ type: 'dispute.ended', at: ms });
      return;
    }
    if (!live || !idle) return;
    if (this.random() >= 1 / u.strikeEveryWeeks) return;
    const notice = regimeForNotice(t.rules, ms).noticeDays;
    const offered = t.highestOfferPct() + t.awardsAcceptedPct();
    const days = clamp(
      Math.round(u.strikeDays.base + u.strikeDays.perGapPoint * Math.max(0, this.claimPct - offered)),
      1,
      u.strikeDays.max,
    );
    // Notice as the law counts it, from the next morning at 07:00, ending before the mandate does.
    const start = strikeStartAfter(ms, notice);
    let end = strikeEnd(start, days);
    if (expires !== undefined && end >= expires) end = expires - 60_000;
    if (end <= start + DAY_MS / 2) return;
    this.#play({ type: 'strike.called', at: ms, action: `sim-strike-${this.#n + 1}`, start, end });
  }

  #closeBallot(ms: number, ballot: string): void {
    const r = this.strategy.union.reballot;
    const n = this.#ballots++;
    const turnout = clamp(r.turnoutPct - r.declinePerBallot * n + normal(this.random) * r.sdPct, 5, 99) / 100;
    const yesShare = clamp(r.yesPct + normal(this.random) * r.sdPct, 1, 100) / 100;
    const cast = Math.round(r.entitled * turnout);
    const yes = Math.round(cast * yesShare);
    this.#ballotCloses = undefined;
    const t = this.table;
    if (!this.#play({ type: 'ballot.closed', at: ms, ballot, entitled: r.entitled, cast, yes, no: cast - yes })) return;
    const m = t.mandate();
    const failed = !m || m.ballot !== ballot || m.endedMs !== null;
    if (failed && t.actionIdle()) {
      if (this.random() < this.strategy.union.abandonAfterFailedBallot) this.#play({ type: 'dispute.ended', at: ms });
    }
  }
}

/** How one run is set: its table at the start, the strategy, its seed and index, and where the start is. */
export interface RunSetting {
  strategy: Strategy;
  seed: number;
  index: number;
  startMs: number;
  claimPct: number;
  keep: boolean;
}

/** Plays one run at a table, from the first week's moves a day after the start to an outcome or the horizon. */
export function playRun(table: Table, s: RunSetting): RunResult {
  const run = new Run(table, s.strategy, runRandom(s.seed, s.index), s.startMs, s.claimPct, s.keep);
  const horizon = s.startMs + s.strategy.horizonMonths * MONTH_MS;
  for (let ms = s.startMs + DAY_MS; ms < horizon && table.live(); ms += WEEK_MS) run.week(ms);
  if (table.live()) table.advanceTo(horizon);
  const r = table.result();
  const ended = r.endedMs ?? horizon;
  return {
    index: s.index,
    outcome: r.outcome,
    months: round1((Math.min(ended, horizon) - s.startMs) / MONTH_MS),
    strikeDays: r.daysOfAction,
    upliftPct: r.upliftPct,
    ...(s.keep ? { events: run.events } : {}),
  };
}
