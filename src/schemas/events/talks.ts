/** Talks between the parties and conciliation by Acas. */
import { z } from 'zod';
import { eventOf, Id } from '../primitives.js';

/** Who the union is talking to. */
export const Counterparty = z.enum(['government', 'employers']);
/** Who the union is talking to. */
export type Counterparty = z.infer<typeof Counterparty>;

/** Talks open, with the government or the employers, perhaps chaired by a mediator. */
export const TalksOpened = eventOf(
  'talks.opened',
  'Talks open with the government or the employers, perhaps chaired by a mediator; earlier talks are closed.',
  {
    with: Counterparty.describe('Who the union talks to: government or employers.'),
    mediator: z.string().min(1).optional().describe('Who chairs the talks, if anyone, e.g. an independent mediator.'),
  },
);
/** Talks opened. */
export type TalksOpened = z.infer<typeof TalksOpened>;

/** Talks break down. */
export const TalksCollapsed = eventOf(
  'talks.collapsed',
  'Talks or conciliation break down; nobody is at the table until talks reopen.',
  {
    by: z.string().min(1).optional().describe('Who walked away from the talks, if the record says.'),
  },
);
/** Talks collapsed. */
export type TalksCollapsed = z.infer<typeof TalksCollapsed>;

/** Talks end with an outcome to take back to the members (usually an offer), not a collapse. */
export const TalksConcluded = eventOf(
  'talks.concluded',
  'Talks end with something to take back to the members, usually an offer, rather than breaking down; nobody walks away.',
  {
    offer: Id.optional().describe(
      'The offer the talks produced, made in an offer.made event of its own, if there is one.',
    ),
  },
);
/** Talks concluded. */
export type TalksConcluded = z.infer<typeof TalksConcluded>;

/** A party asks Acas to conciliate. */
export const ConciliationRequested = eventOf('conciliation.requested', 'A party asks Acas to conciliate.', {
  by: z.string().min(1).describe('Who asked Acas to conciliate, e.g. "NHS Employers".'),
});
/** Conciliation was requested. */
export type ConciliationRequested = z.infer<typeof ConciliationRequested>;

/** The other party refuses the request for conciliation. */
export const ConciliationDeclined = eventOf(
  'conciliation.declined',
  'The other party refuses an outstanding request for conciliation.',
  { by: z.string().min(1).describe('Who refused to go to conciliation.') },
);
/** Conciliation was declined. */
export type ConciliationDeclined = z.infer<typeof ConciliationDeclined>;

/** Conciliation under Acas begins. */
export const ConciliationOpened = eventOf(
  'conciliation.opened',
  'Conciliation under Acas begins, on the last request or at both parties’ wish.',
  {},
);
/** Conciliation opened. */
export type ConciliationOpened = z.infer<typeof ConciliationOpened>;

/** Conciliation ends, with an agreement (to go on talking, or on terms) or without one. */
export const ConciliationEnded = eventOf(
  'conciliation.ended',
  'Conciliation ends: after an agreement (to go on talking, or on terms) the parties are in talks, else talks have broken down.',
  { agreement: z.boolean().describe('true if conciliation ended in an agreement, false if it ended without one.') },
);
/** Conciliation ended. */
export type ConciliationEnded = z.infer<typeof ConciliationEnded>;
