/** Offers, their fate with the committee and the members, and member votes on them. */
import { z } from 'zod';
import { Count, eventOf, Id, Instant, Percent } from '../primitives.js';

/** The terms of an offer or an award. */
export const Terms = {
  /** The headline pay uplift, as a percentage (an average where it varies by grade). */
  payUpliftPct: z.number().min(-100).max(1000).optional(),
  /** The pay year(s) it covers, e.g. "2024/25". */
  payYear: z.string().min(1).optional(),
  /** Non-pay items, in a few words each. */
  items: z.array(z.string().min(1)).optional(),
};

/** A party tables an offer. */
export const OfferMade = eventOf('offer.made', {
  offer: Id,
  by: z.string().min(1),
  summary: z.string().min(1),
  ...Terms,
});
/** An offer was made. */
export type OfferMade = z.infer<typeof OfferMade>;

/** The offer is withdrawn by the party that made it. */
export const OfferWithdrawn = eventOf('offer.withdrawn', { offer: Id });
/** An offer was withdrawn. */
export type OfferWithdrawn = z.infer<typeof OfferWithdrawn>;

/** The union's committee rejects the offer without putting it to members. */
export const OfferRejected = eventOf('offer.rejected', { offer: Id });
/** An offer was rejected by the committee. */
export type OfferRejected = z.infer<typeof OfferRejected>;

/** The union's committee accepts the offer as settling the dispute, without a binding member vote. */
export const OfferAccepted = eventOf('offer.accepted', { offer: Id });
/** An offer was accepted by the committee. */
export type OfferAccepted = z.infer<typeof OfferAccepted>;

/** Whether a member vote binds the union (a referendum) or only advises the committee (a survey). */
export const VoteKind = z.enum(['referendum', 'survey']);
/** The kind of a member vote. */
export type VoteKind = z.infer<typeof VoteKind>;

/** The members are asked: on an offer, or on a question of their own (then with no offer). */
export const ReferendumOpened = eventOf('referendum.opened', {
  referendum: Id,
  kind: VoteKind,
  offer: Id.optional(),
  question: z.string().min(1).optional(),
  closes: Instant.optional(),
});
/** A member vote opened. */
export type ReferendumOpened = z.infer<typeof ReferendumOpened>;

/** The member vote closes; yes means accepting the offer (or yes to the question). */
export const ReferendumClosed = eventOf('referendum.closed', {
  referendum: Id,
  turnoutPct: Percent.optional(),
  yesPct: Percent,
  noPct: Percent,
  cast: Count.optional(),
  entitled: Count.optional(),
});
/** A member vote closed. */
export type ReferendumClosed = z.infer<typeof ReferendumClosed>;

/** A pay review body (for doctors, the DDRB) publishes its recommended award. */
export const AwardPublished = eventOf('award.published', {
  award: Id,
  body: z.string().min(1),
  summary: z.string().min(1),
  ...Terms,
});
/** An award was published. */
export type AwardPublished = z.infer<typeof AwardPublished>;

/** The government accepts the award (in full or in part) and pays it. */
export const AwardAccepted = eventOf('award.accepted', {
  award: Id,
  inFull: z.boolean(),
});
/** An award was accepted. */
export type AwardAccepted = z.infer<typeof AwardAccepted>;

/** The employer or government introduces terms without the union's agreement. */
export const TermsImposed = eventOf('terms.imposed', {
  by: z.string().min(1),
  summary: z.string().min(1),
  effective: Instant.optional(),
});
/** Terms were imposed. */
export type TermsImposed = z.infer<typeof TermsImposed>;

/** The employer or government pauses (or drops) terms it had imposed, for instance to let talks run. */
export const TermsPaused = eventOf('terms.paused', {
  by: z.string().min(1),
  summary: z.string().min(1).optional(),
});
/** Imposed terms were paused. */
export type TermsPaused = z.infer<typeof TermsPaused>;
