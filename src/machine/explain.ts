/**
 * Reading a dispute snapshot: which states are active, what outcome it shows, and why an event would be refused.
 * The reason a reader sees for a refusal comes from here alone, worked out from the guards of the chart.
 */
import type { AnyStateNode, SnapshotFrom } from 'xstate';
import type { DisputeEvent } from '../schemas/events/index.js';
import { eventIs, type Problem, RULES, type RuleGuard } from './checks.js';
import type { DisputeContext } from './context.js';
import { type DisputeMachine, disputeMachine } from './dispute.machine.js';

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

/** A guard as the chart holds it: a name, or `and`/`or`/`not` of guards (XState keeps their parts in `guards`). */
type GuardRef = string | ((...args: never[]) => unknown) | { type?: string } | undefined;

/** The guard of each transition the chart has for an event type, anywhere in the chart, in the chart's order. */
const GUARDS_ON = new Map<string, GuardRef[]>();

function guardsOn(type: string): GuardRef[] {
  let found = GUARDS_ON.get(type);
  if (!found) {
    found = [];
    const walk = (node: AnyStateNode) => {
      for (const t of node.transitions.get(type) ?? []) found?.push(t.guard as GuardRef);
      for (const child of Object.values(node.states)) walk(child);
    };
    walk(disputeMachine.root);
    GUARDS_ON.set(type, found);
  }
  return found;
}

const parts = (guard: GuardRef): GuardRef[] => (guard as { guards?: GuardRef[] }).guards ?? [];
const combinator = (guard: GuardRef): string | undefined =>
  typeof guard === 'function' && 'guards' in guard ? guard.name : undefined;

/** Whether a guard that chooses a branch (not a rule) holds, evaluated with the chart's own implementations. */
function holds(guard: GuardRef, context: DisputeContext, event: DisputeEvent): boolean {
  const kind = combinator(guard);
  if (kind === 'not') return !holds(parts(guard)[0], context, event);
  if (kind === 'and') return parts(guard).every((g) => holds(g, context, event));
  if (kind === 'or') return parts(guard).some((g) => holds(g, context, event));
  if (guard === undefined) return true;
  const name = typeof guard === 'string' ? guard : 'type' in guard ? guard.type : undefined;
  const impl = name ? (disputeMachine.implementations.guards as Record<string, unknown>)[name] : guard;
  return (impl as (args: { context: DisputeContext; event: DisputeEvent }) => boolean)({ context, event });
}

/**
 * What one transition's guard says of an event: `open` if it would be taken; else the rule it breaks, if a rule
 * and not a branch condition stops it. Its parts are read in order: a branch condition that fails means the
 * transition is for other cases (a question vote is not a vote on an offer), so it gives no reason.
 */
function judge(guard: GuardRef, context: DisputeContext, event: DisputeEvent): 'open' | 'other' | Problem {
  const conjuncts = combinator(guard) === 'and' ? parts(guard) : [guard];
  for (const part of conjuncts) {
    const rule = typeof part === 'string' ? (RULES as Record<string, RuleGuard>)[part] : undefined;
    if (!rule) {
      if (!holds(part, context, event)) return 'other';
    } else {
      if (!eventIs(event, ...rule.types)) return 'other';
      const broken = rule.problem(context, event);
      if (broken) return broken;
    }
  }
  return 'open';
}

/**
 * Why the dispute's rules refuse this event given its record, whatever state the chart is in: the first rule
 * it breaks among the guards of the chart's transitions for its type, in the chart's order; undefined when it
 * breaks none, or when one of those transitions keeps all its rules (then the chart's state decides).
 */
export function problemWith(context: DisputeContext, event: DisputeEvent): Problem {
  let first: Problem;
  for (const guard of guardsOn(event.type)) {
    const verdict = judge(guard, context, event);
    if (verdict === 'open') return undefined;
    if (verdict !== 'other') first ??= verdict;
  }
  return first;
}

/** What each event needs of the chart's state when its rules are otherwise kept. */
const NEEDS: Partial<Record<DisputeEvent['type'], string>> = {
  'dispute.declared': 'the dispute has already been declared',
  'ballot.opened': 'another ballot is still open',
  'ballot.closed': 'no ballot is open',
  'mandate.extended': 'there is no live mandate to extend',
  'mandate.relinquished': 'there is no live mandate to give up',
  'talks.collapsed': 'no talks are under way',
  'talks.concluded': 'no talks are under way',
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
