/** Fixtures for scenario tests: load and replay shipped scenarios, and read the facts a test asserts. */

import { ScenarioCatalogue } from '../../src/loader/registry.js';
import type { DisputeRecord } from '../../src/schemas/record.js';
import type { Scenario } from '../../src/schemas/scenario.js';
import type { Trace } from '../../src/schemas/trace.js';
import { replay } from '../../src/simulation/replay.js';

/** A shipped scenario by id, alias or path, resolved. */
export function scenario(ref: string): Scenario {
  return new ScenarioCatalogue().resolve(ref);
}

/** A replay of a shipped scenario, and its final record. */
export function replayed(ref: string): { trace: Trace; final: DisputeRecord } {
  const trace = replay(scenario(ref));
  return { trace, final: trace.final.context };
}

/** The refused steps of a trace, as `id: reason` lines (empty when the replay is strict-clean). */
export function refusals(trace: Trace): string[] {
  return trace.steps.filter((s) => !s.accepted).map((s) => `${s.id ?? s.index} (${s.event.type}): ${s.reason ?? ''}`);
}

/** Days of action by the fate of the action: held, suspended, cancelled (planned days for those not held). */
export function daysByStatus(final: DisputeRecord): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of final.action.actions) {
    const days = a.days ?? Math.ceil((Date.parse(a.end) - Date.parse(a.start)) / 86_400_000 - 1e-9);
    out[a.status] = (out[a.status] ?? 0) + days;
  }
  return out;
}
