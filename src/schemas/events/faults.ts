/**
 * What an event says of itself that cannot be true, whatever the dispute: more votes than voters, a strike that
 * ends before it starts. The event's schema reports each at its field (so `validate` gives file:line:col and a
 * code); the machine refuses an event with one (an event can reach it without the loader, from a page or a
 * library call), and quotes the same message.
 */
import type { z } from 'zod';
import { parseInstant } from '../../domain/time.js';

/** A fault in an event's own data: the field at fault (none for the event as a whole), a stable code and why. */
export interface EventFault {
  field?: string;
  code: string;
  message: string;
}

/** An event's own checks: the faults in its data, read defensively (the schema runs them on unchecked data too). */
export type FaultCheck = (event: Readonly<Record<string, unknown>>) => EventFault[];

/**
 * An event schema that also runs the event's own checks (`FAULT_CHECKS`, by its type), each fault a custom issue
 * at its field with its code. The checks run even when another field of the event is wrong, so one mistake does
 * not hide another.
 */
export function withOwnChecks<S extends z.ZodObject<{ type: z.ZodLiteral<string> }>>(schema: S): S {
  const check = FAULT_CHECKS[schema.shape.type.value];
  if (!check) throw new Error(`no own checks for ${schema.shape.type.value}`);
  return schema.superRefine(
    (event, ctx) => {
      if (!event || typeof event !== 'object') return;
      for (const f of check(event)) {
        ctx.addIssue({ code: 'custom', path: f.field ? [f.field] : [], message: f.message, params: { code: f.code } });
      }
    },
    { when: () => true },
  );
}

/** The faults in an event's own data, by the checks of its type; none for a type without checks. */
export function eventFaults(event: { type: string } & Readonly<Record<string, unknown>>): EventFault[] {
  return FAULT_CHECKS[event.type]?.(event) ?? [];
}

/** A number, if the value is one. */
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** An instant in ms, if the value is a valid one. */
export function ms(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  try {
    return parseInstant(v);
  } catch {
    return undefined;
  }
}

/** Counts of a vote that cannot be: more cast than entitled, more yes and no than cast. */
export function countFaults(e: Readonly<Record<string, unknown>>, subject: 'ballot' | 'referendum'): EventFault[] {
  const out: EventFault[] = [];
  const [entitled, cast, yes, no] = [num(e.entitled), num(e.cast), num(e.yes), num(e.no)];
  if (entitled !== undefined && cast !== undefined && cast > entitled) {
    out.push({
      field: 'cast',
      code: `${subject}.cast-over-entitled`,
      message: `${cast} votes cast, but only ${entitled} members were entitled to vote`,
    });
  }
  if (yes !== undefined && no !== undefined && cast !== undefined && yes + no > cast) {
    out.push({
      field: 'yes',
      code: `${subject}.votes-over-cast`,
      message: `${yes} yes and ${no} no make ${yes + no}, more than the ${cast} votes cast`,
    });
  }
  return out;
}

/** Two shares of one whole that add up to over 100%, reported at the second. */
export function shareFaults(e: Readonly<Record<string, unknown>>, a: string, b: string, code: string): EventFault[] {
  const [x, y] = [num(e[a]), num(e[b])];
  if (x === undefined || y === undefined || x + y <= 100 + 1e-9) return [];
  return [{ field: b, code, message: `${a} ${x}% and ${b} ${y}% add up to ${Number((x + y).toFixed(3))}%, over 100%` }];
}

/** An instant that must come after another of the same event (a close after the opening, an end after the start). */
export function orderFaults(
  e: Readonly<Record<string, unknown>>,
  first: string,
  then: string,
  code: string,
  message: string,
  sameAllowed = false,
): EventFault[] {
  const [a, b] = [ms(e[first]), ms(e[then])];
  return a !== undefined && b !== undefined && (sameAllowed ? b < a : b <= a) ? [{ field: then, code, message }] : [];
}

/** A strike's dates that cannot be: it ends before (or as) it starts. */
const datesInOrder: FaultCheck = (e) =>
  orderFaults(e, 'start', 'end', 'strike.ends-before-start', 'the strike ends before it starts');

/**
 * Each event type's own checks, in one table that needs no schema library: the schemas attach them
 * (`withOwnChecks`), and the machine asks them (`eventFaults`) for events that never met a schema.
 */
export const FAULT_CHECKS: Readonly<Record<string, FaultCheck>> = {
  'ballot.opened': (e) =>
    orderFaults(e, 'at', 'closes', 'ballot.closes-before-opens', 'the ballot closes before it opens'),
  'ballot.closed': (e) => [
    ...countFaults(e, 'ballot'),
    ...orderFaults(
      e,
      'at',
      'announced',
      'ballot.announced-before-close',
      'the result is announced before the ballot closes',
      true,
    ),
  ],
  'poll.published': (e) => shareFaults(e, 'supportPct', 'opposePct', 'poll.shares-over-100'),
  'referendum.opened': (e) =>
    e.offer === undefined && e.question === undefined
      ? [{ code: 'referendum.subject-required', message: 'a vote needs an offer or a question' }]
      : [],
  'referendum.closed': (e) => [
    ...countFaults(e, 'referendum'),
    ...shareFaults(e, 'yesPct', 'noPct', 'referendum.shares-over-100'),
  ],
  'strike.called': datesInOrder,
  'strike.rescheduled': datesInOrder,
};
