/** Building blocks shared by the event, scenario and trace schemas. */
import { z } from 'zod';
import { instantProblem } from '../domain/time.js';

/** An instant: an ISO 8601 date (midnight UK local) or a UK local date-time such as `2023-03-13T07:00`. */
export const Instant = z
  .string()
  .superRefine((text, ctx) => {
    const problem = instantProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({
    description: 'A date (2023-03-13) or a UK local date-time (2023-03-13T07:00)',
    examples: ['2023-03-13T07:00'],
  });
/** An instant as written. */
export type Instant = z.infer<typeof Instant>;

/** An identifier written in a scenario: letters, digits, dots, dashes and underscores. */
export const Id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'use letters, digits, dots, dashes and underscores, e.g. strike-2023-03');
/** An identifier. */
export type Id = z.infer<typeof Id>;

/** A whole number of people or things, never negative. */
export const Count = z.number().int('must be a whole number').nonnegative('cannot be negative');
/** A count. */
export type Count = z.infer<typeof Count>;

/** A percentage from 0 to 100. */
export const Percent = z.number().min(0, 'a percentage cannot be negative').max(100, 'a percentage is at most 100');
/** A percentage. */
export type Percent = z.infer<typeof Percent>;

/** The shape every dispute event shares: its type and its instant. */
export function eventOf<T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.strictObject({ type: z.literal(type), at: Instant, ...shape });
}
