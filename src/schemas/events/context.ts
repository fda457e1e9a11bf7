/** The world around a dispute: people in office, courts, polls and the law itself. */
import { z } from 'zod';
import { REGIME_IDS } from '../../domain/regimes.js';
import { eventOf, Id, Instant, Percent } from '../primitives.js';
import { withOwnChecks } from './faults.js';

/** Someone takes up an office that matters to the dispute (a health secretary, a committee chair). */
export const OfficeChanged = eventOf(
  'office.changed',
  'Someone takes up an office that matters to the dispute, such as health secretary or a committee chair.',
  {
    role: z
      .string()
      .min(1)
      .describe('The office, e.g. "Secretary of State for Health"; its new holder replaces the last.'),
    holder: z.string().min(1).describe('Who holds the office from now on.'),
  },
);
/** An office changed hands. */
export type OfficeChanged = z.infer<typeof OfficeChanged>;

/** A legal challenge is filed. */
export const ChallengeFiled = eventOf(
  'challenge.filed',
  'A legal challenge is filed, such as a judicial review of imposed terms.',
  {
    challenge: Id.describe('A name for this challenge, which its challenge.decided event repeats.'),
    by: z.string().min(1).describe('Who brings the challenge, e.g. "Justice for Health".'),
    summary: z.string().min(1).describe('What the challenge argues, in a few words.'),
  },
);
/** A legal challenge was filed. */
export type ChallengeFiled = z.infer<typeof ChallengeFiled>;

/** A strike a court stops or shortens. */
export const CourtStrikeOrder = z
  .strictObject({
    action: Id.describe('The strike, named as when it was called; it must be called or under way.'),
    endsAt: Instant.optional().describe(
      'The strike may run only until then; without it, the court stops the strike altogether.',
    ),
  })
  .describe('A strike the court stops, or cuts short at an instant.');

/** A court decides a legal challenge, and what it orders, which the machine applies. */
export const ChallengeDecided = withOwnChecks(
  eventOf(
    'challenge.decided',
    'A court decides a legal challenge; an upheld challenge can end the mandate or stop or shorten named strikes, and the machine applies it.',
    {
      challenge: Id.describe('The challenge decided, named as in its challenge.filed event.'),
      result: z
        .enum(['upheld', 'dismissed', 'withdrawn', 'partly-upheld'])
        .describe('What became of the challenge: upheld, dismissed, withdrawn or partly-upheld.'),
      summary: z.string().min(1).optional().describe('What the court decided and why, in a few words.'),
      mandateEnds: Instant.optional().describe(
        'The court declares the mandate ends then (the High Court: the RCN’s at 23:59 on 1 May 2023): it ends there, and any strike running past it is cut at it.',
      ),
      strikes: z
        .array(CourtStrikeOrder)
        .min(1)
        .optional()
        .describe(
          'Strikes the court stops or cuts short, by name (an injunction, a declaration that action is unlawful).',
        ),
    },
  ),
);
/** A legal challenge was decided. */
export type ChallengeDecided = z.infer<typeof ChallengeDecided>;

/** An opinion poll on the dispute is published; support and opposition add up to at most 100%. */
export const PollPublished = withOwnChecks(
  eventOf('poll.published', 'An opinion poll on the dispute is published; it is recorded but moves no state.', {
    pollster: z.string().min(1).describe('Who ran the poll and for whom, e.g. "Ipsos MORI for BBC Newsnight".'),
    supportPct: Percent.describe('Respondents supporting the action asked about, in per cent.'),
    opposePct: Percent.optional().describe('Respondents opposing it, in per cent.'),
    question: z.string().min(1).optional().describe('The question as the pollster put it.'),
  }),
);
/** A poll was published. */
export type PollPublished = z.infer<typeof PollPublished>;

/** A new legal regime for industrial action takes effect. */
export const LawChanged = eventOf(
  'law.changed',
  'A new legal regime for industrial action takes effect; ballots opened and notices given from then on follow it.',
  {
    at: Instant.describe('When the new regime took effect; by the law’s own dates it must be in force on this day.'),
    regime: z.enum(REGIME_IDS).describe('The regime now in force: tulrca-1992, tua-2016 or era-2025.'),
  },
);
/** The law changed. */
export type LawChanged = z.infer<typeof LawChanged>;
