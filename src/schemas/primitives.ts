/** Building blocks shared by the event, scenario and trace schemas. */
import { z } from 'zod';
import { instantProblem } from '../domain/time.js';

const YEAR = '[1-9]\\d{3}';
const LEAP_YEAR = '(?:[1-9]\\d(?:0[48]|[2468][048]|[13579][26])|(?:1[26]|[2468][048]|[3579][26])00)';
const MONTH_DAY = '(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)';
const TIME = '(?:[T ](?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?(?:\\.\\d+)?)?';
const OFFSET = '(?:Z|[+-](?:(?:0\\d|1[0-3]):[0-5]\\d|14:00))?';

/**
 * What an instant looks like, as one regular expression: the forms `instantProblem` accepts (a real calendar day
 * of the years 1000–9999, an optional time of day and UTC offset), so an editor can check dates as the loader does.
 */
export const INSTANT_PATTERN = new RegExp(`^(?:${YEAR}-${MONTH_DAY}|${LEAP_YEAR}-02-29)${TIME}${OFFSET}$`);

/** An instant: an ISO 8601 date (midnight UK local) or a UK local date-time such as `2023-03-13T07:00`. */
export const Instant = z
  .string()
  .superRefine((text, ctx) => {
    const problem = instantProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { code: 'field.instant' } });
  })
  .meta({
    description:
      'A day (2023-03-13, meaning midnight) or a time of day (2023-03-13T07:00), in UK local time unless it ends with an offset such as +01:00 or Z.',
    examples: ['2023-03-13', '2023-03-13T07:00'],
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

/** When an event happened, unless its schema says more about what its instant means. */
const EventInstant = Instant.describe('When it happened, in UK local time; events are listed in this order.');

/**
 * The shape every dispute event shares, its type and its instant, and what the event means (shown by editors).
 * An event whose instant means something more (notice given, the day a law took effect) passes its own `at`.
 */
export function eventOf<T extends string, S extends z.ZodRawShape>(type: T, description: string, shape: S) {
  return z.strictObject({ type: z.literal(type), at: EventInstant, ...shape }).describe(description);
}
