/**
 * The Trace: what a replay did, step by step. `dispute-sim replay --json` prints it; renderers, the inspector and
 * comparisons read it. Its shape is a contract (DESIGN.md). Each step carries the record as a JSON Patch (RFC 6902)
 * from the record before it, with the first and last records whole, so a Trace grows linearly with the events;
 * `recordAt` (src/simulation/records.ts) gives the record at any step. The record is a `DisputeRecord`
 * (src/schemas/record.ts), grouped since version 3 (`balloting.ballots`, `action.daysOfAction`, …); version 4 added what the RCN's and the
 * consultants' disputes needed (ballot figures as published, constituencies, court orders, terms implemented).
 */
import { z } from 'zod';
import { TRACE_VERSION } from './version.js';

export { TRACE_VERSION };

import { DisputeRecord } from './record.js';
import { OUTCOMES } from './scenario.js';

/** A state value as XState reports it: a leaf name or nested regions. */
export const StateValue: z.ZodType<string | { [key: string]: unknown }> = z.union([
  z.string(),
  z.record(z.string(), z.unknown()),
]);

/** One operation of a JSON Patch (RFC 6902): only add, remove and replace are written. */
export const PatchOperation = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), path: z.string(), value: z.unknown() }),
  z.object({ op: z.literal('replace'), path: z.string(), value: z.unknown() }),
  z.object({ op: z.literal('remove'), path: z.string() }),
]);

/** One step of a replay: an event from the scenario, or the passage of time, and the state it led to. */
export const TraceStep = z.object({
  index: z.number().int().nonnegative(),
  date: z.string(),
  /** The scenario event's id, for steps caused by the scenario. */
  id: z.string().optional(),
  event: z.looseObject({ type: z.string() }),
  cause: z.enum(['scenario', 'time']),
  accepted: z.boolean(),
  /** Why the machine refused the event. */
  reason: z.string().optional(),
  state: StateValue,
  active: z.array(z.string()),
  /** What this step changed in the record, from the step before (or `initial`): a JSON Patch. */
  patch: z.array(PatchOperation).optional(),
  /** The whole record at this step, instead of `patch`, in a Trace written with full records. */
  context: DisputeRecord.optional(),
  sources: z.array(z.string()),
  note: z.string().optional(),
  /** What came of the event later, written with hindsight (classroom mode and student handouts leave it out). */
  later: z.string().optional(),
});
/** One step of a replay. */
export type TraceStep = z.infer<typeof TraceStep>;

/** Where a replay stands at an instant: the state, the active state nodes and the whole record. */
export const TracePoint = z.object({
  date: z.string(),
  state: StateValue,
  active: z.array(z.string()),
  /** The whole record then. */
  context: DisputeRecord,
});

/** A whole replay. */
export const Trace = z.object({
  version: z.literal(TRACE_VERSION),
  scenario: z.object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(['historical', 'counterfactual', 'example']),
    rules: z.string(),
  }),
  /** Before the first step: the machine as it starts, at the scenario's first instant. */
  initial: TracePoint,
  steps: z.array(TraceStep),
  final: TracePoint.extend({ outcome: z.enum(OUTCOMES) }),
});
/** A whole replay. */
export type Trace = z.infer<typeof Trace>;
