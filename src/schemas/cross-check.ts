/**
 * The rules of a scenario that span its fields: a counterfactual's base, unique event ids, events in date order and
 * within the period, known source ids, sources on every historical event. Plain code on unchecked data, with no
 * schema library, so the loader runs it on a file with other errors and a branch is merged without zod.
 */
import { DAY_MS, formatDay, parseInstant } from '../domain/time.js';

/** A problem found by looking across a scenario's fields, with the path of the field at fault. */
export interface CrossProblem {
  path: (string | number)[];
  /** The problem's stable code, e.g. `event.order`. */
  code: string;
  message: string;
}

interface LooseScenario {
  kind?: unknown;
  period?: unknown;
  extends?: unknown;
  divergesAt?: unknown;
  sources?: unknown;
  events?: unknown;
  expectRefused?: unknown;
  rejoinsAt?: unknown;
  teaching?: unknown;
}

/**
 * The rules that span fields: a counterfactual's base, unique event ids, events in date order, known source ids,
 * sources on every historical event. Works on unchecked data too, so a file with other errors still gets these.
 */
export function crossCheck(s: LooseScenario, options: { resolved?: boolean } = {}): CrossProblem[] {
  const out: CrossProblem[] = [];
  const ownEvents = Array.isArray(s.events) ? s.events.length : 0;
  if (!options.resolved) {
    if (s.kind === 'counterfactual' && !s.extends) {
      out.push({
        path: ['extends'],
        code: 'extends.required',
        message: 'a counterfactual names the scenario it extends',
      });
    }
    // A branch that lists events of its own says where they take over; one that only swaps the rules need not.
    if (s.extends && !s.divergesAt && ownEvents > 0) {
      out.push({
        path: ['divergesAt'],
        code: 'diverges-at.required',
        message: 'name the base event where this branch diverges',
      });
    }
    if (s.rejoinsAt !== undefined && !s.divergesAt) {
      out.push({
        path: ['rejoinsAt'],
        code: 'rejoins-at.requires-diverges-at',
        message: 'a branch rejoins the record only after diverging from it: name divergesAt too',
      });
    }
    if (s.kind === 'historical' && s.extends) {
      out.push({ path: ['extends'], code: 'extends.historical', message: 'a historical scenario stands alone' });
    }
  }
  const known = s.sources && typeof s.sources === 'object' ? Object.keys(s.sources) : [];
  // An unresolved branch may cite its base's sources; they are checked once it is resolved.
  const checkSources = options.resolved || !s.extends;
  const seen = new Set<string>();
  const order = orderProblems(Array.isArray(s.events) ? s.events : []);
  const period = s.period && typeof s.period === 'object' ? (s.period as { from?: unknown; to?: unknown }) : {};
  const from = typeof period.from === 'string' ? safeMs(period.from) : undefined;
  const to = typeof period.to === 'string' ? safeMs(period.to) : undefined;
  if (from !== undefined && to !== undefined && to < from) {
    out.push({
      path: ['period', 'to'],
      code: 'period.order',
      message: `the period ends (${String(period.to)}) before it begins`,
    });
  }
  (Array.isArray(s.events) ? s.events : []).forEach((e: unknown, i) => {
    if (!e || typeof e !== 'object') return;
    const ev = e as { id?: unknown; at?: unknown; sources?: unknown; quote?: { source?: unknown } };
    if (typeof ev.id === 'string') {
      if (seen.has(ev.id))
        out.push({ path: ['events', i, 'id'], code: 'event.duplicate-id', message: `duplicate event id "${ev.id}"` });
      seen.add(ev.id);
    }
    const at = typeof ev.at === 'string' ? safeMs(ev.at) : undefined;
    if (at !== undefined) {
      const misplaced = order.get(i);
      if (misplaced) {
        out.push({ path: ['events', i, 'at'], code: 'event.order', message: misplaced });
      } else if (from !== undefined && at < from) {
        out.push({
          path: ['events', i, 'at'],
          code: 'event.before-period',
          message: `${String(ev.at)} is before the period begins (${String(period.from)})`,
        });
      } else if (to !== undefined && at > to + DAY_MS - 1) {
        out.push({
          path: ['events', i, 'at'],
          code: 'event.after-period',
          message: `${String(ev.at)} is after the period ends (${String(period.to)})`,
        });
      }
    }
    const sources = Array.isArray(ev.sources) ? ev.sources : [];
    if (s.kind === 'historical' && sources.length === 0) {
      out.push({
        path: ['events', i, 'sources'],
        code: 'source.required',
        message: 'a historical event needs at least one source',
      });
    }
    sources.forEach((src: unknown, j) => {
      if (checkSources && typeof src === 'string' && !known.includes(src)) {
        out.push({ path: ['events', i, 'sources', j], code: 'source.unknown', message: `unknown source id "${src}"` });
      }
    });
    const quoted = ev.quote?.source;
    if (checkSources && typeof quoted === 'string' && !known.includes(quoted)) {
      out.push({
        path: ['events', i, 'quote', 'source'],
        code: 'source.unknown',
        message: `unknown source id "${quoted}"`,
      });
    }
  });
  // The events a branch expects refused may be its base's: they are checked once it is resolved.
  if ((options.resolved || !s.extends) && Array.isArray(s.expectRefused)) {
    s.expectRefused.forEach((id: unknown, i) => {
      if (typeof id === 'string' && !seen.has(id)) {
        out.push({
          path: ['expectRefused', i],
          code: 'expect-refused.unknown',
          message: `"${id}" is not an event of this scenario${s.extends ? ' or the one it extends' : ''}`,
        });
      }
    });
  }
  // Teaching keyed to events names events of this scenario (a branch's may be its base's: checked once resolved).
  if ((options.resolved || !s.extends) && s.teaching && typeof s.teaching === 'object') {
    const t = s.teaching as { questions?: unknown; rolesAt?: unknown; glossary?: unknown };
    const unknown = (id: string) =>
      `"${id}" is not an event of this scenario${s.extends ? ' or the one it extends' : ''}`;
    if (t.questions && typeof t.questions === 'object') {
      for (const id of Object.keys(t.questions)) {
        if (!seen.has(id)) {
          out.push({ path: ['teaching', 'questions', id], code: 'teaching.unknown-event', message: unknown(id) });
        }
      }
    }
    if (Array.isArray(t.glossary)) {
      t.glossary.forEach((g: unknown, i) => {
        const at = g && typeof g === 'object' ? (g as { introducedAt?: unknown }).introducedAt : undefined;
        if (typeof at === 'string' && !seen.has(at)) {
          out.push({
            path: ['teaching', 'glossary', i, 'introducedAt'],
            code: 'teaching.unknown-event',
            message: unknown(at),
          });
        }
      });
    }
    if (typeof t.rolesAt === 'string' && !seen.has(t.rolesAt)) {
      out.push({ path: ['teaching', 'rolesAt'], code: 'teaching.unknown-event', message: unknown(t.rolesAt) });
    }
  }
  return out;
}

/** A day written without a time of day: on the day of the event before it, it means later that day. */
const BARE_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The instant each event takes effect, in file order: its own, except that a bare day (`2023-03-13`) on the same
 * UK day as the event before it follows that event, so same-day events need no invented times of day.
 */
export function effectiveInstants(events: readonly unknown[]): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  let previous: number | undefined;
  for (const e of events) {
    const at = e && typeof e === 'object' ? (e as { at?: unknown }).at : undefined;
    let ms = typeof at === 'string' ? safeMs(at) : undefined;
    if (ms !== undefined && previous !== undefined && typeof at === 'string' && BARE_DAY.test(at)) {
      if (ms < previous && formatDay(previous) === at) ms = previous;
    }
    out.push(ms);
    if (ms !== undefined) previous = ms;
  }
  return out;
}

/**
 * The events out of date order, and why, naming the event each conflicts with. The events that stay in order are
 * the longest run that never goes back in time, so one mistyped date is reported once, not at every event after it.
 */
function orderProblems(events: readonly unknown[]): Map<number, string> {
  const instants = effectiveInstants(events);
  const dated = instants.flatMap((ms, i) => (ms === undefined ? [] : [i]));
  // The longest run in date order, found by patience sorting from the last event back, so that of two runs as
  // long the one with the earlier events is kept (the first of two conflicting events is taken as right).
  // tails[k] is the event with the latest instant that starts a run of k + 1 events.
  const tails: number[] = [];
  const after = new Map<number, number | undefined>();
  for (const i of [...dated].reverse()) {
    const ms = instants[i] as number;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((instants[tails[mid] as number] as number) >= ms) lo = mid + 1;
      else hi = mid;
    }
    after.set(i, lo > 0 ? tails[lo - 1] : undefined);
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails[tails.length - 1]; i !== undefined; i = after.get(i)) kept.add(i);
  const out = new Map<number, string>();
  const label = (j: number): string => {
    const e = events[j] as { id?: unknown; at?: unknown };
    return `events[${j}]${typeof e.id === 'string' ? ` "${e.id}"` : ''} (${String(e.at)})`;
  };
  const keptList = [...kept].sort((a, b) => a - b);
  for (const i of dated) {
    if (kept.has(i)) continue;
    const at = String((events[i] as { at?: unknown }).at);
    const prev = keptList.filter((j) => j < i).at(-1);
    if (prev !== undefined && (instants[i] as number) < (instants[prev] as number)) {
      out.set(i, `${at} is earlier than ${label(prev)}, which comes before it`);
    } else {
      const next = keptList.find((j) => j > i);
      out.set(
        i,
        `${at} is later than ${next === undefined ? 'the events after it' : `${label(next)}, which comes after it`}`,
      );
    }
  }
  return out;
}

function safeMs(text: string): number | undefined {
  try {
    return parseInstant(text);
  } catch {
    return undefined;
  }
}
