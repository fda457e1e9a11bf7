/**
 * How each fact changes the dispute's record: plain functions from the context and an event to the parts of
 * the context that change. The machine's actions are thin wrappers around them.
 */
export * from './action.js';
export * from './ballots.js';
export { advanceNow, type ContextPatch, recordDeclared, recordEnded } from './common.js';
export * from './court.js';
export * from './negotiation.js';
export * from './surroundings.js';
