/**
 * The Trace: what a replay did, step by step. `dispute-sim replay --json` prints it; renderers, the inspector and
 * comparisons read it. Its shape is a contract (DESIGN.md).
 */
import { z } from 'zod';
import { OUTCOMES } from './scenario.js';

/** A state value as XState reports it: a leaf name or nested regions. */
export const StateValue: z.ZodType<string | { [key: string]: unknown }> = z.union([
  z.string(),
  z.record(z.string(), z.unknown()),
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
  context: z.record(z.string(), z.unknown()),
  sources: z.array(z.string()),
  note: z.string().optional(),
});
/** One step of a replay. */
export type TraceStep = z.infer<typeof TraceStep>;

/** A whole replay. */
export const Trace = z.object({
  scenario: z.object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(['historical', 'counterfactual', 'example']),
    rules: z.string(),
  }),
  steps: z.array(TraceStep),
  final: z.object({
    date: z.string(),
    state: StateValue,
    active: z.array(z.string()),
    outcome: z.enum(OUTCOMES),
    context: z.record(z.string(), z.unknown()),
  }),
});
/** A whole replay. */
export type Trace = z.infer<typeof Trace>;
