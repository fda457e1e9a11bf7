/**
 * Transitions grouped for drawing, so the chart stays readable: one arrow per source and target, with the events
 * that share a guard on one label line, and a transition that every state of a compound has drawn once, from an
 * "any state" marker inside it (in any mandate state, a ballot that gives a fixed-term mandate leads to `live.term`).
 */
import { allNodes, type ChartEdge, type ChartModel } from './model.js';

/** One line of a transition's label: its events, or (part of) its guard. */
export interface LabelLine {
  text: string;
  kind: 'event' | 'guard';
}

/** Transitions drawn as one label: the same guard and target, one or more events, from one or more states. */
export interface DrawnTransition {
  edges: ChartEdge[];
  /** The events, in chart order, each once. */
  events: string[];
  guard?: string;
  lines: LabelLine[];
}

/** The transitions between one source and one target, drawn as one arrow with their labels stacked on it. */
export interface TransitionGroup {
  /** The source state; for `from: 'any'`, the compound whose every state has these transitions. */
  source: string;
  target: string;
  from: 'state' | 'any';
  members: DrawnTransition[];
}

const WRAP = 42;

/** Whether a state path is the given state or inside it (everything is inside the root, `''`). */
export const isWithin = (path: string, ancestor: string): boolean =>
  ancestor === '' || path === ancestor || path.startsWith(`${ancestor}.`);

/** A label as lines: `events [guard]` on one line when short, else the guard wrapped below at `&&` and `||`. */
export function labelLines(events: string[], guard?: string): LabelLine[] {
  const head = events.join(', ');
  if (!guard) return [{ text: head, kind: 'event' }];
  if (head.length + guard.length + 3 <= WRAP) return [{ text: `${head} [${guard}]`, kind: 'event' }];
  const lines: LabelLine[] = [{ text: head, kind: 'event' }];
  let line = '';
  const parts = `[${guard}]`.split(/(?<= &&| \|\|) /);
  for (const part of parts) {
    if (line && line.length + part.length + 1 > WRAP) {
      lines.push({ text: line, kind: 'guard' });
      line = '';
    }
    line = line ? `${line} ${part}` : part;
  }
  lines.push({ text: line, kind: 'guard' });
  return lines;
}

/** The edges every state of a compound has (same event, guard and target inside it), by edge id → compound path. */
function sharedByAll(model: ChartModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const parent of allNodes(model.root)) {
    if (parent.type !== 'compound' || parent.children.length < 2) continue;
    const children = new Set(parent.children.map((c) => c.path));
    const groups = new Map<string, ChartEdge[]>();
    for (const e of model.edges) {
      if (!children.has(e.source) || !isWithin(e.target, parent.path)) continue;
      const key = `${e.event}|${e.guard ?? ''}|${e.target}`;
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    for (const group of groups.values())
      if (new Set(group.map((e) => e.source)).size === children.size) for (const e of group) out.set(e.id, parent.path);
  }
  return out;
}

/** The chart's transitions grouped for drawing, in chart order. */
export function groupTransitions(model: ChartModel): TransitionGroup[] {
  const shared = sharedByAll(model);
  const groups = new Map<string, TransitionGroup>();
  for (const edge of model.edges) {
    const any = shared.get(edge.id);
    const source = any ?? edge.source;
    const key = `${any === undefined ? 'state' : 'any'}:${source}>${edge.target}`;
    const group = groups.get(key) ?? {
      source,
      target: edge.target,
      from: any === undefined ? 'state' : 'any',
      members: [],
    };
    groups.set(key, group);
    const member = group.members.find((m) => m.guard === edge.guard);
    if (!member) {
      group.members.push({
        edges: [edge],
        events: [edge.event],
        ...(edge.guard ? { guard: edge.guard } : {}),
        lines: [],
      });
      continue;
    }
    member.edges.push(edge);
    if (!member.events.includes(edge.event)) member.events.push(edge.event);
  }
  for (const group of groups.values()) for (const m of group.members) m.lines = labelLines(m.events, m.guard);
  return [...groups.values()];
}
