/**
 * Paths through the dispute chart, for exploring what could still happen: a walk of the states reachable from
 * any snapshot under a bounded vocabulary of events and the chart's own timers, what it reaches, and the
 * shortest ways to each outcome. Pure (no I/O), so it runs in the browser as in Node.
 */
export {
  type DisputeGraph,
  type DisputePath,
  pathTo,
  type WalkedState,
  type WalkOptions,
  walkDispute,
} from './adjacency.js';
export { type Reachability, reachableFrom } from './reachability.js';
export { serializeDispute } from './serialize.js';
export { FINAL_OUTCOMES, type FinalOutcome, shortestPathsToOutcomes, shortestPathTo } from './shortestPaths.js';
export {
  candidateMoves,
  initialSnapshot,
  type Move,
  movesFrom,
  nextTimer,
  type PathStep,
  type TimerName,
  takeMove,
} from './steps.js';
