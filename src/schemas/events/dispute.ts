/** Events that open and close a dispute as a whole. */
import { z } from 'zod';
import { eventOf, Percent } from '../primitives.js';

/** A price index a pay claim can be pegged to. */
export const PriceIndex = z.enum(['RPI', 'CPI', 'CPIH']);

/**
 * The union's claim: what it asks for, in words and, where the claim is one, as a percentage. A claim pegged to
 * inflation (RPI + 5%) or to restoring pay lost since a year is written as such; no percentage is invented for it.
 */
export const Claim = z.strictObject({
  summary: z.string().min(1).describe('The claim in a few words, e.g. "full pay restoration to 2008/09 levels".'),
  payRestorationPct: Percent.optional().describe(
    'The pay rise claimed, in per cent, where the claim is (or the sources put it as) one figure; offers and awards are charted against it.',
  ),
  indexPlus: z
    .strictObject({
      index: PriceIndex.describe('The price index the claim is pegged to.'),
      plusPct: z.number().min(0).max(100).describe('The margin above the index, in percentage points.'),
    })
    .optional()
    .describe('A claim pegged to inflation, e.g. the RCN’s 2022 claim of RPI + 5%: { index: RPI, plusPct: 5 }.'),
  restorationSince: z
    .string()
    .min(4)
    .optional()
    .describe('A claim to restore pay lost since a year, e.g. "2008/09" for full pay restoration.'),
});
/** The union's claim. */
export type Claim = z.infer<typeof Claim>;

/** The union declares a trade dispute (for the BMA: the committee votes to ballot), stating its claim. */
export const DisputeDeclared = eventOf(
  'dispute.declared',
  'The union declares a trade dispute and states its claim; for the BMA, its committee votes to ballot.',
  {
    by: z.string().min(1).describe('The union that declares the dispute, e.g. "BMA".'),
    claim: Claim.describe('What the union asks for: in words, and as a percentage where it is pay.'),
  },
);
/** The dispute was declared. */
export type DisputeDeclared = z.infer<typeof DisputeDeclared>;

/** The dispute ends without a deal: by imposed terms, or abandoned. */
export const DisputeEnded = eventOf(
  'dispute.ended',
  'The dispute ends without a deal: as imposed if imposed terms are in force, otherwise as abandoned.',
  {
    summary: z.string().min(1).optional().describe('How the dispute ended, in a few words.'),
  },
);
/** The dispute ended. */
export type DisputeEnded = z.infer<typeof DisputeEnded>;
