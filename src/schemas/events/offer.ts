/** Offers, their fate with the committee and the members, and member votes on them. */
import { z } from 'zod';
import { Count, eventOf, Id, Instant, Percent } from '../primitives.js';
import { withOwnChecks } from './faults.js';

/** The headline pay uplift of an offer or award: a percentage, negative for a cut. */
const PayUplift = z.number().min(-100).max(1000);

/** A party tables an offer. */
export const OfferMade = eventOf(
  'offer.made',
  'A party tables an offer, which supersedes any offer still open; none can be made while members vote on one.',
  {
    offer: Id.describe('A name for this offer, which the events that decide it repeat, e.g. offer-2023-05.'),
    by: z.string().min(1).describe('Who makes the offer, e.g. "Department of Health and Social Care".'),
    summary: z.string().min(1).describe('The offer in a few words, as the parties described it.'),
    /** The headline pay uplift, as a percentage (an average where it varies by grade). */
    payUpliftPct: PayUplift.optional().describe(
      'The headline pay uplift offered, in per cent (an average where it varies by grade).',
    ),
    /** The pay year(s) it covers, e.g. "2024/25". */
    payYear: z.string().min(1).optional().describe('The pay year or years the offer covers, e.g. "2024/25".'),
    /** Non-pay items, in a few words each. */
    items: z
      .array(z.string().min(1))
      .optional()
      .describe('What the offer holds besides pay (rota rules, a review), a few words each.'),
  },
);
/** An offer was made. */
export type OfferMade = z.infer<typeof OfferMade>;

/** The offer is withdrawn by the party that made it. */
export const OfferWithdrawn = eventOf('offer.withdrawn', 'The party that made an offer withdraws it.', {
  offer: Id.describe('The offer withdrawn, named as when it was made; it must still be on the table.'),
});
/** An offer was withdrawn. */
export type OfferWithdrawn = z.infer<typeof OfferWithdrawn>;

/** The union's committee rejects the offer without putting it to members. */
export const OfferRejected = eventOf(
  'offer.rejected',
  'The union’s committee rejects an offer without putting it to members.',
  { offer: Id.describe('The offer the committee turns down; members must not be voting on it.') },
);
/** An offer was rejected by the committee. */
export type OfferRejected = z.infer<typeof OfferRejected>;

/** The union's committee accepts the offer as settling the dispute, without a binding member vote. */
export const OfferAccepted = eventOf(
  'offer.accepted',
  'The union’s committee accepts an offer as settling the dispute, without a binding member vote.',
  { offer: Id.describe('The offer the committee accepts; the dispute ends settled.') },
);
/** An offer was accepted by the committee. */
export type OfferAccepted = z.infer<typeof OfferAccepted>;

/** Whether a member vote binds the union (a referendum) or only advises the committee (a survey). */
export const VoteKind = z.enum(['referendum', 'survey']);
/** The kind of a member vote. */
export type VoteKind = z.infer<typeof VoteKind>;

/** The members are asked: on an offer, or on a question of their own (then with no offer); on one or the other. */
export const ReferendumOpened = withOwnChecks(
  eventOf(
    'referendum.opened',
    'The members are asked to vote: on an offer, which goes before them, or on a question of their own.',
    {
      referendum: Id.describe('A name for this member vote, which its referendum.closed event repeats.'),
      kind: VoteKind.describe('referendum if the result binds the union, survey if it only advises the committee.'),
      offer: Id.optional().describe('The offer put to the members; leave it out for a vote on a question.'),
      question: z.string().min(1).optional().describe('The question put to members when the vote is not on an offer.'),
      closes: Instant.optional().describe('When voting is due to close, if it was announced.'),
    },
  ),
);
/** A member vote opened. */
export type ReferendumOpened = z.infer<typeof ReferendumOpened>;

/**
 * The member vote closes; yes means accepting the offer (or yes to the question). Its figures are those published:
 * both shares, or one (51.1% against), or the announced result; they must add up and agree.
 */
export const ReferendumClosed = withOwnChecks(
  eventOf(
    'referendum.closed',
    'A member vote closes: a yes to an offer in a binding referendum settles the dispute, a no rejects the offer.',
    {
      referendum: Id.describe('The member vote that closes, named as when it opened.'),
      turnoutPct: Percent.optional().describe('Turnout, in per cent of the members entitled to vote.'),
      yesPct: Percent.optional().describe(
        'Votes for the offer (or yes to the question), in per cent of votes cast, as published.',
      ),
      noPct: Percent.optional().describe(
        'Votes against, in per cent of votes cast, as published; yes and no add up to at most 100.',
      ),
      result: z
        .enum(['yes', 'no'])
        .optional()
        .describe(
          'The result as announced, needed where the shares published do not decide it (only one share, of 50% or less); checked against them where they do.',
        ),
      cast: Count.optional().describe('How many members voted, where the union reported it.'),
      entitled: Count.optional().describe('How many members could vote, where the union reported it.'),
    },
  ),
);
/** A member vote closed. */
export type ReferendumClosed = z.infer<typeof ReferendumClosed>;

/** A pay review body (for doctors, the DDRB) publishes its recommended award. */
export const AwardPublished = eventOf(
  'award.published',
  'A pay review body (for doctors, the DDRB) publishes the award it recommends.',
  {
    award: Id.describe('A name for this award, which its award.accepted event repeats, e.g. ddrb-2023.'),
    body: z.string().min(1).describe('The pay review body, e.g. "DDRB".'),
    summary: z.string().min(1).describe('The recommendation in a few words.'),
    payUpliftPct: PayUplift.optional().describe(
      'The headline pay uplift recommended, in per cent (an average where it varies by grade).',
    ),
    payYear: z.string().min(1).optional().describe('The pay year the award is for, e.g. "2023/24".'),
    items: z.array(z.string().min(1)).optional().describe('The body’s recommendations besides pay, a few words each.'),
  },
);
/** An award was published. */
export type AwardPublished = z.infer<typeof AwardPublished>;

/** The government accepts the award (in full or in part) and pays it. */
export const AwardAccepted = eventOf(
  'award.accepted',
  'The government accepts a pay review body’s award, in full or in part, and pays it.',
  {
    award: Id.describe('The award accepted, named as when it was published.'),
    inFull: z.boolean().describe('true if the award is accepted in full, false if only in part.'),
  },
);
/** An award was accepted. */
export type AwardAccepted = z.infer<typeof AwardAccepted>;

/** The employer or government introduces terms without the union's agreement. */
export const TermsImposed = eventOf(
  'terms.imposed',
  'The employer or government introduces terms without the union’s agreement; a dispute then ended counts as imposed.',
  {
    by: z.string().min(1).describe('Who imposes the terms, e.g. "Secretary of State for Health".'),
    summary: z.string().min(1).describe('The imposed terms in a few words.'),
    effective: Instant.optional().describe('When the imposed terms take effect, if later than the announcement.'),
  },
);
/** Terms were imposed. */
export type TermsImposed = z.infer<typeof TermsImposed>;

/** The employer or government pauses (or drops) terms it had imposed, for instance to let talks run. */
export const TermsPaused = eventOf(
  'terms.paused',
  'The employer or government pauses or drops terms it had imposed, for instance to let talks run.',
  {
    by: z.string().min(1).describe('Who pauses the imposed terms.'),
    summary: z.string().min(1).optional().describe('What was paused and on what condition, in a few words.'),
  },
);
/** Imposed terms were paused. */
export type TermsPaused = z.infer<typeof TermsPaused>;

/**
 * Terms the union did not agree to, agreed by others and applied to its members: the NHS Staff Council accepted the
 * 2023 Agenda for Change offer by a majority of its unions on 2 May 2023, after the RCN's members had rejected it,
 * and the award was paid to all staff. Neither a deal for this union nor an employer imposing its own contract.
 */
export const TermsImplemented = eventOf(
  'terms.implemented',
  'Terms the union did not agree to are agreed by others (a joint council of unions, say) and applied to its members: neither a deal for this union nor terms the employer imposes on its own.',
  {
    by: z.string().min(1).describe('Who agreed the terms and so made them apply, e.g. "NHS Staff Council".'),
    summary: z.string().min(1).describe('The terms in a few words.'),
    offer: Id.optional().describe(
      'The offer whose terms are applied, if one was made in the dispute; the union must not have accepted it.',
    ),
    effective: Instant.optional().describe('When the terms took effect (were paid), if later.'),
  },
);
/** Terms were implemented over the union's head. */
export type TermsImplemented = z.infer<typeof TermsImplemented>;
