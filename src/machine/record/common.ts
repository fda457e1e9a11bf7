/** What every record update shares: the patch type, the record's clock, and small helpers. */
import { formatInstant, parseInstant } from '../../domain/time.js';
import type { DisputeEvent, EventOf } from '../../schemas/events/index.js';
import type { ActionRecord, DisputeContext, OfferRecord } from '../context.js';

/** The parts of a context that an event changes. */
export type ContextPatch = Partial<DisputeContext>;

/** An instant as the record writes it: ISO 8601 in UK local time with its offset. */
export const iso = (text: string): string => formatInstant(parseInstant(text));

/** A share (0–1) as a percentage to one decimal place. */
export const round1 = (x: number): number => Math.round(x * 1000) / 10;

/** Moves the clock of the record to an instant, never backwards. */
export function advanceNow(context: DisputeContext, at: string): ContextPatch {
  const next = iso(at);
  return parseInstant(next) > parseInstant(context.now) ? { now: next } : {};
}

/** The fields of an object that are set, for `exactOptionalPropertyTypes`. */
export function optional<T extends object>(fields: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  const out = {} as { [K in keyof T]: Exclude<T[K], undefined> };
  for (const [k, v] of Object.entries(fields)) {
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** The offers with one of them changed. */
export function updateOffer(context: DisputeContext, id: string, change: Partial<OfferRecord>): OfferRecord[] {
  return context.offers.map((o) => (o.id === id ? { ...o, ...change } : o));
}

/** The actions with one of them changed. */
export function updateAction(context: DisputeContext, id: string, change: (a: ActionRecord) => ActionRecord) {
  return context.actions.map((a) => (a.id === id ? change(a) : a));
}

/** The record of a declared dispute. */
export function recordDeclared(_context: DisputeContext, event: EventOf<'dispute.declared'>): ContextPatch {
  return { declaredAt: iso(event.at), union: event.by, claim: event.claim };
}

/** The record of the dispute's end. */
export function recordEnded(_context: DisputeContext, event: DisputeEvent): ContextPatch {
  return { endedAt: iso(event.at) };
}
