/**
 * The ticks of a chart's axes, shared by the inspector's charts and the teaching packs': round values a reader
 * can read at a glance (0, 10, 20… never 12.1 or 2.2) and months labelled so that none is crowded or missing.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A value axis: round ticks from 0 to `top`, the first tick at or above the largest value. */
export interface ValueAxis {
  ticks: number[];
  top: number;
}

/**
 * Round ticks from 0 covering `max`, about `count` of them, each a multiple of 1, 2 or 5 times a power of ten
 * (with `integer`, never a fraction: days of action are whole).
 */
export function valueTicks(max: number, count = 5, integer = false): ValueAxis {
  const span = Number.isFinite(max) && max > 0 ? max : 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  if (integer) step = Math.max(1, Math.round(step));
  const top = Math.ceil(span / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return { ticks, top: ticks.at(-1) ?? top };
}

/** A tick on a time axis: its instant (ms), its label, and whether it starts a year (drawn stronger). */
export interface TimeTick {
  t: number;
  label: string;
  year: boolean;
}

/**
 * Month ticks between two instants (ms): every month for a short span, every quarter or half-year for longer
 * ones, so that about `most` labels fit; January is labelled with its year, and so is the first tick.
 */
export function timeTicks(from: number, to: number, most = 10): TimeTick[] {
  if (!(to > from)) return [];
  const start = new Date(from);
  const end = new Date(to);
  const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth() + 1;
  const every = [1, 2, 3, 6, 12, 24, 60].find((n) => months / n <= most) ?? 120;
  const ticks: TimeTick[] = [];
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth() + 1;
  for (;;) {
    if (m > 11) {
      y += Math.floor(m / 12);
      m %= 12;
    }
    const t = Date.UTC(y, m, 1);
    if (t > to) break;
    if (every <= 12 ? m % every === 0 : m === 0 && y % (every / 12) === 0) {
      ticks.push({ t, label: MONTHS[m] ?? '', year: m === 0 });
    }
    m += 1;
  }
  // A span of weeks has too few month starts to read by: its first and last days instead.
  if (ticks.length < 2) {
    const day = (t: number) => {
      const d = new Date(t);
      return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    };
    return [
      { t: from, label: day(from), year: false },
      { t: to, label: day(to), year: false },
    ];
  }
  // The first tick and every January say the year; a lone label without one would leave the reader guessing.
  return ticks.map((tick, i) => ({
    ...tick,
    label: tick.year || i === 0 ? `${tick.label} ${new Date(tick.t).getUTCFullYear()}` : tick.label,
  }));
}
