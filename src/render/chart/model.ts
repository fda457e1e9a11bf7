/**
 * The statechart as plain data for drawing: every state node with its type, initial child and description, and
 * every transition with its event, guard and target. Read from the machine's own state nodes, not from
 * `toDirectedGraph`, which drops guards, eventless transitions and the initial/final/parallel markers.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { TIMED_STEPS } from '../../machine/dispute.setup.js';

/** A state node to draw. */
export interface ChartNode {
  /** The dot-joined path, e.g. `active.mandate.live`; the root is `''`. */
  path: string;
  key: string;
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  /** The key of the initial child, for compound states. */
  initial?: string;
  description?: string;
  /** Events handled here without changing state (they only add to the record). */
  internal: string[];
  children: ChartNode[];
}

/** A transition to draw. */
export interface ChartEdge {
  id: string;
  /** Paths of the source and target state nodes. */
  source: string;
  target: string;
  /** The event type, or `after <delay>` for a timed transition, or `always`. */
  event: string;
  /** The guard, as written: a name, or names joined with `&&`, `||`, `!`. */
  guard?: string;
  /** The named delay of a timed transition. */
  delay?: string;
  /** The step a timed transition makes in a trace (`strike.started`), from what its actions emit. */
  emits?: string;
  /** Whether the transition leaves and re-enters its target (restarting its timers). */
  reenter: boolean;
}

/** A chart: the tree of state nodes and the transitions between them. */
export interface ChartModel {
  id: string;
  root: ChartNode;
  edges: ChartEdge[];
}

type GuardLike = string | { type?: string } | ((...args: unknown[]) => unknown) | undefined;

/** A guard as a reader writes it: `canOpenBallot`, `isVoteOnOffer && canOpenVote`, `!isVoteOnOffer`. */
export function guardLabel(guard: GuardLike): string | undefined {
  if (guard === undefined) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const inner = (guard as { guards?: GuardLike[] }).guards;
    if (inner) {
      const parts = inner.map((g) => guardLabel(g) ?? '?');
      if (guard.name === 'not') return `!${parts[0]}`;
      return parts.map((p) => (p.includes(' ') ? `(${p})` : p)).join(guard.name === 'or' ? ' || ' : ' && ');
    }
    return guard.name || 'guard';
  }
  return guard.type ?? 'guard';
}

const pathOf = (node: AnyStateNode): string => node.path.join('.');

/** The time-caused step a transition's actions emit, by the machine's one table of them. */
function emittedBy(actions: readonly unknown[] | undefined): string | undefined {
  for (const a of actions ?? []) {
    const name = typeof a === 'string' ? a : (a as { type?: unknown } | null)?.type;
    if (typeof name === 'string' && name in TIMED_STEPS) return TIMED_STEPS[name as keyof typeof TIMED_STEPS];
  }
  return undefined;
}

function toNode(node: AnyStateNode, edges: ChartEdge[]): ChartNode {
  const internal: string[] = [];
  for (const [descriptor, list] of node.transitions) {
    const isTimed = descriptor.startsWith('xstate.after.');
    for (const t of list) {
      const targets = (t.target ?? []) as AnyStateNode[];
      if (targets.length === 0) {
        if (!isTimed && !internal.includes(descriptor)) internal.push(descriptor);
        continue;
      }
      const delay = isTimed ? descriptor.split('.')[2] : undefined;
      const emits = emittedBy(t.actions as readonly unknown[]);
      for (const target of targets) {
        const guard = guardLabel(t.guard as GuardLike);
        edges.push({
          id: `e${edges.length}`,
          source: pathOf(node),
          target: pathOf(target),
          event: delay ? `after ${delay}` : descriptor,
          ...(guard ? { guard } : {}),
          ...(delay ? { delay } : {}),
          ...(emits ? { emits } : {}),
          reenter: !!t.reenter,
        });
      }
    }
  }
  for (const t of node.always ?? []) {
    for (const target of (t.target ?? []) as AnyStateNode[]) {
      const guard = guardLabel(t.guard as GuardLike);
      edges.push({
        id: `e${edges.length}`,
        source: pathOf(node),
        target: pathOf(target),
        event: 'always',
        ...(guard ? { guard } : {}),
        reenter: !!t.reenter,
      });
    }
  }
  const initialTarget = node.type === 'compound' ? (node.initial?.target?.[0] as AnyStateNode | undefined) : undefined;
  return {
    path: pathOf(node),
    key: node.key,
    type: node.type as ChartNode['type'],
    ...(initialTarget ? { initial: initialTarget.key } : {}),
    ...(node.description ? { description: node.description } : {}),
    internal,
    children: Object.values(node.states).map((child) => toNode(child as AnyStateNode, edges)),
  };
}

/** The chart of a machine. */
export function chartModel(machine: AnyStateMachine): ChartModel {
  const edges: ChartEdge[] = [];
  const root = toNode(machine.root, edges);
  return { id: machine.id, root, edges };
}

/** Every node of a chart, depth first. */
export function allNodes(root: ChartNode): ChartNode[] {
  return [root, ...root.children.flatMap(allNodes)];
}

/** Every node of a chart by its path. */
export function nodesByPath(root: ChartNode): Map<string, ChartNode> {
  return new Map(allNodes(root).map((n) => [n.path, n]));
}

/** The words the diagrams put beside the chart for the events recorded in any state without changing it. */
export function recordedAnywhereText(model: { root: { internal: readonly string[] } }): string | undefined {
  const events = model.root.internal;
  return events.length > 0 ? `Recorded in any state, with no change of state: ${events.join(', ')}.` : undefined;
}
