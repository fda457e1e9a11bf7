/**
 * What the dispute machine remembers: the facts a teacher talks about. Instants are ISO 8601 strings in UK local
 * time with their offset, so a context can be printed or compared as it is.
 */
import type { RegimeId, RulesChoice } from '../domain/regimes.js';
import { regimeAt } from '../domain/regimes.js';
import { formatInstant, parseInstant } from '../domain/time.js';
import type { Claim, Counterparty, StrikeScope, VoteKind } from '../schemas/events/index.js';

/** A statutory ballot and, once closed, its figures and verdict. */
export interface BallotRecord {
  id: string;
  regime: RegimeId;
  constituency?: string;
  /** A ballot of members outside the main mandate; its mandate runs alongside it. */
  supplementary?: boolean;
  openedAt: string;
  closes?: string;
  closedAt?: string;
  entitled?: number;
  cast?: number;
  yes?: number;
  no?: number;
  turnoutPct?: number;
  yesPct?: number;
  yesOfEntitledPct?: number;
  mandate?: boolean;
  reasons?: string[];
}

/** The mandate currently or last held, from the ballot that gave it. */
export interface MandateRecord {
  ballot: string;
  regime: RegimeId;
  grantedAt: string;
  /** When a fixed-term mandate ends, if it has a fixed term. */
  expiresAt: string | null;
  /** Before 2017: the last instant action may begin under the ballot. */
  startBy: string | null;
  endedAt?: string;
  end?: 'lapsed' | 'relinquished' | 'renewed';
}

/** An offer and what became of it. */
export interface OfferRecord {
  id: string;
  by: string;
  summary: string;
  madeAt: string;
  payUpliftPct?: number;
  payYear?: string;
  items?: string[];
  status: 'open' | 'putToMembers' | 'withdrawn' | 'rejected' | 'superseded' | 'accepted';
  decidedAt?: string;
  decidedBy?: 'committee' | 'members' | 'maker';
}

/** A member vote: a binding referendum or an advisory survey, on an offer or a question. */
export interface ReferendumRecord {
  id: string;
  kind: VoteKind;
  offer?: string;
  question?: string;
  openedAt: string;
  closedAt?: string;
  turnoutPct?: number;
  yesPct?: number;
  noPct?: number;
  cast?: number;
  entitled?: number;
  result?: 'yes' | 'no';
}

/** A pay-review-body award. */
export interface AwardRecord {
  id: string;
  body: string;
  summary: string;
  publishedAt: string;
  payUpliftPct?: number;
  payYear?: string;
  items?: string[];
  acceptedAt?: string;
  acceptedInFull?: boolean;
}

/** One called period of industrial action and its fate. */
export interface ActionRecord {
  id: string;
  scope: StrikeScope;
  hours?: string;
  start: string;
  end: string;
  calledAt: string;
  /** The mandate's ballot it was called under. */
  ballot: string;
  status: 'called' | 'running' | 'held' | 'suspended' | 'cancelled' | 'lapsed';
  /** Whole days of action, once held (or cut short). */
  days?: number;
  changes: { at: string; change: string }[];
  /** What was reported of its effect; a later report adds to (and corrects) an earlier one. */
  impact?: { appointmentsRescheduled?: number; staffAbsentPeak?: number; summary?: string; by: string };
}

/** The dispute's facts: the machine's context. */
export interface DisputeContext {
  rules: RulesChoice;
  importantPublicService: boolean;
  /** The instant of the latest step. */
  now: string;
  /** The regime of the law in force at `now` (moved on by `law.changed`). */
  lawInForce: RegimeId;
  declaredAt: string | null;
  union: string | null;
  claim: Claim | null;
  ballots: BallotRecord[];
  mandate: MandateRecord | null;
  /** Mandates of supplementary ballots (members the main mandate does not cover), running alongside it. */
  supplementaryMandates: MandateRecord[];
  talks: { with: Counterparty; mediator?: string; openedAt: string; closedAt?: string }[];
  conciliation: {
    requestedBy: string;
    requestedAt: string;
    declinedBy?: string;
    openedAt?: string;
    endedAt?: string;
    agreement?: boolean;
  }[];
  offers: OfferRecord[];
  referendums: ReferendumRecord[];
  awards: AwardRecord[];
  actions: ActionRecord[];
  daysOfAction: number;
  polls: { at: string; pollster: string; supportPct: number; opposePct?: number; question?: string }[];
  officeHolders: { role: string; holder: string; since: string }[];
  /** Terms imposed without agreement; `pausedAt` when they were later paused or dropped. */
  impositions: { at: string; by: string; summary: string; effective?: string; pausedAt?: string }[];
  challenges: {
    id: string;
    by: string;
    summary: string;
    filedAt: string;
    result?: string;
    decidedAt?: string;
  }[];
  endedAt: string | null;
}

/** What a dispute machine starts from: the rules, the sector and the first instant. */
export interface DisputeInput {
  rules?: RulesChoice;
  importantPublicService?: boolean;
  start: string;
}

/** The context of a dispute that has not yet begun. */
export function initialContext(input: DisputeInput): DisputeContext {
  const startMs = parseInstant(input.start);
  return {
    rules: input.rules ?? 'by-date',
    importantPublicService: input.importantPublicService ?? true,
    now: formatInstant(startMs),
    lawInForce: regimeAt(startMs).id,
    declaredAt: null,
    union: null,
    claim: null,
    ballots: [],
    mandate: null,
    supplementaryMandates: [],
    talks: [],
    conciliation: [],
    offers: [],
    referendums: [],
    awards: [],
    actions: [],
    daysOfAction: 0,
    polls: [],
    officeHolders: [],
    impositions: [],
    challenges: [],
    endedAt: null,
  };
}

/** The people in office now, one per role. */
export function currentOfficeHolders(context: DisputeContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const o of context.officeHolders) out[o.role] = o.holder;
  return out;
}
