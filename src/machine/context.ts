/**
 * What the dispute machine remembers: its context is the dispute's record, whose shape is the zod schema
 * `DisputeRecord` (src/schemas/record.ts), so that the record a Trace prints is checked against the same
 * definition the machine is typed by.
 */
import type { RulesChoice } from '../domain/regimes.js';
import { regimeAt } from '../domain/regimes.js';
import { formatInstant, parseInstant } from '../domain/time.js';
import type { DisputeRecord } from '../schemas/record.js';

/** The dispute's facts: the machine's context, a `DisputeRecord`. */
export type DisputeContext = DisputeRecord;

/** What a dispute machine starts from: the rules, the sector and the first instant. */
export interface DisputeInput {
  rules?: RulesChoice;
  importantPublicService?: boolean;
  start: string;
}

/** The context of a dispute that has not yet begun. */
export function initialContext(input: DisputeInput): DisputeContext {
  const startMs = parseInstant(input.start);
  return {
    now: formatInstant(startMs),
    law: {
      rules: input.rules ?? 'by-date',
      importantPublicService: input.importantPublicService ?? true,
      inForce: regimeAt(startMs).id,
    },
    dispute: { declaredAt: null, union: null, claim: null, endedAt: null },
    balloting: { ballots: [], mandate: null, supplementaryMandates: [] },
    negotiation: { talks: [], conciliation: [], offers: [], referendums: [], awards: [] },
    action: { actions: [], pending: [], running: null, daysOfAction: 0 },
    surroundings: { polls: [], officeHolders: [], impositions: [], implementations: [], challenges: [] },
  };
}

/** The people in office now, one per role. */
export function currentOfficeHolders(context: DisputeContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const o of context.surroundings.officeHolders) out[o.role] = o.holder;
  return out;
}
