/**
 * Dispute time: instants written in UK local time (Europe/London), turned into epoch milliseconds for the
 * simulated clock and back into ISO 8601 strings with their UTC offset for people and traces.
 */

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** The time-zone database's view of London, made on first use: building it costs a start-up tens of ms. */
let londonParts: Intl.DateTimeFormat | undefined;
const london = (): Intl.DateTimeFormat =>
  (londonParts ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }));

/** The start and end of British Summer Time in a year (last Sundays of March and October, 01:00 UTC). */
function summerTime(year: number): [number, number] {
  const lastSunday = (month: number) => 31 - new Date(Date.UTC(year, month, 31)).getUTCDay();
  return [Date.UTC(year, 2, lastSunday(2), 1), Date.UTC(year, 9, lastSunday(9), 1)];
}

const summerTimes = new Map<number, [number, number]>();
let lastYear: { from: number; to: number; bst: [number, number] } = { from: 0, to: 0, bst: [0, 0] };

/** The offset of UK local time from UTC at an instant, in milliseconds (0 in winter, 3 600 000 in summer). */
export function londonOffsetMs(epochMs: number): number {
  // The year looked up last, kept with its summer time: most calls fall in it.
  if (epochMs >= lastYear.from && epochMs < lastYear.to) {
    return epochMs >= lastYear.bst[0] && epochMs < lastYear.bst[1] ? 3_600_000 : 0;
  }
  const year = new Date(epochMs).getUTCFullYear();
  // The EU rule has held in the UK since 1996; older instants ask the time-zone database.
  if (year >= 1996 && year < 2100) {
    let bst = summerTimes.get(year);
    if (!bst) {
      bst = summerTime(year);
      summerTimes.set(year, bst);
    }
    lastYear = { from: Date.UTC(year, 0, 1), to: Date.UTC(year + 1, 0, 1), bst };
    return epochMs >= bst[0] && epochMs < bst[1] ? 3_600_000 : 0;
  }
  return zoneOffsetMs(epochMs);
}

/** The offset of Europe/London from UTC at an instant, from the time-zone database. */
export function zoneOffsetMs(epochMs: number): number {
  const f: Record<string, number> = {};
  for (const p of london().formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') f[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(f.year ?? 0, (f.month ?? 1) - 1, f.day ?? 1, f.hour ?? 0, f.minute ?? 0, f.second ?? 0);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The earliest year an instant may have. */
export const FIRST_YEAR = 1000;

/** Why a written instant is not one: empty when it is valid. */
export function instantProblem(text: string): string | undefined {
  const m = INSTANT.exec(text);
  if (!m) return 'expected a date like 2023-03-13 or a UK local time like 2023-03-13T07:00';
  const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = m;
  const year = Number(y);
  // Date.UTC reads years 0–99 as 1900–1999; no dispute we model is that old, so such years are refused.
  if (year < FIRST_YEAR) return `${y} is not a year we can date (years from ${FIRST_YEAR} on)`;
  const month = Number(mo);
  const day = Number(d);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || probe.getUTCDate() !== day || probe.getUTCMonth() !== month - 1) {
    return `${y}-${mo}-${d} is not a day of the calendar`;
  }
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return `${text} is not a time of day`;
  if (zone && zone !== 'Z') {
    const [oh = 0, om = 0] = zone.slice(1).split(':').map(Number);
    if (om > 59 || oh * 60 + om > 14 * 60) return `${zone} is not a UTC offset (from -14:00 to +14:00)`;
  }
  return undefined;
}

/** Parsed instants by their text: replays parse the same few hundred strings again and again. */
const parsed = new Map<string, number>();

/**
 * The epoch milliseconds of an instant written as a date (midnight UK local), a UK local date-time, or a
 * date-time with an explicit offset. Throws on text that `instantProblem` rejects.
 */
export function parseInstant(text: string): number {
  const known = parsed.get(text);
  if (known !== undefined) return known;
  const problem = instantProblem(text);
  const m = INSTANT.exec(text);
  if (problem || !m) throw new RangeError(problem ?? `not an instant: ${text}`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  let ms: number;
  if (zone === 'Z') ms = wall;
  else if (zone) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const [oh, om] = zone.slice(1).split(':').map(Number);
    ms = wall - sign * ((oh ?? 0) * 60 + (om ?? 0)) * 60_000;
  } else {
    // UK local: subtract the offset in force, checked once more across a clock change.
    ms = wall - londonOffsetMs(wall);
    const again = wall - londonOffsetMs(ms);
    if (again !== ms) ms = again;
  }
  if (parsed.size > 50_000) parsed.clear();
  parsed.set(text, ms);
  return ms;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Formatted instants by their milliseconds. */
const formatted = new Map<number, string>();

/** An instant as ISO 8601 in UK local time with its offset, e.g. `2023-03-13T07:00:00+00:00`. */
export function formatInstant(epochMs: number): string {
  const known = formatted.get(epochMs);
  if (known !== undefined) return known;
  const offset = londonOffsetMs(epochMs);
  const local = new Date(epochMs + offset);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset) / 60_000;
  const text =
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  if (formatted.size > 50_000) formatted.clear();
  formatted.set(epochMs, text);
  return text;
}

/** The UK calendar day of an instant, `YYYY-MM-DD`. */
export function formatDay(epochMs: number): string {
  return formatInstant(epochMs).slice(0, 10);
}

/** The instant `months` calendar months after another, same UK wall-clock time (clamped to the month's end). */
export function addMonths(epochMs: number, months: number): number {
  const local = new Date(epochMs + londonOffsetMs(epochMs));
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const wall = Date.UTC(y, m, day, local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds());
  return parseInstant(formatWall(wall));
}

/** Midnight (UK local) at the start of an instant's UK day. */
export function startOfDay(epochMs: number): number {
  return parseInstant(formatDay(epochMs));
}

/** The instant `days` calendar days after another, same UK wall-clock time. */
export function addDays(epochMs: number, days: number): number {
  const local = new Date(epochMs + londonOffsetMs(epochMs));
  const wall = local.getTime() + days * DAY_MS;
  return parseInstant(formatWall(wall));
}

function formatWall(wall: number): string {
  const d = new Date(wall);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Whole UK calendar days from one instant's day to another's (the 13th to the 27th is 14). */
export function calendarDays(fromMs: number, toMs: number): number {
  const utcDay = (epochMs: number) => {
    const local = epochMs + londonOffsetMs(epochMs);
    return local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
  };
  return Math.round((utcDay(toMs) - utcDay(fromMs)) / DAY_MS);
}

/** Whole days of action in a stretch of action: a 72-hour walkout is 3, two 9-hour days are 2. */
export function daysOfAction(startMs: number, endMs: number): number {
  if (endMs <= startMs) return 0;
  return Math.ceil((endMs - startMs) / DAY_MS - 1e-9);
}
