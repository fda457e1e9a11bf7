/**
 * The reference table: a run's moves sent to the XState actor through the Engine, and what the strategies read
 * taken from the machine's own record. Also the bridge to the fast table: `fastStartOf` reads an engine's
 * snapshot, record and armed timers into the plain start every fast run copies.
 */
import { parseInstant } from '../domain/time.js';
import { hasTermsInForce } from '../machine/checks.js';
import { type DisputeSnapshot, outcomeOf } from '../machine/index.js';
import type { DisputeEvent } from '../schemas/events/index.js';
import type { DisputeRecord } from '../schemas/record.js';
import type { Engine } from './engine.js';
import type { FastMandateState, FastStart, FastTimer } from './fast.js';
import { round1 } from './runs.js';
import type { Move, Table, TableBallot, TableMandate, TableOffer, TableResult, TableState } from './table.js';
import { moveFields } from './table.js';

const msOf = (text: string | null | undefined): number | null => (text ? parseInstant(text) : null);

/** The rises of the awards a record has accepted, summed in the order they were published. */
function awardsAccepted(record: DisputeRecord): number {
  return record.negotiation.awards.filter((a) => a.acceptedAt).reduce((sum, a) => sum + (a.payUpliftPct ?? 0), 0);
}

/** The total rise a record has accepted: awards accepted and the offer accepted, summed (null for none). */
export function acceptedUplift(record: DisputeRecord): number | null {
  const offer = record.negotiation.offers.find((o) => o.status === 'accepted');
  if (!offer) return null;
  return round1(awardsAccepted(record) + (offer.payUpliftPct ?? 0));
}

/** The regions of a live snapshot, each as the path of its active state below the region. */
function regionsOf(snapshot: DisputeSnapshot): TableState['regions'] {
  const value = snapshot.value as unknown;
  if (typeof value !== 'object' || value === null || !('active' in value)) return null;
  const active = (value as { active: Record<string, unknown> }).active;
  const path = (v: unknown): string =>
    typeof v === 'string'
      ? v
      : Object.entries(v as Record<string, unknown>)
          .map(([k, inner]) => `${k}.${path(inner)}`)
          .join('');
  return {
    ballot: path(active.ballot),
    mandate: path(active.mandate),
    offer: path(active.offer),
    action: path(active.action),
  };
}

/** The top-level state of a snapshot. */
function statusOf(snapshot: DisputeSnapshot): TableState['status'] {
  const value = snapshot.value as unknown;
  if (typeof value === 'string') return value as TableState['status'];
  return 'active';
}

/** The timers an engine has armed for the action and mandate regions, in the order the clock fires them. */
function timersOf(engine: Engine): { action: FastTimer | null; mandate: FastTimer | null; seq: number } {
  let action: FastTimer | null = null;
  let mandate: FastTimer | null = null;
  let seq = 0;
  for (const t of engine.timers()) {
    seq++;
    if (t.delay === 'untilNextStrike' || t.delay === 'untilStrikeEnds') action = { due: t.dueMs, seq };
    else if (t.delay === 'untilMandateExpires' || t.delay === 'untilActionWindowCloses')
      mandate = { due: t.dueMs, seq };
  }
  return { action, mandate, seq };
}

/** The record of a table's state, from a machine's record. */
function recordState(c: DisputeRecord): Omit<TableState, 'status' | 'regions' | 'clockMs' | 'timers'> {
  const m = c.balloting.mandate;
  return {
    recordNowMs: parseInstant(c.now),
    declaredMs: msOf(c.dispute.declaredAt),
    endedMs: msOf(c.dispute.endedAt),
    ballots: c.balloting.ballots.map((b) => ({
      id: b.id,
      regime: b.regime,
      closesMs: msOf(b.closes),
      closedMs: msOf(b.closedAt),
      mandate: b.mandate ?? null,
      supplementary: !!b.supplementary,
    })),
    mandate: m && {
      ballot: m.ballot,
      regime: m.regime,
      grantedMs: parseInstant(m.grantedAt),
      expiresMs: msOf(m.expiresAt),
      startByMs: msOf(m.startBy),
      endedMs: msOf(m.endedAt),
      end: m.end ?? null,
    },
    supplementaryMandates: c.balloting.supplementaryMandates.length,
    offers: c.negotiation.offers.map((o) => ({ id: o.id, pct: o.payUpliftPct ?? null, status: o.status })),
    referendums: c.negotiation.referendums.map((v) => ({
      id: v.id,
      kind: v.kind,
      offer: v.offer ?? null,
      closedMs: msOf(v.closedAt),
      result: v.result ?? null,
    })),
    awards: c.negotiation.awards.map((a) => ({
      id: a.id,
      pct: a.payUpliftPct ?? null,
      acceptedMs: msOf(a.acceptedAt),
    })),
    impositions: c.surroundings.impositions.length,
    termsInForce: hasTermsInForce(c),
    actions: c.action.actions.map((a) => ({
      id: a.id,
      startMs: parseInstant(a.start),
      endMs: parseInstant(a.end),
      ballot: a.ballot,
      status: a.status,
      days: a.days ?? null,
    })),
    pending: [...c.action.pending],
    running: c.action.running,
    daysOfAction: c.action.daysOfAction,
  };
}

/** The whole state of an engine, in the tables' canonical shape. */
export function engineState(engine: Engine): TableState {
  const snapshot = engine.snapshot;
  const t = timersOf(engine);
  return {
    status: statusOf(snapshot),
    regions: regionsOf(snapshot),
    clockMs: engine.nowMs,
    ...recordState(snapshot.context),
    timers: { action: t.action?.due ?? null, mandate: t.mandate?.due ?? null },
  };
}

/** The start of fast runs at an engine's current point: its state, rules and timers as plain data. */
export function fastStartOf(engine: Engine): FastStart {
  const state = engineState(engine);
  const law = engine.snapshot.context.law;
  const t = timersOf(engine);
  return {
    rules: law.rules,
    importantPublicService: law.importantPublicService,
    state,
    regions: {
      ballot: (state.regions?.ballot ?? 'idle') as FastStart['regions']['ballot'],
      mandate: (state.regions?.mandate ?? 'none') as FastMandateState,
      offer: (state.regions?.offer ?? 'none') as FastStart['regions']['offer'],
      action: (state.regions?.action ?? 'none') as FastStart['regions']['action'],
    },
    mandateEndedBy: !!engine.snapshot.context.balloting.mandate?.endedBy,
    actionTimer: t.action,
    mandateTimer: t.mandate,
    seq: t.seq,
  };
}

/** The XState actor as a table: each move sent as the machine's event, each reading taken from its record. */
export class ActorTable implements Table {
  readonly rules;

  constructor(readonly engine: Engine) {
    this.rules = engine.snapshot.context.law.rules;
  }

  get #record(): DisputeRecord {
    return this.engine.snapshot.context;
  }

  live(): boolean {
    return this.engine.snapshot.status === 'active';
  }

  advanceTo(ms: number): void {
    this.engine.advanceTo(ms);
  }

  play(move: Move): boolean {
    return this.engine.send(moveFields(move) as unknown as DisputeEvent).accepted;
  }

  declaredMs(): number | undefined {
    return msOf(this.#record.dispute.declaredAt) ?? undefined;
  }

  offerOnTable(): TableOffer | undefined {
    const o = this.#record.negotiation.offers.find((x) => x.status === 'open' || x.status === 'putToMembers');
    return o && { id: o.id, pct: o.payUpliftPct ?? null, status: o.status };
  }

  openVote(): string | undefined {
    return this.#record.negotiation.referendums.find((r) => !r.closedAt)?.id;
  }

  awardsAcceptedPct(): number {
    return awardsAccepted(this.#record);
  }

  highestOfferPct(): number {
    return Math.max(0, ...this.#record.negotiation.offers.map((o) => o.payUpliftPct ?? 0));
  }

  everImposed(): boolean {
    return this.#record.surroundings.impositions.length > 0;
  }

  actionIdle(): boolean {
    return this.#record.action.pending.length === 0 && this.#record.action.running === null;
  }

  mandate(): TableMandate | undefined {
    const m = this.#record.balloting.mandate;
    return m ? { ballot: m.ballot, endedMs: msOf(m.endedAt), expiresMs: msOf(m.expiresAt) } : undefined;
  }

  openBallot(): TableBallot | undefined {
    const b = this.#record.balloting.ballots.find((x) => !x.closedAt);
    return b && { id: b.id, closesMs: msOf(b.closes) };
  }

  ballotCount(): number {
    return this.#record.balloting.ballots.length;
  }

  result(): TableResult {
    const record = this.#record;
    return {
      outcome: outcomeOf(this.engine.snapshot),
      endedMs: msOf(record.dispute.endedAt) ?? undefined,
      daysOfAction: record.action.daysOfAction,
      upliftPct: acceptedUplift(record),
    };
  }

  state(): TableState {
    return engineState(this.engine);
  }
}
