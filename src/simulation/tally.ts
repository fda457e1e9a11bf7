/**
 * A simulation's figures gathered run by run in bounded memory: each figure is kept to one decimal place, so a
 * count of runs per value holds every quantile, mean and histogram exactly, in a few hundred entries however many
 * runs there are. Tallies of shares of the runs merge by adding counts, so any split over workers gives the same
 * summary, byte for byte.
 */
import { type RunResult, round1 } from './runs.js';

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

/** How many runs had each value of a figure (figures to one decimal place). */
export class Counts {
  readonly #counts = new Map<number, number>();
  n = 0;

  add(value: number, count = 1): void {
    this.#counts.set(value, (this.#counts.get(value) ?? 0) + count);
    this.n += count;
  }

  /** The values and their counts, lowest first. */
  entries(): [number, number][] {
    return [...this.#counts.entries()].sort((a, b) => a[0] - b[0]);
  }

  /** The share of the runs at or below a value. */
  shareAtOrBelow(value: number): number {
    let at = 0;
    for (const [v, c] of this.#counts) if (v <= value) at += c;
    return at / Math.max(1, this.n);
  }

  /** The counts as plain data (to cross to another thread), and back. */
  toJSON(): [number, number][] {
    return this.entries();
  }

  static from(entries: readonly [number, number][]): Counts {
    const out = new Counts();
    for (const [v, c] of entries) out.add(v, c);
    return out;
  }
}

/** Summarises counted values into a distribution with `binCount` bins, exactly as if every value were listed. */
export function distributionOf(counts: Counts, binCount = 12): Distribution {
  const entries = counts.entries();
  const n = counts.n;
  const lo = entries[0]?.[0] ?? 0;
  const hi = entries.at(-1)?.[0] ?? 0;
  // The value of the k-th lowest run (0-based).
  const valueAt = (k: number): number => {
    let seen = 0;
    for (const [v, c] of entries) {
      seen += c;
      if (k < seen) return v;
    }
    return hi;
  };
  const quantile = (q: number): number => {
    if (n === 0) return 0;
    const at = (n - 1) * q;
    const a = valueAt(Math.floor(at));
    const b = valueAt(Math.ceil(at));
    return round1(a + (b - a) * (at - Math.floor(at)));
  };
  const width = hi > lo ? (hi - lo) / binCount : 1;
  const bins = Array.from({ length: hi > lo ? binCount : 1 }, (_, i) => ({
    from: round1(lo + i * width),
    to: round1(lo + (i + 1) * width),
    count: 0,
  }));
  // The sum in tenths, a whole number, so the mean does not depend on the order the runs came in.
  let tenths = 0;
  for (const [v, c] of entries) {
    const bin = bins[Math.min(bins.length - 1, Math.floor((v - lo) / width))];
    if (bin) bin.count += c;
    tenths += Math.round(v * 10) * c;
  }
  return {
    n,
    mean: round1(tenths / 10 / Math.max(1, n)),
    p5: quantile(0.05),
    p25: quantile(0.25),
    median: quantile(0.5),
    p75: quantile(0.75),
    p95: quantile(0.95),
    bins,
  };
}

/** The summary of a list of values (to one decimal place), as `distributionOf` gives it. */
export function distribution(values: readonly number[], binCount = 12): Distribution {
  const counts = new Counts();
  for (const v of values) counts.add(v);
  return distributionOf(counts, binCount);
}

/** A tally as plain data, to cross from a worker thread. */
export interface TallyData {
  runs: number;
  outcomes: [string, number][];
  months: [number, number][];
  days: [number, number][];
  uplift: [number, number][];
  kept: RunResult[];
}

/** Outcomes and figures gathered run by run: what a simulation's summary is made of. */
export class Tally {
  readonly counts = new Map<string, number>();
  months = new Counts();
  days = new Counts();
  uplift = new Counts();
  readonly kept: RunResult[] = [];
  runs = 0;

  add(r: RunResult): void {
    this.runs++;
    this.counts.set(r.outcome, (this.counts.get(r.outcome) ?? 0) + 1);
    this.months.add(r.months);
    this.days.add(r.strikeDays);
    if (r.upliftPct !== null) this.uplift.add(r.upliftPct);
    if (r.events) this.kept.push(r);
  }

  /** Adds another tally's runs (a later share of the runs: kept runs stay in index order). */
  merge(other: TallyData): void {
    this.runs += other.runs;
    for (const [o, c] of other.outcomes) this.counts.set(o, (this.counts.get(o) ?? 0) + c);
    for (const [v, c] of other.months) this.months.add(v, c);
    for (const [v, c] of other.days) this.days.add(v, c);
    for (const [v, c] of other.uplift) this.uplift.add(v, c);
    this.kept.push(...other.kept);
  }

  toJSON(): TallyData {
    return {
      runs: this.runs,
      outcomes: [...this.counts.entries()],
      months: this.months.toJSON(),
      days: this.days.toJSON(),
      uplift: this.uplift.toJSON(),
      kept: this.kept,
    };
  }
}
