/** Statutory ballots for industrial action and the mandates they give. */
import { z } from 'zod';
import { Count, eventOf, Id, Instant } from '../primitives.js';
import { withOwnChecks } from './faults.js';

/** A statutory ballot for industrial action opens; it cannot close before it opens. */
export const BallotOpened = withOwnChecks(
  eventOf(
    'ballot.opened',
    'A statutory ballot for industrial action opens; the law in force that day sets its thresholds and mandate.',
    {
      at: Instant.describe(
        'When voting opens; the legal regime in force that day judges the ballot, unless the scenario fixes its rules.',
      ),
      ballot: Id.describe('A name for this ballot, which its ballot.closed event repeats, e.g. ballot-2022.'),
      closes: Instant.optional().describe('When the ballot is due to close, if announced; it must be after it opens.'),
      /** Who is balloted, e.g. "BMA resident doctor members in England". */
      constituency: z
        .string()
        .min(1)
        .optional()
        .describe('Who is balloted, e.g. "BMA resident doctor members in England".'),
      /**
       * A ballot of members the main mandate does not cover (e.g. new starters): its mandate runs alongside the
       * main one and neither replaces nor renews it.
       */
      supplementary: z
        .boolean()
        .optional()
        .describe(
          'True for a ballot of members the main mandate does not cover, such as new starters: its mandate runs alongside the main one and never renews it.',
        ),
    },
  ),
);
/** A ballot opened. */
export type BallotOpened = z.infer<typeof BallotOpened>;

/** A ballot closes with its result: no more votes cast than members entitled, no more yes and no than votes cast. */
export const BallotClosed = withOwnChecks(
  eventOf(
    'ballot.closed',
    'A ballot closes with its result, which gives a mandate for action if it clears the thresholds of its regime.',
    {
      at: Instant.describe('When the ballot closed; a mandate it gives is counted from this day.'),
      ballot: Id.describe('The ballot that closes, named as in its ballot.opened event.'),
      entitled: Count.describe(
        'Members entitled to vote in the ballot; turnout and the 40% support threshold are measured against them.',
      ),
      cast: Count.describe('Votes cast in the ballot; turnout is this number over the members entitled.'),
      yes: Count.describe('Votes for industrial action.'),
      no: Count.describe('Votes against industrial action.'),
      announced: Instant.optional().describe(
        'When the result was made public, where that was after the close (the RCN closed on 2 Nov 2022 and announced on 9 Nov); the mandate still runs from the close.',
      ),
    },
  ),
);
/** A ballot closed. */
export type BallotClosed = z.infer<typeof BallotClosed>;

/** The employer agrees to extend the mandate (or, before 2017, the window in which action must start). */
export const MandateExtended = eventOf(
  'mandate.extended',
  'The employer agrees to extend the mandate (or, before March 2017, the window in which action must begin).',
  {
    until: Instant.describe(
      'The new end of the mandate (or of the window to begin action): the 2016 Act allows up to 9 months from the ballot’s close, the 2025 Act no extension.',
    ),
  },
);
/** The mandate was extended by agreement. */
export type MandateExtended = z.infer<typeof MandateExtended>;

/** The union gives up its mandate. */
export const MandateRelinquished = eventOf(
  'mandate.relinquished',
  'The union gives up its mandate, once no strike is running or still called.',
  {},
);
/** The mandate was given up. */
export type MandateRelinquished = z.infer<typeof MandateRelinquished>;
