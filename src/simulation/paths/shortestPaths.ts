/** The quickest ways from a point of a dispute to a state or to each way it can end, as moves to make. */
import { type DisputeSnapshot, type Outcome, outcomeOf } from '../../machine/index.js';
import { type DisputePath, pathTo, type WalkOptions, walkDispute } from './adjacency.js';

/** The ways a dispute can end. */
export type FinalOutcome = Exclude<Outcome, 'ongoing'>;

/** The outcomes a dispute can end in, in the order paths to them are listed. */
export const FINAL_OUTCOMES: readonly FinalOutcome[] = ['settled', 'imposed', 'abandoned'];

/**
 * A path with the fewest moves (events and timers firing alike) from a snapshot to a state `to` holds for, or
 * undefined if the walk reaches none; the empty path if the snapshot itself qualifies.
 */
export function shortestPathTo(
  from: DisputeSnapshot,
  to: (snapshot: DisputeSnapshot) => boolean,
  options: Omit<WalkOptions, 'until'> = {},
): DisputePath | undefined {
  const graph = walkDispute(from, { ...options, until: to });
  const hit = [...graph.states.values()].find((s) => to(s.snapshot));
  return hit && pathTo(graph, hit.key);
}

/**
 * For each outcome the walk can reach from a snapshot, a path there with the fewest moves. The walk stops once
 * all three are found; an outcome missing is one the walk's vocabulary cannot reach (after the dispute has
 * ended, only its own outcome, by the empty path).
 */
export function shortestPathsToOutcomes(
  from: DisputeSnapshot,
  options: Omit<WalkOptions, 'until'> = {},
): Partial<Record<FinalOutcome, DisputePath>> {
  const found = new Set<Outcome>();
  const graph = walkDispute(from, {
    ...options,
    until: (s) => {
      found.add(outcomeOf(s));
      return FINAL_OUTCOMES.every((o) => found.has(o));
    },
  });
  const states = [...graph.states.values()];
  const out: Partial<Record<FinalOutcome, DisputePath>> = {};
  for (const outcome of FINAL_OUTCOMES) {
    const hit = states.find((s) => outcomeOf(s.snapshot) === outcome);
    if (hit) out[outcome] = pathTo(graph, hit.key);
  }
  return out;
}
