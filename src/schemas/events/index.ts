/** Every event a dispute can hold: the single source of the machine's event union and of scenario files. */
import { z } from 'zod';
import { BallotClosed, BallotOpened, MandateExtended, MandateRelinquished } from './ballot.js';
import { ChallengeDecided, ChallengeFiled, LawChanged, OfficeChanged, PollPublished } from './context.js';
import { DisputeDeclared, DisputeEnded } from './dispute.js';
import {
  AwardAccepted,
  AwardPublished,
  OfferAccepted,
  OfferMade,
  OfferRejected,
  OfferWithdrawn,
  ReferendumClosed,
  ReferendumOpened,
  TermsImplemented,
  TermsImposed,
  TermsPaused,
} from './offer.js';
import {
  ImpactReported,
  StrikeCalled,
  StrikeCancelled,
  StrikeRescheduled,
  StrikeRescoped,
  StrikeSuspended,
} from './strike.js';
import {
  ConciliationDeclined,
  ConciliationEnded,
  ConciliationOpened,
  ConciliationRequested,
  TalksCollapsed,
  TalksConcluded,
  TalksOpened,
} from './talks.js';

export * from './ballot.js';
export * from './context.js';
export * from './dispute.js';
/** The faults in an event's own data, by its schema's own checks (each schema registers them; this file loads them all). */
export { type EventFault, eventFaults } from './faults.js';
export * from './offer.js';
export * from './strike.js';
export * from './talks.js';

/** The schemas of every event, in story order. */
export const EVENT_SCHEMAS = [
  DisputeDeclared,
  BallotOpened,
  BallotClosed,
  MandateExtended,
  MandateRelinquished,
  TalksOpened,
  TalksCollapsed,
  TalksConcluded,
  ConciliationRequested,
  ConciliationDeclined,
  ConciliationOpened,
  ConciliationEnded,
  OfferMade,
  OfferWithdrawn,
  OfferRejected,
  OfferAccepted,
  ReferendumOpened,
  ReferendumClosed,
  AwardPublished,
  AwardAccepted,
  StrikeCalled,
  StrikeRescheduled,
  StrikeRescoped,
  StrikeSuspended,
  StrikeCancelled,
  ImpactReported,
  TermsImposed,
  TermsPaused,
  TermsImplemented,
  ChallengeFiled,
  ChallengeDecided,
  OfficeChanged,
  PollPublished,
  LawChanged,
  DisputeEnded,
] as const;

/** Any event of a dispute. */
export const DisputeEvent = z.discriminatedUnion('type', EVENT_SCHEMAS);
/** Any event of a dispute. */
export type DisputeEvent = z.infer<typeof DisputeEvent>;

/** The type names of every event, e.g. `ballot.closed`. */
export const EVENT_TYPES = EVENT_SCHEMAS.map((s) => s.shape.type.value) as DisputeEvent['type'][];

/** The event of a given type. */
export type EventOf<T extends DisputeEvent['type']> = Extract<DisputeEvent, { type: T }>;
