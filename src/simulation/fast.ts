/**
 * The fast table: the dispute chart's rules for the moves a simulated run makes, as a reducer over a compact,
 * mutable record of one run (instants in epoch milliseconds, only the facts a move reads or the statistics need).
 * It stands in for the XState actor in `simulate`, so it is proved equal to it (test/simulation/fast.test.ts):
 * random move sequences from every step of every dispute through both give the same states, refusals, record and
 * timers. It mirrors the actor's order of work exactly: guards read the record as it was before the event, a
 * region's timer is armed on entering its state with the delay measured from the record's clock, and the replay
 * clock fires the earliest timer first (ties in the order they were armed).
 *
 * It imports no XState, so a worker thread that plays runs on it starts in milliseconds.
 */
import { type RegimeId, type RulesChoice, regimeById, regimeForBallot, regimeForNotice } from '../domain/regimes.js';
import { addDays, addMonths, calendarDays, daysOfAction, startOfDay } from '../domain/time.js';
import { remembered, round1 } from './runs.js';
import type { Move, Table, TableBallot, TableMandate, TableOffer, TableResult, TableState } from './table.js';

/** The chart's top-level state. */
export type FastStatus = TableState['status'];
/** The mandate region's state, as a path below it. */
export type FastMandateState =
  | 'none'
  | 'failed'
  | 'live.term'
  | 'live.window'
  | 'live.openEnded'
  | 'lapsed'
  | 'relinquished';

/** A ballot of the record: the record's items have the canonical state's own shapes, mutable. */
export type FastBallot = TableState['ballots'][number];
/** The mandate of the record. */
export type FastMandate = NonNullable<TableState['mandate']>;
/** An offer of the record. */
export type FastOffer = TableState['offers'][number];
/** A member vote of the record. */
export type FastVote = TableState['referendums'][number];
/** A pay review award of the record. */
export type FastAward = TableState['awards'][number];
/** A called strike of the record. */
export type FastAction = TableState['actions'][number];

/** A timer armed: when it is due and its place in the order of arming. */
export interface FastTimer {
  due: number;
  seq: number;
}

/**
 * Where every run starts: a step of the replay as plain data (it crosses to worker threads), made from the actor
 * by `fastStartOf` (actor-table.ts): the actor's state in the tables' canonical shape, and what else the reducer
 * needs of it (the rules, the regions even once the dispute is over, the order the timers were armed in).
 */
export interface FastStart {
  rules: RulesChoice;
  importantPublicService: boolean;
  state: TableState;
  regions: {
    ballot: 'idle' | 'open';
    mandate: FastMandateState;
    offer: 'none' | 'tabled' | 'putToMembers';
    action: 'none' | 'announced' | 'striking' | 'ended';
  };
  /** Whether a court fixed the mandate's end (it then ends as the court said). */
  mandateEndedBy: boolean;
  actionTimer: FastTimer | null;
  mandateTimer: FastTimer | null;
  seq: number;
}

function findId<T extends { id: string }>(list: readonly T[], id: string): T | undefined {
  for (let i = 0; i < list.length; i++) if ((list[i] as T).id === id) return list[i];
  return undefined;
}

/** The outcome of a ballot's full counts under a regime: whether the figures decide it, and whether they give a mandate. */
function judgeCounts(
  regimeId: RegimeId,
  ips: boolean,
  entitled: number,
  cast: number,
  yes: number,
  no: number,
): { known: boolean; mandate: boolean } {
  const regime = regimeById(regimeId);
  const turnout = entitled > 0 ? cast / entitled : undefined;
  const ofEntitled = entitled > 0 ? yes / entitled : undefined;
  let failed = !(yes > no);
  let undecided = false;
  if (regime.turnoutThreshold !== null) {
    if (turnout === undefined) undecided = true;
    else if (!(turnout >= regime.turnoutThreshold)) failed = true;
  }
  const support = regime.importantServicesSupportThreshold;
  if (ips && support !== null) {
    if (ofEntitled === undefined) undecided = true;
    else if (!(ofEntitled >= support)) failed = true;
  }
  if (failed) return { known: true, mandate: false };
  return { known: !undecided, mandate: !undecided };
}

/**
 * When a mandate granted at an instant ends: months or days from the start of its UK day. Runs close ballots on
 * the same weekly instants, so each is worked out once.
 */
const mandateEnds = new Map<number, number>();
const mandateEnd = (at: number, months: number, days: number): number =>
  remembered(mandateEnds, at * 1024 + months * 64 + days, () =>
    months > 0 ? addMonths(startOfDay(at), months) : addDays(startOfDay(at), days),
  );

/** The reducer over one run's record. */
export class FastDispute implements Table {
  readonly rules: RulesChoice;
  readonly #ips: boolean;
  status: FastStatus;
  ballotRegion: FastStart['regions']['ballot'];
  mandateRegion: FastMandateState;
  offerRegion: FastStart['regions']['offer'];
  actionRegion: FastStart['regions']['action'];
  clock: number;
  now: number;
  declared: number | null;
  ended: number | null;
  ballots: FastBallot[];
  mandateRecord: FastMandate | null;
  mandateEndedBy: boolean;
  supplementaryMandates: number;
  offers: FastOffer[];
  votes: FastVote[];
  awards: FastAward[];
  impositions: number;
  termsInForce: boolean;
  actions: FastAction[];
  pending: FastAction[];
  running: FastAction | null;
  daysOfAction: number;
  actionTimer: FastTimer | null;
  mandateTimer: FastTimer | null;
  seq: number;
  #highest: number;

  /** A run's own copy of the start: nothing it does reaches the start or another run. */
  constructor(start: FastStart) {
    const s = start.state;
    this.rules = start.rules;
    this.#ips = start.importantPublicService;
    this.status = s.status;
    this.ballotRegion = start.regions.ballot;
    this.mandateRegion = start.regions.mandate;
    this.offerRegion = start.regions.offer;
    this.actionRegion = start.regions.action;
    this.clock = s.clockMs;
    this.now = s.recordNowMs;
    this.declared = s.declaredMs;
    this.ended = s.endedMs;
    this.ballots = s.ballots.map((b) => ({ ...b }));
    this.mandateRecord = s.mandate && { ...s.mandate };
    this.mandateEndedBy = start.mandateEndedBy;
    this.supplementaryMandates = s.supplementaryMandates;
    this.offers = s.offers.map((o) => ({ ...o }));
    this.votes = s.referendums.map((v) => ({ ...v }));
    this.awards = s.awards.map((a) => ({ ...a }));
    this.impositions = s.impositions;
    this.termsInForce = s.termsInForce;
    this.actions = s.actions.map((a) => ({ ...a }));
    const byId = (id: string) => findId(this.actions, id) as FastAction;
    this.pending = s.pending.map(byId);
    this.running = s.running === null ? null : byId(s.running);
    this.daysOfAction = s.daysOfAction;
    this.actionTimer = start.actionTimer && { ...start.actionTimer };
    this.mandateTimer = start.mandateTimer && { ...start.mandateTimer };
    this.seq = start.seq;
    this.#highest = 0;
    for (const o of this.offers) this.#highest = Math.max(this.#highest, o.pct ?? 0);
  }

  // —— what the strategies read ——

  live(): boolean {
    return this.status === 'grievance' || this.status === 'active';
  }

  declaredMs(): number | undefined {
    return this.declared ?? undefined;
  }

  offerOnTable(): TableOffer | undefined {
    for (const o of this.offers) if (o.status === 'open' || o.status === 'putToMembers') return o;
    return undefined;
  }

  openVote(): string | undefined {
    for (const v of this.votes) if (v.closedMs === null) return v.id;
    return undefined;
  }

  awardsAcceptedPct(): number {
    let sum = 0;
    for (const a of this.awards) if (a.acceptedMs !== null) sum += a.pct ?? 0;
    return sum;
  }

  highestOfferPct(): number {
    return this.#highest;
  }

  everImposed(): boolean {
    return this.impositions > 0;
  }

  actionIdle(): boolean {
    return this.pending.length === 0 && this.running === null;
  }

  mandate(): TableMandate | undefined {
    return this.mandateRecord ?? undefined;
  }

  openBallot(): TableBallot | undefined {
    for (const b of this.ballots) if (b.closedMs === null) return b;
    return undefined;
  }

  ballotCount(): number {
    return this.ballots.length;
  }

  result(): TableResult {
    const outcome =
      this.status === 'settled' || this.status === 'imposed' || this.status === 'abandoned' ? this.status : 'ongoing';
    let upliftPct: number | null = null;
    for (const o of this.offers) {
      if (o.status === 'accepted') {
        upliftPct = round1(this.awardsAcceptedPct() + (o.pct ?? 0));
        break;
      }
    }
    return { outcome, endedMs: this.ended ?? undefined, daysOfAction: this.daysOfAction, upliftPct };
  }

  state(): TableState {
    return {
      status: this.status,
      regions:
        this.status === 'active'
          ? {
              ballot: this.ballotRegion,
              mandate: this.mandateRegion,
              offer: this.offerRegion,
              action: this.actionRegion,
            }
          : null,
      clockMs: this.clock,
      recordNowMs: this.now,
      declaredMs: this.declared,
      endedMs: this.ended,
      ballots: this.ballots.map((b) => ({ ...b })),
      mandate: this.mandateRecord && { ...this.mandateRecord },
      supplementaryMandates: this.supplementaryMandates,
      offers: this.offers.map((o) => ({ ...o })),
      referendums: this.votes.map((v) => ({ ...v })),
      awards: this.awards.map((a) => ({ ...a })),
      impositions: this.impositions,
      termsInForce: this.termsInForce,
      actions: this.actions.map((a) => ({ ...a })),
      pending: this.pending.map((a) => a.id),
      running: this.running?.id ?? null,
      daysOfAction: this.daysOfAction,
      timers: { action: this.actionTimer?.due ?? null, mandate: this.mandateTimer?.due ?? null },
    };
  }

  // —— time ——

  /** Arms a timer for an instant, its delay measured from the record's clock as the chart's delays are. */
  #arm(instant: number | undefined): FastTimer {
    return { due: this.clock + (instant === undefined ? 0 : Math.max(0, instant - this.now)), seq: ++this.seq };
  }

  advanceTo(target: number): void {
    if (target <= this.clock) return;
    for (;;) {
      const a = this.actionTimer;
      const m = this.mandateTimer;
      const aDue = a !== null && a.due <= target;
      const mDue = m !== null && m.due <= target;
      if (aDue && (!mDue || a.due < m.due || (a.due === m.due && a.seq < m.seq))) {
        this.clock = a.due;
        this.actionTimer = null;
        this.#actionTimerFired();
      } else if (mDue) {
        this.clock = m.due;
        this.mandateTimer = null;
        this.#mandateTimerFired();
      } else break;
    }
    this.clock = target;
  }

  #actionTimerFired(): void {
    if (this.actionRegion === 'announced') {
      const next = this.pending[0];
      const m = this.mandateRecord;
      if (m && m.endedMs === null && next !== undefined && m.ballot === next.ballot) {
        this.now = next.startMs;
        next.status = 'running';
        this.pending.shift();
        this.running = next;
        this.actionRegion = 'striking';
        this.actionTimer = this.#arm(next.endMs);
        return;
      }
      const more = this.pending.length > 1;
      const held = this.#hasHeldAction();
      if (next !== undefined) {
        this.now = next.startMs;
        next.status = 'lapsed';
        this.pending.shift();
      }
      if (more) this.actionTimer = this.#arm(this.pending[0]?.startMs);
      else this.actionRegion = held ? 'ended' : 'none';
    } else if (this.actionRegion === 'striking') {
      const more = this.pending.length > 0;
      const r = this.running;
      if (r) {
        const days = daysOfAction(r.startMs, r.endMs);
        this.now = r.endMs;
        r.status = 'held';
        r.days = days;
        this.running = null;
        this.daysOfAction += days;
      }
      if (more) {
        this.actionRegion = 'announced';
        this.actionTimer = this.#arm(this.pending[0]?.startMs);
      } else this.actionRegion = 'ended';
    }
  }

  #mandateTimerFired(): void {
    const m = this.mandateRecord;
    if (this.mandateRegion === 'live.window' && this.#actionBegunUnderMandate()) {
      this.now = m?.startByMs ?? this.now;
      if (m) m.startByMs = null;
      this.mandateRegion = 'live.openEnded';
      return;
    }
    if (this.mandateRegion !== 'live.term' && this.mandateRegion !== 'live.window') return;
    const at = m?.expiresMs ?? m?.startByMs ?? this.now;
    this.now = at;
    if (m) {
      m.endedMs = at;
      m.end = this.mandateEndedBy ? 'court' : 'lapsed';
    }
    this.mandateRegion = 'lapsed';
  }

  #hasHeldAction(): boolean {
    if (this.running !== null) return true;
    for (const a of this.actions) if (a.status === 'held') return true;
    return false;
  }

  #actionBegunUnderMandate(): boolean {
    const ballot = this.mandateRecord?.ballot;
    for (const a of this.actions)
      if (a.ballot === ballot && (a.status === 'running' || a.status === 'held')) return true;
    return false;
  }

  /** The offer on the table: the newest, while it is open or before the members. */
  #current(): FastOffer | undefined {
    const last = this.offers[this.offers.length - 1];
    return last && (last.status === 'open' || last.status === 'putToMembers') ? last : undefined;
  }

  /** The record's clock moves to an event it takes, never backwards. */
  #touch(at: number): void {
    if (at > this.now) this.now = at;
  }

  #end(status: 'settled' | 'imposed' | 'abandoned', at: number): void {
    this.ended = at;
    this.status = status;
    this.actionTimer = null;
    this.mandateTimer = null;
  }

  // —— moves ——

  play(move: Move): boolean {
    if (move.at < this.clock) return false;
    this.advanceTo(move.at);
    if (!this.live()) return false;
    const at = move.at;
    const active = this.status === 'active';
    switch (move.type) {
      case 'award.published':
        this.#touch(at);
        this.awards.push({ id: move.award, pct: move.pct, acceptedMs: null });
        return true;
      case 'award.accepted': {
        const award = findId(this.awards, move.award);
        if (!award || award.acceptedMs !== null) return false;
        this.#touch(at);
        for (const a of this.awards) if (a.id === move.award) a.acceptedMs = at;
        return true;
      }
      case 'terms.imposed':
        this.#touch(at);
        this.impositions++;
        this.termsInForce = true;
        return true;
      case 'referendum.opened':
        return active && this.#voteOpened(move);
      case 'referendum.closed':
        return this.#voteClosed(move);
      case 'offer.made': {
        if (!active || this.offerRegion === 'putToMembers') return false;
        if (findId(this.offers, move.offer) || this.#current()?.status === 'putToMembers') return false;
        this.#touch(at);
        const last = this.offers[this.offers.length - 1];
        if (last?.status === 'open') last.status = 'superseded';
        this.offers.push({ id: move.offer, pct: move.pct, status: 'open' });
        if (move.pct > this.#highest) this.#highest = move.pct;
        this.offerRegion = 'tabled';
        return true;
      }
      case 'offer.accepted': {
        if (!active || this.offerRegion !== 'tabled') return false;
        const offer = findId(this.offers, move.offer);
        if (!offer || offer !== this.#current()) return false;
        this.#touch(at);
        offer.status = 'accepted';
        this.#end('settled', at);
        return true;
      }
      case 'offer.rejected': {
        if (!active || this.offerRegion !== 'tabled') return false;
        const offer = findId(this.offers, move.offer);
        if (!offer || offer !== this.#current() || offer.status === 'putToMembers') return false;
        this.#touch(at);
        offer.status = 'rejected';
        this.offerRegion = 'none';
        return true;
      }
      case 'ballot.opened': {
        if (!active || this.ballotRegion !== 'idle' || move.closes <= at || findId(this.ballots, move.ballot)) {
          return false;
        }
        this.#touch(at);
        const regime = regimeForBallot(this.rules, at).id;
        this.ballots.push({
          id: move.ballot,
          regime,
          closesMs: move.closes,
          closedMs: null,
          mandate: null,
          supplementary: false,
        });
        this.ballotRegion = 'open';
        return true;
      }
      case 'ballot.closed':
        return active && this.#ballotClosed(move);
      case 'strike.called':
        return active && this.#strikeCalled(move);
      case 'dispute.ended':
        if (!active || this.running !== null || this.pending.length > 0) return false;
        this.#touch(at);
        this.#end(this.termsInForce ? 'imposed' : 'abandoned', at);
        return true;
    }
  }

  #voteOpened(move: Extract<Move, { type: 'referendum.opened' }>): boolean {
    if (this.offerRegion !== 'tabled' || findId(this.votes, move.referendum)) return false;
    const offer = findId(this.offers, move.offer);
    if (!offer || offer !== this.#current() || offer.status === 'putToMembers') return false;
    this.#touch(move.at);
    this.votes.push({ id: move.referendum, kind: move.kind, offer: move.offer, closedMs: null, result: null });
    offer.status = 'putToMembers';
    this.offerRegion = 'putToMembers';
    return true;
  }

  #voteClosed(move: Extract<Move, { type: 'referendum.closed' }>): boolean {
    if (move.yesPct + move.noPct > 100 + 1e-9) return false;
    const vote = findId(this.votes, move.referendum);
    if (!vote || vote.closedMs !== null) return false;
    const current = this.#current();
    const onOffer = vote.offer !== null && current?.status === 'putToMembers' && current.id === vote.offer;
    const result = move.yesPct > move.noPct ? 'yes' : 'no';
    if (onOffer && !(this.status === 'active' && this.offerRegion === 'putToMembers')) return false;
    this.#touch(move.at);
    vote.closedMs = move.at;
    vote.result = result;
    const offer = vote.offer === null ? undefined : findId(this.offers, vote.offer);
    if (offer?.status === 'putToMembers') {
      offer.status = result === 'no' ? 'rejected' : vote.kind === 'referendum' ? 'accepted' : 'open';
    }
    if (!onOffer) return true;
    if (result === 'yes' && vote.kind === 'referendum') this.#end('settled', move.at);
    else this.offerRegion = result === 'no' ? 'none' : 'tabled';
    return true;
  }

  #ballotClosed(move: Extract<Move, { type: 'ballot.closed' }>): boolean {
    const { at, entitled, cast, yes, no } = move;
    if (this.ballotRegion !== 'open' || cast > entitled || yes + no > cast) return false;
    const ballot = findId(this.ballots, move.ballot);
    if (!ballot || ballot.closedMs !== null) return false;
    const verdict = judgeCounts(ballot.regime, this.#ips, entitled, cast, yes, no);
    if (!verdict.known) return false;
    const rule = regimeById(ballot.regime).mandate;
    // The mandate region's move, chosen on the record as it was.
    const region = this.mandateRegion;
    const live = region === 'live.term' || region === 'live.window' || region === 'live.openEnded';
    let next: FastMandateState | undefined;
    if (!ballot.supplementary) {
      if (verdict.mandate) next = rule.kind === 'until-given-up' ? 'live.window' : 'live.term';
      else if (!live) next = 'failed';
    }
    // The record.
    this.#touch(at);
    ballot.closedMs = at;
    ballot.mandate = verdict.mandate;
    if (verdict.mandate) {
      const granted: FastMandate = {
        ballot: ballot.id,
        regime: ballot.regime,
        grantedMs: at,
        expiresMs: rule.kind === 'fixed' ? mandateEnd(at, rule.months, 0) : null,
        startByMs: rule.kind === 'until-given-up' ? mandateEnd(at, 0, rule.startWithinWeeks * 7) : null,
        endedMs: null,
        end: null,
      };
      if (ballot.supplementary) this.supplementaryMandates++;
      else {
        const held = this.mandateRecord;
        if (held && held.endedMs === null) {
          // A renewed mandate carries on the strikes called or under way.
          for (const a of this.pending) a.ballot = ballot.id;
          if (this.running) this.running.ballot = ballot.id;
        }
        this.mandateRecord = granted;
        this.mandateEndedBy = false;
      }
    }
    // The regions: the ballot closes; the mandate region leaves its state and enters the new one, arming its timer.
    this.ballotRegion = 'idle';
    if (next !== undefined) {
      this.mandateTimer = null;
      this.mandateRegion = next;
      if (next === 'live.term') this.mandateTimer = this.#arm(this.mandateRecord?.expiresMs ?? undefined);
      else if (next === 'live.window') this.mandateTimer = this.#arm(this.mandateRecord?.startByMs ?? undefined);
    }
    return true;
  }

  #strikeCalled(move: Extract<Move, { type: 'strike.called' }>): boolean {
    const { at, start, end } = move;
    if (end <= start || findId(this.actions, move.action)) return false;
    const m = this.mandateRecord;
    if (!m || m.endedMs !== null) return false;
    if (calendarDays(at, start) < regimeForNotice(this.rules, at).noticeDays) return false;
    if (m.expiresMs !== null && !(end < m.expiresMs)) return false;
    if (m.startByMs !== null && start >= m.startByMs && !this.#actionBegunUnderMandate()) {
      const first = this.pending[0];
      if (!(first && first.startMs < m.startByMs)) return false;
    }
    this.#touch(at);
    const action: FastAction = {
      id: move.action,
      startMs: start,
      endMs: end,
      ballot: m.ballot,
      status: 'called',
      days: null,
    };
    this.actions.push(action);
    let i = 0;
    while (i < this.pending.length && (this.pending[i] as FastAction).startMs <= start) i++;
    this.pending.splice(i, 0, action);
    if (this.actionRegion !== 'striking') {
      this.actionRegion = 'announced';
      this.actionTimer = this.#arm(this.pending[0]?.startMs);
    }
    return true;
  }
}
