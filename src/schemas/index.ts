/** The zod schemas: events, scenarios, the dispute's record and traces. */
export * from './events/index.js';
export * from './modeline.js';
export * from './primitives.js';
export * from './record.js';
export * from './scenario.js';
export * from './trace.js';
