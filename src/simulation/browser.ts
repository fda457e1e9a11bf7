/**
 * What the inspector page runs itself: the machine, the engine and its replay, the records of a Trace, branches
 * and their merge, and the words for events. Bundled by esbuild into dist/web/page/engine.js (see
 * scripts/build.mjs); nothing here or below imports from `node:`, so the page needs no server to fork a dispute.
 */
export { regimeById } from '../domain/regimes.js';
export { formatInstant, parseInstant } from '../domain/time.js';
export { disputeMachine } from '../machine/dispute.machine.js';
export { activePaths, explainRefusal, outcomeOf } from '../machine/explain.js';
export { timeTicks, valueTicks } from '../render/axis.js';
export { ballotFigureWords, describeEvent, humanDate, outcomeWords, scopeAt } from '../render/describe.js';
export { ScenarioFile } from '../schemas/scenario.js';
export { Trace } from '../schemas/trace.js';
export { inspectionSteps } from '../web/steps.js';
export { branchAt, mergeBranch } from './branch.js';
export { openBranches } from './branches.js';
export { Engine } from './engine.js';
export { recordAt, records, withFullRecords } from './records.js';
export { Replayer, replay, toMachineEvent } from './replay.js';
export { type Suggestion, skeletonAt, suggestionsOn } from './skeleton.js';
