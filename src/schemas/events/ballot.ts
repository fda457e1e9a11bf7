/** Statutory ballots for industrial action and the mandates they give. */
import { z } from 'zod';
import { Count, eventOf, Id, Instant } from '../primitives.js';

/** A statutory ballot for industrial action opens. */
export const BallotOpened = eventOf('ballot.opened', {
  ballot: Id,
  closes: Instant.optional(),
  /** Who is balloted, e.g. "BMA resident doctor members in England". */
  constituency: z.string().min(1).optional(),
  /**
   * A ballot of members the main mandate does not cover (e.g. new starters): its mandate runs alongside the
   * main one and neither replaces nor renews it.
   */
  supplementary: z.boolean().optional(),
});
/** A ballot opened. */
export type BallotOpened = z.infer<typeof BallotOpened>;

/** A ballot closes with its result. */
export const BallotClosed = eventOf('ballot.closed', {
  ballot: Id,
  entitled: Count,
  cast: Count,
  yes: Count,
  no: Count,
});
/** A ballot closed. */
export type BallotClosed = z.infer<typeof BallotClosed>;

/** The employer agrees to extend the mandate (or, before 2017, the window in which action must start). */
export const MandateExtended = eventOf('mandate.extended', {
  until: Instant,
});
/** The mandate was extended by agreement. */
export type MandateExtended = z.infer<typeof MandateExtended>;

/** The union gives up its mandate. */
export const MandateRelinquished = eventOf('mandate.relinquished', {});
/** The mandate was given up. */
export type MandateRelinquished = z.infer<typeof MandateRelinquished>;
