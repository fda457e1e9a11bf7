/**
 * The key a walk tells dispute states apart by. The record grows with every event (ballots, offers, strikes,
 * dates), so keying on the whole snapshot would never end; this keeps the chart's state and the few facts of the
 * record that decide its guards but no state shows.
 */
import { hasTermsInForce } from '../../machine/checks.js';
import type { DisputeSnapshot } from '../../machine/index.js';

/**
 * A dispute state as a walk tells it apart: the active states, whether imposed terms are in force (an ending is
 * then `imposed`, not `abandoned`), and how many strikes are called and not begun (the dispute can end only once
 * none is, and when one ends or lapses the next keeps the action `announced`). Two snapshots with the same key are
 * one state to the walk, so what only the rest of the record decides (dates, which mandate a strike was called
 * under, ids) can be missed. The count is exact: keyed only as "more than one", a walk from five called strikes
 * could not tell that calling one off makes progress, and found no way to end the dispute.
 */
export function serializeDispute(snapshot: DisputeSnapshot): string {
  const c = snapshot.context;
  return JSON.stringify([snapshot.value, hasTermsInForce(c), c.action.pending.length]);
}
