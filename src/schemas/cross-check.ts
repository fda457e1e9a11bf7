/**
 * The rules of a scenario that span its fields: a counterfactual's base, unique event ids, events in date order and
 * within the period, known source ids, sources on every historical event. Plain code on unchecked data, with no
 * schema library, so the loader runs it on a file with other errors and a branch is merged without zod.
 */
import { DAY_MS, parseInstant } from '../domain/time.js';

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
    if (s.kind === 'historical' && s.extends) {
      out.push({ path: ['extends'], code: 'extends.historical', message: 'a historical scenario stands alone' });
    }
  }
  const known = s.sources && typeof s.sources === 'object' ? Object.keys(s.sources) : [];
  // An unresolved branch may cite its base's sources; they are checked once it is resolved.
  const checkSources = options.resolved || !s.extends;
  const seen = new Set<string>();
  let last = Number.NEGATIVE_INFINITY;
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
      if (at < last) {
        out.push({
          path: ['events', i, 'at'],
          code: 'event.order',
          message: `${String(ev.at)} is earlier than the event before it`,
        });
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
      last = Math.max(last, at);
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
  return out;
}

function safeMs(text: string): number | undefined {
  try {
    return parseInstant(text);
  } catch {
    return undefined;
  }
}
