/**
 * Reading a dispute snapshot: which states are active, what outcome it shows, and why an event would be refused.
 */
import type { SnapshotFrom } from 'xstate';
import type { DisputeEvent } from '../schemas/events/index.js';
import { problemWith } from './checks.js';
import type { DisputeMachine } from './dispute.machine.js';

/** A snapshot of the dispute machine. */
export type DisputeSnapshot = SnapshotFrom<DisputeMachine>;

/** How a dispute ended, or `ongoing` while it is live. */
export type Outcome = 'settled' | 'imposed' | 'abandoned' | 'ongoing';

/** The active state nodes of a snapshot as dot-joined paths, outermost first (e.g. `active.mandate.live.term`). */
export function activePaths(snapshot: DisputeSnapshot): string[] {
  return snapshot._nodes
    .filter((n) => n.path.length > 0)
    .sort((a, b) => a.order - b.order)
    .map((n) => n.path.join('.'));
}

/** The outcome a snapshot shows. */
export function outcomeOf(snapshot: DisputeSnapshot): Outcome {
  for (const o of ['settled', 'imposed', 'abandoned'] as const) if (snapshot.matches(o)) return o;
  return 'ongoing';
}

/** What each event needs of the chart's state when its rules are otherwise kept. */
const NEEDS: Partial<Record<DisputeEvent['type'], string>> = {
  'dispute.declared': 'the dispute has already been declared',
  'ballot.opened': 'another ballot is still open',
  'ballot.closed': 'no ballot is open',
  'mandate.extended': 'there is no live mandate to extend',
  'mandate.relinquished': 'there is no live mandate to give up',
  'talks.collapsed': 'no talks are under way',
  'conciliation.opened': 'conciliation is already under way',
  'conciliation.ended': 'no conciliation is under way',
  'offer.made': 'members are voting on the offer on the table',
  'offer.withdrawn': 'no offer is on the table',
  'offer.rejected': 'no offer is on the table',
  'offer.accepted': 'no offer is on the table',
  'referendum.opened': 'that offer is not on the table',
  'referendum.closed': 'that vote is not open',
  'strike.called': 'there is no live mandate for industrial action',
  'strike.rescheduled': 'no strike is called',
  'strike.rescoped': 'no strike is called',
  'strike.suspended': 'no strike is called',
  'strike.cancelled': 'no strike is called',
  'dispute.ended': 'the dispute has not been declared',
};

/** Why the machine in this snapshot would refuse the event, in words for a reader; undefined if it accepts it. */
export function explainRefusal(snapshot: DisputeSnapshot, event: DisputeEvent): string | undefined {
  if (snapshot.status !== 'active') return `the dispute is over (${outcomeOf(snapshot)})`;
  if (snapshot.can(event)) return undefined;
  const problem = problemWith(snapshot.context, event);
  if (problem) return problem;
  if (snapshot.matches('grievance')) return 'the dispute has not been declared yet';
  return NEEDS[event.type] ?? `${event.type} is not possible now`;
}
