/** The world around a dispute: people in office, courts, polls and the law itself. */
import { z } from 'zod';
import { REGIME_IDS } from '../../domain/regimes.js';
import { eventOf, Id, Percent } from '../primitives.js';

/** Someone takes up an office that matters to the dispute (a health secretary, a committee chair). */
export const OfficeChanged = eventOf('office.changed', {
  role: z.string().min(1),
  holder: z.string().min(1),
});
/** An office changed hands. */
export type OfficeChanged = z.infer<typeof OfficeChanged>;

/** A legal challenge is filed. */
export const ChallengeFiled = eventOf('challenge.filed', {
  challenge: Id,
  by: z.string().min(1),
  summary: z.string().min(1),
});
/** A legal challenge was filed. */
export type ChallengeFiled = z.infer<typeof ChallengeFiled>;

/** A court decides a legal challenge. */
export const ChallengeDecided = eventOf('challenge.decided', {
  challenge: Id,
  result: z.enum(['upheld', 'dismissed', 'withdrawn', 'partly-upheld']),
  summary: z.string().min(1).optional(),
});
/** A legal challenge was decided. */
export type ChallengeDecided = z.infer<typeof ChallengeDecided>;

/** An opinion poll on the dispute is published. */
export const PollPublished = eventOf('poll.published', {
  pollster: z.string().min(1),
  supportPct: Percent,
  opposePct: Percent.optional(),
  question: z.string().min(1).optional(),
});
/** A poll was published. */
export type PollPublished = z.infer<typeof PollPublished>;

/** A new legal regime for industrial action takes effect. */
export const LawChanged = eventOf('law.changed', {
  regime: z.enum(REGIME_IDS),
});
/** The law changed. */
export type LawChanged = z.infer<typeof LawChanged>;
