/** The dispute statechart and the rules and records behind it. */
export * from './checks.js';
export * from './context.js';
export * from './dispute.machine.js';
export * from './explain.js';
