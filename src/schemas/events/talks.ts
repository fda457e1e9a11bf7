/** Talks between the parties and conciliation by Acas. */
import { z } from 'zod';
import { eventOf } from '../primitives.js';

/** Who the union is talking to. */
export const Counterparty = z.enum(['government', 'employers']);
/** Who the union is talking to. */
export type Counterparty = z.infer<typeof Counterparty>;

/** Talks open, with the government or the employers, perhaps chaired by a mediator. */
export const TalksOpened = eventOf('talks.opened', {
  with: Counterparty,
  mediator: z.string().min(1).optional(),
});
/** Talks opened. */
export type TalksOpened = z.infer<typeof TalksOpened>;

/** Talks break down. */
export const TalksCollapsed = eventOf('talks.collapsed', {
  by: z.string().min(1).optional(),
});
/** Talks collapsed. */
export type TalksCollapsed = z.infer<typeof TalksCollapsed>;

/** A party asks Acas to conciliate. */
export const ConciliationRequested = eventOf('conciliation.requested', {
  by: z.string().min(1),
});
/** Conciliation was requested. */
export type ConciliationRequested = z.infer<typeof ConciliationRequested>;

/** The other party refuses the request for conciliation. */
export const ConciliationDeclined = eventOf('conciliation.declined', {
  by: z.string().min(1),
});
/** Conciliation was declined. */
export type ConciliationDeclined = z.infer<typeof ConciliationDeclined>;

/** Conciliation under Acas begins. */
export const ConciliationOpened = eventOf('conciliation.opened', {});
/** Conciliation opened. */
export type ConciliationOpened = z.infer<typeof ConciliationOpened>;

/** Conciliation ends, with an agreement (to go on talking, or on terms) or without one. */
export const ConciliationEnded = eventOf('conciliation.ended', {
  agreement: z.boolean(),
});
/** Conciliation ended. */
export type ConciliationEnded = z.infer<typeof ConciliationEnded>;
