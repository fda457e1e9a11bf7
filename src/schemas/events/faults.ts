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
        ctx.addIssue({ code: 'custom', path: fieldPath(f.field), message: f.message, params: { code: f.code } });
      }
    },
    { when: () => true },
  );
}

/** A fault's field as a schema path: `scopeChanges.1.from` is ['scopeChanges', 1, 'from']. */
const fieldPath = (field: string | undefined): (string | number)[] =>
  field ? field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : [];

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

/** The figures a ballot run constituency by constituency cannot have: national totals, more met than balloted. */
function constituencyFaults(e: Readonly<Record<string, unknown>>): EventFault[] {
  const c = e.constituencies;
  if (!c || typeof c !== 'object') return [];
  const out: EventFault[] = [];
  for (const field of ['entitled', 'cast', 'yes', 'no', 'turnoutPct', 'yesPct']) {
    if (e[field] !== undefined) {
      out.push({
        field,
        code: 'ballot.totals-with-constituencies',
        message: `a ballot run constituency by constituency has no national ${field}: give only the constituencies that met the thresholds`,
      });
    }
  }
  const { met, balloted } = c as { met?: unknown; balloted?: unknown };
  const [m, b] = [num(met), num(balloted)];
  if (m !== undefined && b !== undefined && m > b) {
    out.push({
      field: 'constituencies.met',
      code: 'ballot.met-over-balloted',
      message: `the thresholds were met at ${m} constituencies, but only ${b} were balloted`,
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
 * What a member vote's published figures decide: yes if more voted yes than no (a tie rejects), or from one share
 * alone where it is a majority of votes cast (83% yes, 51.1% no); undefined where they decide nothing.
 */
export function sharesDecide(e: Readonly<Record<string, unknown>>): 'yes' | 'no' | undefined {
  const [yes, no] = [num(e.yesPct), num(e.noPct)];
  if (yes !== undefined && no !== undefined) return yes > no ? 'yes' : 'no';
  if (yes !== undefined && yes > 50) return 'yes';
  if (no !== undefined && no > 50) return 'no';
  return undefined;
}

/** A member vote's result: as its shares decide it, else as announced. */
export function memberVoteResult(e: Readonly<Record<string, unknown>>): 'yes' | 'no' {
  return sharesDecide(e) ?? (e.result === 'yes' ? 'yes' : 'no');
}

/** A member vote whose figures decide nothing and has no announced result, or whose result they contradict. */
function voteResultFaults(e: Readonly<Record<string, unknown>>): EventFault[] {
  const decided = sharesDecide(e);
  if (decided === undefined && e.result === undefined) {
    return [
      {
        field: e.yesPct !== undefined ? 'yesPct' : e.noPct !== undefined ? 'noPct' : '',
        code: 'referendum.result-required',
        message: 'the shares given do not decide the vote: give both, or the result as announced (result: yes or no)',
      },
    ];
  }
  if (decided !== undefined && (e.result === 'yes' || e.result === 'no') && e.result !== decided) {
    return [
      {
        field: 'result',
        code: 'referendum.result-contradicts',
        message: `the shares say ${decided}, but the result says ${String(e.result)}`,
      },
    ];
  }
  return [];
}

/** A call's changes of scope that cannot be: outside the strike, or out of order. */
const scopeChangeFaults: FaultCheck = (e) => {
  if (!Array.isArray(e.scopeChanges)) return [];
  const [start, end] = [ms(e.start), ms(e.end)];
  let last = start;
  const out: EventFault[] = [];
  e.scopeChanges.forEach((change: unknown, i: number) => {
    const from = ms((change as { from?: unknown } | null)?.from);
    if (from === undefined) return;
    if ((last !== undefined && from <= last) || (end !== undefined && from >= end)) {
      out.push({
        field: `scopeChanges.${i}.from`,
        code: 'strike.scope-change-outside',
        message:
          i > 0
            ? 'a change of scope must come after the one before it and before the strike ends'
            : 'a change of scope must come after the strike starts and before it ends',
      });
    }
    last = from;
  });
  return out;
};

/**
 * Each event type's own checks, in one table that needs no schema library: the schemas attach them
 * (`withOwnChecks`), and the machine asks them (`eventFaults`) for events that never met a schema.
 */
export const FAULT_CHECKS: Readonly<Record<string, FaultCheck>> = {
  'ballot.opened': (e) =>
    orderFaults(e, 'at', 'closes', 'ballot.closes-before-opens', 'the ballot closes before it opens'),
  'ballot.closed': (e) => [
    ...countFaults(e, 'ballot'),
    ...constituencyFaults(e),
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
    ...voteResultFaults(e),
  ],
  'strike.called': (e) => [...datesInOrder(e), ...scopeChangeFaults(e)],
  'challenge.decided': (e) =>
    (e.mandateEnds !== undefined || e.strikes !== undefined) && (e.result === 'dismissed' || e.result === 'withdrawn')
      ? [
          {
            field: e.mandateEnds !== undefined ? 'mandateEnds' : 'strikes',
            code: 'challenge.orders-need-upheld',
            message: `a ${String(e.result)} challenge orders nothing: only an upheld or partly-upheld one can end a mandate or stop a strike`,
          },
        ]
      : [],
  'strike.rescheduled': datesInOrder,
};
