/** Events that open and close a dispute as a whole. */
import { z } from 'zod';
import { eventOf, Percent } from '../primitives.js';

/** The union's claim: what it asks for, in words and (where it is pay) as a percentage. */
export const Claim = z.strictObject({
  summary: z.string().min(1),
  payRestorationPct: Percent.optional(),
});
/** The union's claim. */
export type Claim = z.infer<typeof Claim>;

/** The union declares a trade dispute (for the BMA: the committee votes to ballot), stating its claim. */
export const DisputeDeclared = eventOf('dispute.declared', {
  by: z.string().min(1),
  claim: Claim,
});
/** The dispute was declared. */
export type DisputeDeclared = z.infer<typeof DisputeDeclared>;

/** The dispute ends without a deal: by imposed terms, or abandoned. */
export const DisputeEnded = eventOf('dispute.ended', {
  summary: z.string().min(1).optional(),
});
/** The dispute ended. */
export type DisputeEnded = z.infer<typeof DisputeEnded>;
