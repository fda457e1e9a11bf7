/** Statutory ballots for industrial action and the mandates they give. */
import { z } from 'zod';
import { Count, eventOf, Id, Instant, Percent } from '../primitives.js';
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

/** A disaggregated ballot's result: how many of its constituencies (employers) met every threshold. */
export const BallotConstituencies = z
  .strictObject({
    met: Count.describe('Constituencies where every threshold was met; the mandate covers these and no others.'),
    balloted: Count.optional().describe('Constituencies balloted in all, only if the number was published.'),
    unit: z
      .string()
      .min(1)
      .describe('What a constituency is, in the plural as the count reads, e.g. "NHS organisations in England".'),
  })
  .describe(
    'A ballot run employer by employer, where the thresholds apply at each and no national totals exist (the RCN in 2022): how many constituencies met them.',
  );

/**
 * A ballot closes with its result, in the figures that were published: counts, shares, or for a ballot run
 * employer by employer the number of constituencies that met the thresholds; the announced result where the
 * figures cannot decide it. No more votes cast than members entitled, no more yes and no than votes cast.
 */
export const BallotClosed = withOwnChecks(
  eventOf(
    'ballot.closed',
    'A ballot closes with its result, which gives a mandate for action if it clears the thresholds of its regime. Give the figures as published, never derived ones.',
    {
      at: Instant.describe('When the ballot closed; a mandate it gives is counted from this day.'),
      ballot: Id.describe('The ballot that closes, named as in its ballot.opened event.'),
      entitled: Count.optional().describe(
        'Members entitled to vote, if published; turnout and the 40% support threshold are measured against them.',
      ),
      cast: Count.optional().describe('Votes cast, if published; turnout is this number over the members entitled.'),
      yes: Count.optional().describe('Votes for industrial action, if published.'),
      no: Count.optional().describe('Votes against industrial action, if published.'),
      turnoutPct: Percent.optional().describe(
        'Turnout as published, in per cent of the members entitled; used where the counts do not give it.',
      ),
      yesPct: Percent.optional().describe(
        'Yes votes as published, in per cent of votes cast; used where the counts do not give it.',
      ),
      result: z
        .enum(['mandate', 'no-mandate'])
        .optional()
        .describe(
          'The result as announced: needed where the figures published cannot decide every threshold (none were published, say), and checked against them where they can.',
        ),
      constituencies: BallotConstituencies.optional(),
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
