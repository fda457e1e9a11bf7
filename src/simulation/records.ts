/**
 * The record (the machine's context) at any step of a Trace: steps carry what changed (a JSON Patch) or, in a
 * Trace written with full records, the whole record.
 */
import type { DisputeRecord } from '../schemas/record.js';
import type { Trace } from '../schemas/trace.js';
import { applyPatch, clone } from './patch.js';

/**
 * Every step's record, in order, built by applying each step's patch to a copy of the one before: one pass over
 * the Trace for all of them. Each record yielded is its own copy.
 */
export function* records(trace: Trace): Generator<DisputeRecord> {
  let current = clone(trace.initial.context);
  for (const step of trace.steps) {
    if (step.context) current = clone(step.context);
    else if (step.patch) current = applyPatch(current, step.patch) as DisputeRecord;
    yield clone(current);
  }
}

/** The record at step `index` of a Trace (`-1` for the record before the first step). */
export function recordAt(trace: Trace, index: number): DisputeRecord {
  if (index < -1 || index >= trace.steps.length) {
    throw new RangeError(`no step ${index}: the Trace has steps 0 to ${trace.steps.length - 1}`);
  }
  // Start from the nearest whole record at or before the step, then apply the patches after it.
  let start = index;
  while (start >= 0 && !trace.steps[start]?.context) start--;
  let current = clone(start >= 0 ? (trace.steps[start]?.context as DisputeRecord) : trace.initial.context);
  for (let i = start + 1; i <= index; i++) {
    const patch = trace.steps[i]?.patch;
    if (patch) current = applyPatch(current, patch) as DisputeRecord;
  }
  return current;
}

/** A Trace whose every step carries its whole record (for readers that want each step's record at hand). */
export function withFullRecords(trace: Trace): Trace {
  const all = [...records(trace)];
  return {
    ...trace,
    steps: trace.steps.map(({ patch: _patch, ...step }, i) => ({ ...step, context: all[i] as DisputeRecord })),
  };
}
