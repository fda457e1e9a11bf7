/**
 * The Trace: what a replay did, step by step. `dispute-sim replay --json` prints it; renderers, the inspector and
 * comparisons read it. Its shape is a contract (DESIGN.md). Version 2 carries each step's record as a JSON Patch
 * (RFC 6902) from the record before it, with the first and last records whole, so a Trace grows linearly with
 * the events; `recordAt` (src/simulation/records.ts) gives the record at any step.
 */
import { z } from 'zod';
import { OUTCOMES } from './scenario.js';

/** The Trace format's version. */
export const TRACE_VERSION = 2;

/** A state value as XState reports it: a leaf name or nested regions. */
export const StateValue: z.ZodType<string | { [key: string]: unknown }> = z.union([
  z.string(),
  z.record(z.string(), z.unknown()),
]);

/** The record (the machine's context) as the Trace carries it. */
export const TraceRecord = z.record(z.string(), z.unknown());

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
  context: TraceRecord.optional(),
  sources: z.array(z.string()),
  note: z.string().optional(),
});
/** One step of a replay. */
export type TraceStep = z.infer<typeof TraceStep>;

/** Where a replay stands at an instant: the state, the active state nodes and the whole record. */
export const TracePoint = z.object({
  date: z.string(),
  state: StateValue,
  active: z.array(z.string()),
  context: TraceRecord,
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
