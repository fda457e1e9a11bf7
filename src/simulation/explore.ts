/**
 * Exploration: at a step of a replay, what the machine accepts, how near each outcome still is (the fewest lawful
 * events, and the days the law makes them take), how near a strike is, and the replay's decision points, where
 * those answers changed. Pure (no I/O), on the engine and the walks of `paths/`, so a page can explore too.
 */
import { regimeForNotice } from '../domain/regimes.js';
import { addDays, DAY_MS, formatInstant, parseInstant } from '../domain/time.js';
import { nextPendingAction, runningAction } from '../machine/checks.js';
import { activePaths, type DisputeSnapshot, disputeMachine, outcomeOf } from '../machine/index.js';
import { humanDate } from '../render/describe.js';
import type { DisputeEvent } from '../schemas/events/index.js';
import type { Scenario } from '../schemas/scenario.js';
import { openBranches } from './branches.js';
import type { Engine, TimedStep } from './engine.js';
import {
  candidateMoves,
  type DisputePath,
  FINAL_OUTCOMES,
  type FinalOutcome,
  nextTimer,
  serializeDispute,
  shortestPathsToOutcomes,
  shortestPathTo,
} from './paths/index.js';
import { Replayer } from './replay.js';

/**
 * The shortest windows the shipped record holds, which a dated path takes as the least a ballot or a member vote
 * lasts (the law sets no minimum for either): 14 days for a statutory ballot (the junior doctors' re-ballot of
 * August 2023), 5 for a member vote (the resident doctors' survey of December 2025). test/simulation/explore.test.ts
 * checks them against the shipped disputes.
 */
export const SHORTEST_WINDOWS = { ballotDays: 14, voteDays: 5 } as const;

/** How long a strike lasts on a dated path: the walks' one-day strike. */
const STRIKE_DAYS = 1;

/** Where an exploration stands: the replay's step (after it), its instant, and the scenario event it was. */
export interface ExplorePoint {
  /** The index of the last step replayed, or -1 before the first. */
  index: number;
  date: string;
  id?: string;
  /** The scenario event the point is just before, when `--at` named one. */
  before?: string;
}

/** One step of a path: an event (or a step of time: `strike.started`), and when it happens on the dated path. */
export interface PathPoint {
  type: string;
  at: string;
}

/** How near something still is: whether it is reachable, by which events, how many and in how many days. */
export interface Nearness {
  reachable: boolean;
  path: PathPoint[];
  /** Events from outside on the path (not counting the steps time takes by itself). */
  events: number;
  /** Days from the step to the end of the path, with notice, ballot and vote windows as the law and the record have them. */
  days: number | null;
}

/** An outcome and how near it is. */
export interface OutcomeNearness extends Nearness {
  outcome: FinalOutcome;
  /** True for the outcome a dispute that is over ended in (then no outcome is reachable any more). */
  reached?: true;
}

/** A move the machine accepts now, by the region of the chart it moves. */
export interface Accepted {
  region: string;
  type: string;
  label: string;
}

/** A step of the replay where what could still happen changed. */
export interface DecisionPoint {
  index: number;
  date: string;
  id?: string;
  /** Outcomes that stopped being reachable here. */
  lost: FinalOutcome[];
  /** Outcomes that became reachable here. */
  gained: FinalOutcome[];
  /** Moves the machine accepts after this step and not before, and the reverse. */
  movesGained: string[];
  movesLost: string[];
  note: string;
}

/** What an exploration answers. */
export interface Exploration {
  scenario: { id: string; title: string };
  at: ExplorePoint;
  state: string[];
  accepts: Accepted[];
  outcomes: OutcomeNearness[];
  /** How near a strike under way is (a ballot, a mandate, notice): the union's own road. */
  strike: Nearness;
  decisionPoints: DecisionPoint[];
}

/** How to explore. */
export interface ExploreOptions {
  /** An event id (the state just before that event) or a date (the state at the end of that day). */
  at?: string;
  /** The most events a path may hold (12 unless given). */
  depth?: number;
  /** The most decision points listed, the strongest first kept (12 unless given). */
  decisionPoints?: number;
}

/** The events a walk needs to end a dispute: offers and their answers, impositions, calling strikes off, the end. */
const ENDING = new Set<DisputeEvent['type']>([
  'dispute.declared',
  'offer.made',
  'offer.accepted',
  'offer.withdrawn',
  'referendum.closed',
  'terms.imposed',
  'terms.paused',
  'strike.cancelled',
  'dispute.ended',
]);

/** The events a walk needs to get a strike under way: a ballot that passes, and a call. */
const STRIKING = new Set<DisputeEvent['type']>(['ballot.opened', 'ballot.closed', 'strike.called', 'dispute.declared']);

/**
 * The moves that can end a dispute, of those a full walk tries (`candidateMoves`): no other move makes a path
 * to an outcome shorter, so a walk of these finds the same shortest paths, quicker (test/simulation/explore.test.ts
 * checks it against the full walk at every step of the shipped disputes). Only the first strike called or under
 * way is called off: calling off another leads to the same state.
 */
export function endingMoves(snapshot: DisputeSnapshot): DisputeEvent[] {
  const first = runningAction(snapshot.context)?.id ?? nextPendingAction(snapshot.context)?.id;
  return candidateMoves(snapshot).filter(
    (e) =>
      ENDING.has(e.type) &&
      (e.type !== 'strike.cancelled' || e.action === first) &&
      (e.type !== 'referendum.closed' || (e.yesPct ?? 0) > 50),
  );
}

/**
 * The moves that can get a strike under way: a ballot opened, one that passes, and a call of a one-day strike
 * with the least notice the law then in force asks (a longer one could miss a mandate's end that a day fits).
 */
export function strikingMoves(snapshot: DisputeSnapshot): DisputeEvent[] {
  const c = snapshot.context;
  const moves = candidateMoves(snapshot).filter(
    (e) => STRIKING.has(e.type) && e.type !== 'strike.called' && (e.type !== 'ballot.closed' || (e.cast ?? 0) >= 500),
  );
  if (snapshot.status !== 'active' || c.action.pending.length >= 2) return moves;
  const at = parseInstant(c.now);
  const start = addDays(at, regimeForNotice(c.law.rules, at).noticeDays);
  const call: DisputeEvent = {
    type: 'strike.called',
    at: c.now,
    action: `strike-${c.action.actions.length + 1}`,
    start: formatInstant(start),
    end: formatInstant(addDays(start, 1)),
    scope: 'full-walkout',
  };
  return [...moves, call];
}

const isStriking = (s: DisputeSnapshot): boolean => s.matches({ active: { action: 'striking' } });

/**
 * The key the walk to a strike tells states apart by: the usual one and the mandate's end, since a mandate renewed
 * by a new ballot is in the same state as the old one but may leave room for notice where the old one did not.
 * (Only this small walk keys on it: the full walk would grow without end on every extension it could try.)
 */
const strikingKey = (s: DisputeSnapshot): string => {
  const m = s.context.balloting.mandate;
  return `${serializeDispute(s)}|${m?.endedAt ? 'ended' : (m?.expiresAt ?? m?.startBy ?? '')}`;
};

/** The region of the chart each event type moves first: its own handler's region, else the dispute as a whole. */
const REGION_OF = (() => {
  const out = new Map<string, string>();
  const active = disputeMachine.root.states.active;
  for (const [region, node] of Object.entries(active?.states ?? {})) {
    const walk = (n: typeof node): void => {
      for (const type of n.transitions.keys()) if (!out.has(type)) out.set(type, region);
      for (const child of Object.values(n.states)) walk(child);
    };
    walk(node);
  }
  return out;
})();

/** The moves the machine accepts at a snapshot, each with the region it moves. */
export function acceptedMoves(snapshot: DisputeSnapshot): Accepted[] {
  return openBranches(snapshot).map((b) => ({
    region: REGION_OF.get(b.type) ?? 'dispute',
    type: b.type,
    label: b.label,
  }));
}

/** A path's moves on a copy of the engine, dated as the law and the record's shortest windows allow. */
function datedPath(engine: Engine, path: DisputePath): { points: PathPoint[]; days: number | null } {
  const run = engine.fork();
  const start = run.nowMs;
  const points: PathPoint[] = [];
  const timed = (steps: TimedStep[]) => {
    for (const t of steps) points.push({ type: t.type, at: formatInstant(t.atMs) });
  };
  try {
    for (const step of path.steps) {
      if (step.cause === 'time') {
        const due = nextTimer(run.snapshot);
        if (!due) return { points, days: null };
        timed(run.advanceTo(parseInstant(due.at)));
        continue;
      }
      const sent = run.send(retimed(run, step.event));
      timed(sent.timed);
      if (!sent.accepted) return { points, days: null };
      points.push({ type: sent.event.type, at: formatInstant(parseInstant(sent.event.at)) });
    }
    return { points, days: Math.max(0, Math.ceil((run.nowMs - start) / DAY_MS - 1e-9)) };
  } finally {
    run.stop();
  }
}

/** Every instant field of an event, shifted by a span of time. */
function shifted(event: DisputeEvent, byMs: number): DisputeEvent {
  const out: Record<string, unknown> = { ...event };
  for (const key of ['at', 'start', 'end', 'closes', 'until', 'noticeServed', 'announced'] as const) {
    const v = out[key];
    if (typeof v === 'string') out[key] = formatInstant(parseInstant(v) + byMs);
  }
  return out as DisputeEvent;
}

/**
 * A walk's template event dated on the engine's clock at the earliest the law and the record's shortest windows
 * allow: a ballot closes 14 days after it opened, a member vote 5, a strike starts when notice has run (the days
 * the law then in force asks) and lasts three days; anything else happens at once.
 */
function retimed(run: Engine, event: DisputeEvent): DisputeEvent {
  const c = run.snapshot.context;
  let at = run.nowMs;
  if (event.type === 'ballot.closed') {
    const opened = c.balloting.ballots.find((b) => b.id === event.ballot)?.openedAt;
    if (opened) at = Math.max(at, addDays(parseInstant(opened), SHORTEST_WINDOWS.ballotDays));
  }
  if (event.type === 'referendum.closed') {
    const opened = c.negotiation.referendums.find((r) => r.id === event.referendum)?.openedAt;
    if (opened) at = Math.max(at, addDays(parseInstant(opened), SHORTEST_WINDOWS.voteDays));
  }
  const moved = shifted(event, at - parseInstant(event.at));
  if (moved.type !== 'strike.called') return moved;
  const start = addDays(at, regimeForNotice(c.law.rules, at).noticeDays);
  return { ...moved, start: formatInstant(start), end: formatInstant(addDays(start, STRIKE_DAYS)) };
}

/** A path found by a walk, dated on the engine, as a reader is told it. */
function nearness(engine: Engine, path: DisputePath | undefined): Nearness {
  if (!path) return { reachable: false, path: [], events: 0, days: null };
  const dated = datedPath(engine, path);
  // Where the law's earliest dates do not fit the path (a mandate too near its end), the walk's own dates stand.
  const points =
    dated.days === null
      ? path.steps.map((s) => ({
          type: s.cause === 'scenario' ? s.event.type : s.timer,
          at: s.cause === 'scenario' ? formatInstant(parseInstant(s.event.at)) : s.at,
        }))
      : dated.points;
  return {
    reachable: true,
    path: points,
    events: path.steps.filter((s) => s.cause === 'scenario').length,
    days: dated.days,
  };
}

/** The outcomes reachable from a snapshot and the fewest moves to each (by the ending moves alone). */
function outcomePaths(snapshot: DisputeSnapshot, depth: number): Partial<Record<FinalOutcome, DisputePath>> {
  return shortestPathsToOutcomes(snapshot, { events: endingMoves, limit: 50_000, maxDepth: depth });
}

/** A replay of a scenario with every step's snapshot kept, for exploring any of them. */
interface ExploredReplay {
  points: { point: ExplorePoint; snapshot: DisputeSnapshot; type: string }[];
}

function replayPoints(scenario: Scenario): ExploredReplay {
  const points: ExploredReplay['points'] = [];
  const replayer = new Replayer(scenario, scenario.period.from, {
    onStep: (step, snapshot) =>
      points.push({
        point: { index: step.index, date: step.date, ...(step.id !== undefined ? { id: step.id } : {}) },
        snapshot,
        type: step.accepted ? step.event.type : 'refused',
      }),
  });
  try {
    for (const event of scenario.events) replayer.offer(event);
    // Time runs on to the end of the period, so steps after the last event (a strike it called, a lapse) count.
    replayer.advanceTo(endOfDay(scenario.period.to));
  } finally {
    replayer.stop();
  }
  return { points };
}

/** The index of the step to explore: before an event by id, at the end of a day, or just after the declaration. */
function chooseStep(scenario: Scenario, replay: ExploredReplay, at: string | undefined): number {
  const { points } = replay;
  if (at === undefined) {
    const declared = points.findIndex((p) => p.snapshot.context.dispute.declaredAt !== null);
    return declared >= 0 ? declared : points.length - 1;
  }
  if (scenario.events.some((e) => e.id === at)) {
    const step = points.findIndex((p) => p.point.id === at);
    return step - 1;
  }
  const end = endOfDay(at);
  let chosen = -1;
  for (const [i, p] of points.entries()) if (parseInstant(p.point.date) <= end) chosen = i;
  return chosen;
}

/** The last instant of a day (or an instant itself). */
const endOfDay = (at: string): number => parseInstant(/^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T23:59:59` : at);

/** A point of the scenario the `--at` of a command names: an event id, or a date. */
export class UnknownPointError extends Error {
  constructor(
    readonly at: string,
    readonly scenarioId: string,
  ) {
    super(`"${at}" is neither an event of ${scenarioId} nor a date (2023-05-22)`);
    this.name = 'UnknownPointError';
  }
}

/** Whether `at` names a point of the scenario: one of its event ids, or a valid date or instant. */
export function isPointOf(scenario: Scenario, at: string): boolean {
  if (scenario.events.some((e) => e.id === at)) return true;
  try {
    const t = endOfDay(at);
    return t >= parseInstant(scenario.period.from) && t <= endOfDay(scenario.period.to);
  } catch {
    return false;
  }
}

/** An engine at a step of the scenario's replay, the step's own snapshot reached again. */
function engineAt(scenario: Scenario, replay: ExploredReplay, index: number, atMs?: number): Engine {
  const replayer = new Replayer(scenario, scenario.period.from);
  const target = replay.points[index];
  if (target) {
    const events = replay.points.slice(0, index + 1).filter((p) => p.point.id !== undefined).length;
    for (const event of scenario.events.slice(0, events)) replayer.offer(event);
    if (replayer.steps.length < index + 1) replayer.advanceTo(parseInstant(target.point.date));
  }
  // The clock goes on to the instant asked for (an event's own, or the end of a day) when nothing happens
  // before it, so paths are dated from there.
  const next = replay.points[index + 1];
  const nextAt = next ? parseInstant(next.point.date) : Number.POSITIVE_INFINITY;
  if (atMs !== undefined && (nextAt > atMs || (nextAt === atMs && next?.point.id !== undefined))) {
    replayer.advanceTo(atMs);
  }
  return replayer.engine;
}

/** How near each outcome and a strike are at a snapshot, with the engine there to date the paths. */
function nearnessAt(engine: Engine, depth: number): { outcomes: OutcomeNearness[]; strike: Nearness } {
  const snapshot = engine.snapshot;
  if (snapshot.status !== 'active') {
    // Over: nothing more can happen. The outcome it ended in is marked as reached, not as reachable.
    const ended = outcomeOf(snapshot);
    const none = { reachable: false, path: [], events: 0, days: null };
    return {
      outcomes: FINAL_OUTCOMES.map((outcome) => ({
        outcome,
        ...none,
        ...(outcome === ended ? { reached: true as const } : {}),
      })),
      strike: none,
    };
  }
  const paths = outcomePaths(snapshot, depth);
  const outcomes = FINAL_OUTCOMES.map((outcome) => ({ outcome, ...nearness(engine, paths[outcome]) }));
  const strike = isStriking(snapshot)
    ? { reachable: true, path: [], events: 0, days: 0 }
    : nearness(
        engine,
        shortestPathTo(snapshot, isStriking, {
          events: strikingMoves,
          serialize: strikingKey,
          limit: 50_000,
          maxDepth: depth,
        }),
      );
  return { outcomes, strike };
}

/**
 * Explores a scenario at a step: what the machine accepts there, how near each outcome and a strike are, and the
 * replay's decision points (steps where an outcome became unreachable or reachable again, where the road to a
 * strike opened or closed, where the moves on offer changed most).
 */
export function explore(scenario: Scenario, options: ExploreOptions = {}): Exploration {
  if (options.at !== undefined && !isPointOf(scenario, options.at))
    throw new UnknownPointError(options.at, scenario.id);
  const depth = options.depth ?? 12;
  const replay = replayPoints(scenario);
  const index = chooseStep(scenario, replay, options.at);
  const asked = options.at === undefined ? undefined : scenario.events.find((e) => e.id === options.at);
  const atMs =
    options.at === undefined
      ? undefined
      : asked
        ? Math.max(parseInstant(asked.at), parseInstant(replay.points[index]?.point.date ?? scenario.period.from))
        : Math.min(endOfDay(options.at), endOfDay(scenario.period.to));
  const engine = engineAt(scenario, replay, index, atMs);
  try {
    const snapshot = engine.snapshot;
    const last = replay.points[index]?.point ?? { index: -1, date: formatInstant(engine.nowMs) };
    const reached = { ...last, date: formatInstant(engine.nowMs) };
    const before =
      options.at !== undefined && scenario.events.some((e) => e.id === options.at) ? options.at : undefined;
    const point = before !== undefined ? { ...reached, before } : reached;
    return {
      scenario: { id: scenario.id, title: scenario.title },
      at: point,
      state: activePaths(snapshot),
      accepts: acceptedMoves(snapshot),
      ...nearnessAt(engine, depth),
      decisionPoints: decisionPoints(replay, options.decisionPoints ?? 12),
    };
  } finally {
    engine.stop();
  }
}

/** What could still happen at a snapshot, in the terms decision points compare: reachable outcomes, moves, a strike. */
interface Prospect {
  outcomes: Set<FinalOutcome>;
  moves: Set<string>;
  strike: boolean;
  /** The fewest events to each reachable outcome. */
  distance: Partial<Record<FinalOutcome, number>>;
}

function prospect(snapshot: DisputeSnapshot): Prospect {
  const paths = snapshot.status === 'active' ? shortestPathsToOutcomes(snapshot, { events: endingMoves }) : {};
  const distance: Prospect['distance'] = {};
  for (const [o, p] of Object.entries(paths) as [FinalOutcome, DisputePath][]) {
    distance[o] = p.steps.filter((s) => s.cause === 'scenario').length;
  }
  const strike =
    snapshot.status === 'active' &&
    (isStriking(snapshot) ||
      !!shortestPathTo(snapshot, isStriking, {
        events: (s) => strikingMoves(s).filter((e) => e.type !== 'ballot.opened'),
        serialize: strikingKey,
        limit: 2_000,
      }));
  return {
    outcomes: new Set(Object.keys(paths) as FinalOutcome[]),
    moves: new Set(openBranches(snapshot).map((b) => b.label)),
    strike,
    distance,
  };
}

/** The events whose step can bring an outcome within one event: offers, votes, impositions, conciliation. */
const OPENINGS = new Set([
  'offer.made',
  'talks.concluded',
  'referendum.opened',
  'conciliation.ended',
  'terms.imposed',
  'terms.paused',
]);

/** Moves that follow from calling or ending strikes by themselves, not counted as the moves on offer changing. */
const FOLLOWING = new Set(['suspend a strike', 'call off a strike']);

/** Why a strike came within reach, or went out of it, at a snapshot. */
function strikeNote(snapshot: DisputeSnapshot, within: boolean): string {
  if (within) {
    if (snapshot.matches({ active: { ballot: 'open' } })) return 'a ballot is open: if it passes, a strike can follow';
    return 'a live mandate: a strike can be called with notice';
  }
  if (snapshot.matches({ active: { mandate: 'lapsed' } }))
    return 'the mandate has ended: a strike now needs a new ballot';
  if (snapshot.matches({ active: { mandate: 'failed' } })) return 'the ballot failed: a strike now needs a new ballot';
  const expires = snapshot.context.balloting.mandate?.expiresAt;
  if (snapshot.matches({ active: { mandate: 'live' } }) && expires) {
    return `the mandate ends on ${humanDate(expires)}: too soon to give notice of a strike before then`;
  }
  return 'a strike is out of reach without a new ballot';
}

/**
 * The replay's decision points: steps where the dispute ended (what it could still have reached is lost), where a
 * strike came within reach without a new ballot or went out of it (a ballot opened, a mandate won, lost or run
 * out), where an offer, a vote or an imposition brought an outcome within one event, or where the moves on offer
 * changed by five or more. The strongest are kept, in replay order.
 */
function decisionPoints(replay: ExploredReplay, most: number): DecisionPoint[] {
  const scored: { score: number; point: DecisionPoint }[] = [];
  let before: Prospect | undefined;
  for (const { point, snapshot, type } of replay.points) {
    const now = prospect(snapshot);
    if (before) {
      const lost = FINAL_OUTCOMES.filter((o) => before?.outcomes.has(o) && !now.outcomes.has(o));
      const gained = FINAL_OUTCOMES.filter((o) => !before?.outcomes.has(o) && now.outcomes.has(o));
      const movesGained = [...now.moves].filter((m) => !before?.moves.has(m));
      const movesLost = [...before.moves].filter((m) => !now.moves.has(m));
      const notes: string[] = [];
      let score = 0;
      if (snapshot.status !== 'active') {
        const reached = outcomeOf(snapshot);
        notes.push(
          `the dispute ends ${reached}${lost.length > 1 ? `: ${lost.filter((o) => o !== reached).join(' and ')} out of reach` : ''}`,
        );
        score += 10;
      } else {
        if (lost.length) {
          notes.push(`${lost.join(' and ')} out of reach`);
          score += 10;
        }
        if (gained.length) {
          notes.push(`${gained.join(' and ')} within reach`);
          score += 10;
        }
        if (now.strike !== before.strike) {
          notes.push(strikeNote(snapshot, now.strike));
          score += 6;
        }
        if (OPENINGS.has(type)) {
          for (const o of FINAL_OUTCOMES) {
            const [was, is] = [before.distance[o], now.distance[o]];
            if (is === 1 && was !== undefined && was > 1) {
              notes.push(`one event from ${o} (was ${was})`);
              score += 4;
            }
          }
        }
        const [gainedNow, lostNow] = [movesGained, movesLost].map((list) => list.filter((m) => !FOLLOWING.has(m)));
        const churn = (gainedNow?.length ?? 0) + (lostNow?.length ?? 0);
        if (churn >= 5 && notes.length > 0) score += churn - 2;
        else if (churn >= 5) {
          const listed = (list: string[] = []) => list.slice(0, 3).join(', ') + (list.length > 3 ? ', …' : '');
          notes.push(
            [
              gainedNow?.length ? `now possible: ${listed(gainedNow)}` : '',
              lostNow?.length ? `no longer: ${listed(lostNow)}` : '',
            ]
              .filter(Boolean)
              .join('; '),
          );
          score += churn - 2;
        }
      }
      if (score > 0) {
        scored.push({ score, point: { ...point, lost, gained, movesGained, movesLost, note: notes.join('; ') } });
      }
    }
    before = now;
  }
  return scored
    .sort((a, b) => b.score - a.score || a.point.index - b.point.index)
    .slice(0, most)
    .map((s) => s.point)
    .sort((a, b) => a.index - b.index);
}
