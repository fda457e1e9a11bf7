/** What can still happen from a point of a dispute: the states and outcomes a walk of the chart reaches. */
import { activePaths, type DisputeSnapshot, type Outcome, outcomeOf } from '../../machine/index.js';
import { type WalkOptions, walkDispute } from './adjacency.js';

/** The states and outcomes reachable from a snapshot, the snapshot's own included. */
export interface Reachability {
  /** Every state node some reachable snapshot is in, as dot-joined paths (`active.mandate.live.term`). */
  stateNodes: Set<string>;
  /** The outcomes reachable: `ongoing` while the dispute can still be live. */
  outcomes: Set<Outcome>;
  /** One snapshot for each state the walk told apart, nearest first. */
  states: DisputeSnapshot[];
  /** False when the walk stopped at its limit: what is listed is reachable, what is missing may be too. */
  complete: boolean;
}

/**
 * What is reachable from a snapshot, by the walk of `walkDispute` (whose limits apply: a state node or outcome
 * listed is reachable by the moves of its path; one missing is unreachable only by the walk's vocabulary).
 */
export function reachableFrom(from: DisputeSnapshot, options: Omit<WalkOptions, 'until'> = {}): Reachability {
  const graph = walkDispute(from, options);
  const states = [...graph.states.values()].map((s) => s.snapshot);
  return {
    stateNodes: new Set(states.flatMap((s) => activePaths(s))),
    outcomes: new Set(states.map((s) => outcomeOf(s))),
    states,
    complete: graph.complete,
  };
}
