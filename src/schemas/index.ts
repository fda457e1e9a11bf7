/** The zod schemas: events, scenarios and traces. */
export * from './events/index.js';
export * from './modeline.js';
export * from './primitives.js';
export * from './scenario.js';
export * from './trace.js';
