/**
 * The walk: every dispute state reachable from a snapshot, breadth first, with the moves between them. The
 * first path to reach each state is a shortest one (fewest moves), so paths come from the walk itself.
 */
import type { DisputeSnapshot } from '../../machine/index.js';
import type { DisputeEvent } from '../../schemas/events/index.js';
import { serializeDispute } from './serialize.js';
import { candidateMoves, type Move, movesFrom, type PathStep, takeMove } from './steps.js';

/** How a walk runs. */
export interface WalkOptions {
  /** The outside events to try from a snapshot (timers are always tried): `candidateMoves` unless given. */
  events?: (snapshot: DisputeSnapshot) => readonly DisputeEvent[];
  /** The key states are told apart by: `serializeDispute` unless given. It must take finitely many values. */
  serialize?: (snapshot: DisputeSnapshot) => string;
  /** The most states the walk visits before it gives up, incomplete (100 000 unless given). */
  limit?: number;
  /** States the walk reaches but does not walk on from. */
  stopWhen?: (snapshot: DisputeSnapshot) => boolean;
  /** The most moves from the start: states this far away are reached but not walked on from (no limit unless given). */
  maxDepth?: number;
  /** Ends the walk as soon as it reaches a state this holds for (the walk is then incomplete). */
  until?: (snapshot: DisputeSnapshot) => boolean;
}

/** A state the walk reached: its first snapshot, how it was first reached, and the moves out of it. */
export interface WalkedState {
  key: string;
  snapshot: DisputeSnapshot;
  /** Moves from the start on a shortest path here. */
  depth: number;
  /** The state before on a shortest path here, and the move from it; none for the start. */
  via?: { from: string; move: Move };
  /** Each move the machine accepts here, to the state it leads to (moves that lead back here are left out). */
  edges: { move: Move; to: string }[];
}

/** The states reachable from a snapshot, keyed, in the order the walk reached them (nearest first). */
export interface DisputeGraph {
  start: string;
  states: Map<string, WalkedState>;
  /** Whether the walk ran out of states to visit, rather than stopping at its limit, its depth or at `until`. */
  complete: boolean;
}

/** A path through the chart: from a snapshot, each step taken, and the snapshot it ends in. */
export interface DisputePath {
  from: DisputeSnapshot;
  steps: PathStep[];
  state: DisputeSnapshot;
}

/**
 * Walks the dispute chart from a snapshot (a replay's at some step, or `initialSnapshot`), breadth first, trying
 * the outside events of `options.events` and the next timer from each state, and telling states apart by
 * `options.serialize`.
 *
 * Limits: outside events are dated at the record's clock, so time moves only when a timer fires, and the walk
 * never sees what depends on time passing between events (a law changing on its date, notice running out). Only
 * the template events of the vocabulary are tried (fixed ballot figures, a strike 15 days ahead lasting 3), and
 * the key keeps only what `serializeDispute` says: each state keeps the snapshot first found for it. So what the
 * walk reaches is reachable, and what it does not reach may still be, by other dates or figures.
 */
export function walkDispute(from: DisputeSnapshot, options: WalkOptions = {}): DisputeGraph {
  const { events = candidateMoves, serialize = serializeDispute, limit = 100_000, stopWhen, until } = options;
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  let cut = false;
  const start = serialize(from);
  const states = new Map<string, WalkedState>([[start, { key: start, snapshot: from, depth: 0, edges: [] }]]);
  if (until?.(from)) return { start, states, complete: false };
  const queue: WalkedState[] = [states.get(start) as WalkedState];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as WalkedState;
    if (state.depth >= maxDepth) {
      // A state the depth keeps the walk from going on from: what lies beyond it is not known.
      cut ||= state.snapshot.status === 'active';
      continue;
    }
    if (stopWhen?.(state.snapshot)) continue;
    for (const move of movesFrom(state.snapshot, events)) {
      const next = takeMove(state.snapshot, move);
      if (!next) continue;
      const key = serialize(next);
      if (key === state.key) continue;
      state.edges.push({ move, to: key });
      if (states.has(key)) continue;
      if (states.size >= limit) return { start, states, complete: false };
      const reached: WalkedState = {
        key,
        snapshot: next,
        depth: state.depth + 1,
        via: { from: state.key, move },
        edges: [],
      };
      states.set(key, reached);
      if (until?.(next)) return { start, states, complete: false };
      queue.push(reached);
    }
  }
  return { start, states, complete: !cut };
}

/** The shortest path the walk found from its start to one of its states. */
export function pathTo(graph: DisputeGraph, key: string): DisputePath {
  const end = graph.states.get(key);
  if (!end) throw new RangeError(`the walk did not reach ${key}`);
  const steps: PathStep[] = [];
  for (let at = end; at.via; ) {
    const before = graph.states.get(at.via.from) as WalkedState;
    steps.push({ ...at.via.move, snapshot: at.snapshot });
    at = before;
  }
  const from = (graph.states.get(graph.start) as WalkedState).snapshot;
  return { from, steps: steps.reverse(), state: end.snapshot };
}
