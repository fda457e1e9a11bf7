/** What every record update shares: the patch type, the record's clock, and small helpers. */
import { formatInstant, parseInstant } from '../../domain/time.js';
import type { DisputeEvent, EventOf } from '../../schemas/events/index.js';
import type { ActionRecord, OfferRecord } from '../../schemas/record.js';
import type { DisputeContext } from '../context.js';
import { updatedById } from '../lists.js';

/** The parts of a context that an event changes: whole groups of the record, or its clock. */
export type ContextPatch = Partial<DisputeContext>;

/** The groups of the record (every top-level field but the clock). */
export type Group = Exclude<keyof DisputeContext, 'now'>;

/** A patch changing some facts of one group of the record, keeping the rest of it. */
export function changed<G extends Group>(context: DisputeContext, group: G, facts: Partial<DisputeContext[G]>) {
  return { [group]: { ...context[group], ...facts } } as { [K in G]: DisputeContext[G] };
}

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
  return updatedById(context.negotiation.offers, id, (o) => ({ ...o, ...change }));
}

/** The actions with one of them changed. */
export function updateAction(
  context: DisputeContext,
  id: string,
  change: (a: ActionRecord) => ActionRecord,
): ActionRecord[] {
  return updatedById(context.action.actions, id, change);
}

/** The record of a declared dispute. */
export function recordDeclared(context: DisputeContext, event: EventOf<'dispute.declared'>): ContextPatch {
  return changed(context, 'dispute', { declaredAt: iso(event.at), union: event.by, claim: event.claim });
}

/** The record of the dispute's end. */
export function recordEnded(context: DisputeContext, event: DisputeEvent): ContextPatch {
  return changed(context, 'dispute', { endedAt: iso(event.at) });
}
