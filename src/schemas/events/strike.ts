/** Industrial action: strikes called, changed, suspended and called off. */
import { z } from 'zod';
import { eventOf, Id, Instant } from '../primitives.js';

/** What the action withdraws: all labour, or everything but emergency care. */
export const StrikeScope = z.enum(['full-walkout', 'emergency-care-only']);
/** The scope of a strike. */
export type StrikeScope = z.infer<typeof StrikeScope>;

/** The union gives notice of a strike from `start` to `end`. */
export const StrikeCalled = eventOf('strike.called', {
  action: Id,
  start: Instant,
  end: Instant,
  scope: StrikeScope,
  /** Daily hours, where the action runs only part of each day, e.g. "08:00-17:00". */
  hours: z
    .string()
    .regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'write daily hours like 08:00-17:00')
    .optional(),
});
/** A strike was called. */
export type StrikeCalled = z.infer<typeof StrikeCalled>;

/** A called strike is moved to new dates (with fresh notice). */
export const StrikeRescheduled = eventOf('strike.rescheduled', {
  action: Id,
  start: Instant,
  end: Instant,
});
/** A strike was rescheduled. */
export type StrikeRescheduled = z.infer<typeof StrikeRescheduled>;

/** A called strike changes scope (e.g. from emergency care only to a full walkout). */
export const StrikeRescoped = eventOf('strike.rescoped', {
  action: Id,
  scope: StrikeScope,
});
/** A strike's scope changed. */
export type StrikeRescoped = z.infer<typeof StrikeRescoped>;

/** A called strike is suspended (postponed, perhaps to be called again). */
export const StrikeSuspended = eventOf('strike.suspended', { action: Id });
/** A strike was suspended. */
export type StrikeSuspended = z.infer<typeof StrikeSuspended>;

/** A called strike is called off for good. */
export const StrikeCancelled = eventOf('strike.cancelled', { action: Id });
/** A strike was called off. */
export type StrikeCancelled = z.infer<typeof StrikeCancelled>;

/** The effect of a strike, as reported (appointments rescheduled, staff absent). */
export const ImpactReported = eventOf('impact.reported', {
  action: Id,
  appointmentsRescheduled: z.number().int().nonnegative().optional(),
  staffAbsentPeak: z.number().int().nonnegative().optional(),
  /** What the report says, in a few words, where it gives no count. */
  summary: z.string().min(1).optional(),
  by: z.string().min(1),
});
/** An impact was reported. */
export type ImpactReported = z.infer<typeof ImpactReported>;
