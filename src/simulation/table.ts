/**
 * The table a simulated run plays at: what the strategies read of the dispute, and the moves they make. Two
 * tables stand behind it: the XState actor through the Engine (the reference, `actor-table.ts`) and a reducer
 * over a compact record (`fast.ts`), proved equal to the actor by differential tests. A move is an event of the
 * machine with its instants as epoch milliseconds, so the fast table never formats or parses a date to take one.
 */
import type { RegimeId, RulesChoice } from '../domain/regimes.js';
import { formatInstant } from '../domain/time.js';

/** A move the strategies can make: one of the machine's events, its instants in epoch milliseconds. */
export type Move =
  | { type: 'award.published'; at: number; award: string; body: string; pct: number; payYear: string }
  | { type: 'award.accepted'; at: number; award: string }
  | { type: 'referendum.opened'; at: number; referendum: string; offer: string; kind: 'referendum' | 'survey' }
  | { type: 'referendum.closed'; at: number; referendum: string; yesPct: number; noPct: number }
  | { type: 'offer.made'; at: number; offer: string; pct: number }
  | { type: 'offer.accepted' | 'offer.rejected'; at: number; offer: string }
  | { type: 'terms.imposed'; at: number }
  | { type: 'ballot.opened'; at: number; ballot: string; closes: number }
  | { type: 'ballot.closed'; at: number; ballot: string; entitled: number; cast: number; yes: number; no: number }
  | { type: 'strike.called'; at: number; action: string; start: number; end: number }
  | { type: 'dispute.ended'; at: number };

/** The kinds of move. */
export type MoveType = Move['type'];

/** A move as the fields of the machine's event (and of a scenario event, with an id and sources added). */
export function moveFields(move: Move): Record<string, unknown> & { type: string; at: string } {
  const at = formatInstant(move.at);
  switch (move.type) {
    case 'award.published':
      return {
        type: move.type,
        at,
        award: move.award,
        body: move.body,
        summary: `${move.pct}% for ${move.payYear}`,
        payUpliftPct: move.pct,
        payYear: move.payYear,
      };
    case 'award.accepted':
      return { type: move.type, at, award: move.award, inFull: true };
    case 'referendum.opened':
      return { type: move.type, at, referendum: move.referendum, kind: move.kind, offer: move.offer };
    case 'referendum.closed':
      return { type: move.type, at, referendum: move.referendum, yesPct: move.yesPct, noPct: move.noPct };
    case 'offer.made':
      return {
        type: move.type,
        at,
        offer: move.offer,
        by: 'the employer',
        summary: `${move.pct}%`,
        payUpliftPct: move.pct,
      };
    case 'offer.accepted':
    case 'offer.rejected':
      return { type: move.type, at, offer: move.offer };
    case 'terms.imposed':
      return { type: move.type, at, by: 'the employer', summary: 'its own terms' };
    case 'ballot.opened':
      return { type: move.type, at, ballot: move.ballot, closes: formatInstant(move.closes) };
    case 'ballot.closed':
      return {
        type: move.type,
        at,
        ballot: move.ballot,
        entitled: move.entitled,
        cast: move.cast,
        yes: move.yes,
        no: move.no,
      };
    case 'strike.called':
      return {
        type: move.type,
        at,
        action: move.action,
        start: formatInstant(move.start),
        end: formatInstant(move.end),
        scope: 'full-walkout',
      };
    case 'dispute.ended':
      return { type: move.type, at };
  }
}

/** The offer on the table, as the strategies read it. */
export interface TableOffer {
  readonly id: string;
  /** Its headline rise, if it names one. */
  readonly pct: number | null;
  /** `open`, or `putToMembers` while the members vote on it. */
  readonly status: string;
}

/** The mandate held (live or ended), as the strategies read it. */
export interface TableMandate {
  readonly ballot: string;
  /** When it ended, or null while it is live. */
  readonly endedMs: number | null;
  /** When a fixed-term mandate expires (null for one that lasts until given up). */
  readonly expiresMs: number | null;
}

/** A ballot, as the strategies read it. */
export interface TableBallot {
  readonly id: string;
  /** When it was to close, if it said. */
  readonly closesMs: number | null;
}

/** How a run ended, with the figures the statistics need. */
export interface TableResult {
  outcome: 'settled' | 'imposed' | 'abandoned' | 'ongoing';
  endedMs: number | undefined;
  daysOfAction: number;
  /** The total rise accepted (awards accepted and the offer accepted), or null when no offer was. */
  upliftPct: number | null;
}

/**
 * The whole state of a table, in one canonical shape for both tables: the chart's regions, the clocks, every
 * part of the record a move can read or change, and the timers armed. The differential tests compare it.
 */
export interface TableState {
  status: 'grievance' | 'active' | 'settled' | 'imposed' | 'abandoned';
  regions: { ballot: string; mandate: string; offer: string; action: string } | null;
  clockMs: number;
  recordNowMs: number;
  declaredMs: number | null;
  endedMs: number | null;
  ballots: {
    id: string;
    regime: RegimeId;
    closesMs: number | null;
    closedMs: number | null;
    mandate: boolean | null;
    supplementary: boolean;
  }[];
  mandate: {
    ballot: string;
    regime: RegimeId;
    grantedMs: number;
    expiresMs: number | null;
    startByMs: number | null;
    endedMs: number | null;
    end: string | null;
  } | null;
  supplementaryMandates: number;
  offers: { id: string; pct: number | null; status: string }[];
  referendums: { id: string; kind: string; offer: string | null; closedMs: number | null; result: string | null }[];
  awards: { id: string; pct: number | null; acceptedMs: number | null }[];
  impositions: number;
  termsInForce: boolean;
  actions: { id: string; startMs: number; endMs: number; ballot: string; status: string; days: number | null }[];
  pending: string[];
  running: string | null;
  daysOfAction: number;
  /** The instants the timers of the action and mandate regions are due, if armed. */
  timers: { action: number | null; mandate: number | null };
}

/** A dispute as a simulated run sees it and moves it. */
export interface Table {
  /** The rules the dispute is under (by date, or one regime throughout). */
  readonly rules: RulesChoice;
  /** Whether the dispute is not over (still a grievance, or live). */
  live(): boolean;
  /** Lets time pass to an instant, with the steps time causes (strikes starting and ending, mandates lapsing). */
  advanceTo(ms: number): void;
  /** Offers a move at its instant: time passes to it first; true if the machine takes it. */
  play(move: Move): boolean;
  declaredMs(): number | undefined;
  /** The first offer open or before the members, if any. */
  offerOnTable(): TableOffer | undefined;
  /** The first member vote still open, if any. */
  openVote(): string | undefined;
  /** The rises of the awards accepted, summed in the order they were published. */
  awardsAcceptedPct(): number;
  /** The highest rise any offer made (0 for none). */
  highestOfferPct(): number;
  /** Whether terms were ever imposed. */
  everImposed(): boolean;
  /** Whether no strike is called or under way. */
  actionIdle(): boolean;
  mandate(): TableMandate | undefined;
  /** The first ballot not yet closed, with when it was to close. */
  openBallot(): TableBallot | undefined;
  /** How many ballots were ever opened. */
  ballotCount(): number;
  result(): TableResult;
  /** The whole state, for the differential tests. */
  state(): TableState;
}
