/** Fixtures for scenario tests: load and replay shipped scenarios, and read the facts a test asserts. */

import { ScenarioCatalogue } from '../../src/loader/registry.js';
import type {
  ActionRecord,
  BallotRecord,
  DisputeRecord,
  OfferRecord,
  ReferendumRecord,
} from '../../src/schemas/record.js';
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

/** The one with an id in a list of the record, failing the test (with what it is) when it is missing. */
function named<T extends { id: string }>(list: readonly T[], id: string, what: string): T {
  const found = list.find((x) => x.id === id);
  if (!found) throw new Error(`no ${what} ${id} in the replay`);
  return found;
}

/** Lookups by id in a replay's final record: an action, a ballot, an offer, a member vote. */
export function lookups(final: DisputeRecord) {
  return {
    action: (id: string): ActionRecord => named(final.action.actions, id, 'action'),
    ballot: (id: string): BallotRecord => named(final.balloting.ballots, id, 'ballot'),
    offer: (id: string): OfferRecord => named(final.negotiation.offers, id, 'offer'),
    vote: (id: string): ReferendumRecord => named(final.negotiation.referendums, id, 'member vote'),
  };
}
