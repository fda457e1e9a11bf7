/**
 * dispute-sim as a library: the dispute statechart, the law by date, the schemas (events, scenarios, the Trace),
 * scenario loading with file:line:col problems, replays, branches, and the renderers.
 */
export {
  type BallotFigures,
  type BallotVerdict,
  judgeBallot,
  REGIME_IDS,
  REGIMES,
  type Regime,
  type RegimeId,
  type RulesChoice,
  regimeAt,
  regimeById,
  regimeForBallot,
  regimeForNotice,
} from './domain/regimes.js';
export { formatInstant, instantProblem, parseInstant } from './domain/time.js';
export { formatProblem, ScenarioLoadError, ScenarioNotFoundError, type ScenarioProblem } from './loader/errors.js';
export { loadScenarioFile, parseScenario } from './loader/load.js';
export { ScenarioCatalogue, shippedScenarioFiles } from './loader/registry.js';
export {
  activePaths,
  type DisputeContext,
  type DisputeInput,
  type DisputeMachine,
  type DisputeSnapshot,
  disputeMachine,
  explainRefusal,
  type Outcome,
  outcomeOf,
  problemWith,
} from './machine/index.js';
export { chartModel, layoutChart, toDot, toMermaid, toSvg } from './render/chart/index.js';
export { renderComparison, summarize } from './render/compare.js';
export { COLOUR, type Palette, PLAIN } from './render/palette.js';
export { renderTimeline } from './render/timeline.js';
export { traceJsonChunks, tracesJsonChunks } from './render/trace-json.js';
export * from './schemas/index.js';
export { scenarioJsonSchema } from './schemas/json-schema.js';
export { DEFAULT_STRATEGY, type Strategy, StrategyFile } from './schemas/strategy.js';
export { ActorTable, engineState, fastStartOf } from './simulation/actor-table.js';
export {
  type BranchFields,
  type BranchProblem,
  branchAt,
  type MergedBranch,
  mergeBranch,
  UnknownEventError,
} from './simulation/branch.js';
export { type Branch, candidateEvents, openBranches } from './simulation/branches.js';
export { ReplayClock } from './simulation/clock.js';
export {
  Engine,
  type EngineInput,
  type EngineOptions,
  type Sent,
  TIMED_TYPES,
  type TimedStep,
  type TimedType,
} from './simulation/engine.js';
export { FastDispute, type FastStart } from './simulation/fast.js';
export { applyPatch, diff, type PatchOperation } from './simulation/patch.js';
export {
  type DisputeGraph,
  type DisputePath,
  FINAL_OUTCOMES,
  type FinalOutcome,
  initialSnapshot,
  type Move,
  type PathStep,
  pathTo,
  type Reachability,
  reachableFrom,
  serializeDispute,
  shortestPathsToOutcomes,
  shortestPathTo,
  type TimerName,
  takeMove,
  type WalkedState,
  type WalkOptions,
  walkDispute,
} from './simulation/paths/index.js';
export { recordAt, records, withFullRecords } from './simulation/records.js';
export { type RecordMode, Replayer, type ReplayOptions, replay, toMachineEvent } from './simulation/replay.js';
export {
  runAsScenario,
  type SimulateOptions,
  type Simulation,
  type SimulationEngine,
  type SimulationStart,
  simulate,
  simulateRuns,
  simulationStart,
} from './simulation/simulate.js';
export type { Move as TableMove, Table, TableState } from './simulation/table.js';
