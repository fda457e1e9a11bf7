/** Industrial action: strikes called, changed, suspended and called off. */
import { z } from 'zod';
import { Count, eventOf, Id, Instant } from '../primitives.js';
import { withOwnChecks } from './faults.js';

/** What the action withdraws: all labour, or everything but emergency care. */
export const StrikeScope = z.enum(['full-walkout', 'emergency-care-only']);
/** The scope of a strike. */
export type StrikeScope = z.infer<typeof StrikeScope>;

/** How many employers' staff take part in a strike, as reported. */
export const StrikeEmployers = z
  .strictObject({
    count: Count.describe('How many employers take part, as reported.'),
    kind: z.string().min(1).describe('What they are, in the plural as the count reads, e.g. "NHS trusts".'),
  })
  .describe(
    'How many employers’ staff take part, where not every employer is called (the RCN called 44 trusts in December 2022); at most the constituencies the mandate covers.',
  );

/** A change of scope at an instant inside a strike, declared in its call. */
export const ScopeChange = z
  .strictObject({
    from: Instant.describe('When the new scope begins: after the start and before the end.'),
    scope: StrikeScope.describe('The scope from then on.'),
  })
  .describe('The scope from an instant inside the strike, as the call declared it.');

/** The union gives notice of a strike from `start` to a later `end`. */
export const StrikeCalled = withOwnChecks(
  eventOf(
    'strike.called',
    'The union gives notice of industrial action from start to end, under a live mandate and with the notice the law asks.',
    {
      at: Instant.describe(
        'When the action was called (announced); notice is counted from here unless noticeServed says otherwise.',
      ),
      noticeServed: Instant.optional().describe(
        'When the notice reached the employers, where that differs from the announcement; the law counts notice from it.',
      ),
      action: Id.describe('A name for this period of action, which later events about it repeat, e.g. strike-2023-03.'),
      start: Instant.describe('When the action begins, in UK local time; the strike starts by itself at this instant.'),
      end: Instant.describe('When the action ends; it must come after the start and before the mandate expires.'),
      scope: StrikeScope.describe(
        'What is withdrawn: full-walkout (all work) or emergency-care-only (all but emergency care).',
      ),
      /** Daily hours, where the action runs only part of each day, e.g. "08:00-17:00". */
      hours: z
        .string()
        .regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'write daily hours like 08:00-17:00')
        .optional()
        .describe('Daily hours, where the action runs only part of each day, e.g. "08:00-17:00".'),
      scopeChanges: z
        .array(ScopeChange)
        .min(1)
        .optional()
        .describe(
          'Where the call declares the scope changing during the strike (20 Sep 2023 under Christmas Day cover, 21 Sep on a full walkout): each new scope and when it begins, in order.',
        ),
      employers: StrikeEmployers.optional(),
      derogations: z
        .string()
        .min(1)
        .optional()
        .describe(
          'What is exempted from the action (services kept running, agreed nationally or locally), in a few words.',
        ),
      mandateEndArgued: Instant.optional().describe(
        'Where the union counted its mandate to end later than the law as a court later read it (the RCN called action to 2 May 2023, arguing its mandate ran to the end of that day): the end as argued, at most a day after the statutory count. The call is accepted as made; a court’s decision (challenge.decided with mandateEnds) does the cutting.',
      ),
    },
  ),
);
/** A strike was called. */
export type StrikeCalled = z.infer<typeof StrikeCalled>;

/** A called strike is moved to new dates (with fresh notice), the end after the start. */
export const StrikeRescheduled = withOwnChecks(
  eventOf('strike.rescheduled', 'A called strike that has not begun is moved to new dates, with fresh notice.', {
    at: Instant.describe(
      'When the new dates were announced; notice for them is counted from here, or from noticeServed.',
    ),
    noticeServed: Instant.optional().describe(
      'When notice of the new dates reached the employers, if not on the announcement.',
    ),
    action: Id.describe('The strike moved, named as when it was called.'),
    start: Instant.describe('The new start of the action.'),
    end: Instant.describe('The new end of the action.'),
  }),
);
/** A strike was rescheduled. */
export type StrikeRescheduled = z.infer<typeof StrikeRescheduled>;

/** A called strike changes scope (e.g. from emergency care only to a full walkout). */
export const StrikeRescoped = eventOf(
  'strike.rescoped',
  'A called or running strike changes scope, e.g. from emergency care only to a full walkout.',
  {
    action: Id.describe('The strike whose scope changes, named as when it was called.'),
    scope: StrikeScope.describe('The new scope: full-walkout or emergency-care-only.'),
  },
);
/** A strike's scope changed. */
export type StrikeRescoped = z.infer<typeof StrikeRescoped>;

/** A called strike is suspended (postponed, perhaps to be called again). */
export const StrikeSuspended = eventOf(
  'strike.suspended',
  'A called strike is suspended (postponed, perhaps to be called again); a running one is cut short.',
  { action: Id.describe('The strike suspended, named as when it was called.') },
);
/** A strike was suspended. */
export type StrikeSuspended = z.infer<typeof StrikeSuspended>;

/** A called strike is called off for good. */
export const StrikeCancelled = eventOf(
  'strike.cancelled',
  'A called strike is called off for good; a running one is cut short.',
  { action: Id.describe('The strike called off, named as when it was called.') },
);
/** A strike was called off. */
export type StrikeCancelled = z.infer<typeof StrikeCancelled>;

/** The effect of a strike, as reported (appointments rescheduled, staff absent). */
export const ImpactReported = eventOf(
  'impact.reported',
  'The effect of a strike that went ahead, as reported; a later report adds to and corrects an earlier one.',
  {
    action: Id.describe('The strike the report is about; it must have begun.'),
    appointmentsRescheduled: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe('Appointments and operations rescheduled because of the strike.'),
    staffAbsentPeak: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe('The most staff absent on any one day of the strike.'),
    /** What the report says, in a few words, where it gives no count. */
    summary: z.string().min(1).optional().describe('What the report says, in a few words, where it gives no count.'),
    by: z.string().min(1).describe('Who published the figures, e.g. "NHS England".'),
  },
);
/** An impact was reported. */
export type ImpactReported = z.infer<typeof ImpactReported>;
