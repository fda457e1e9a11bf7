/**
 * The statechart as Graphviz DOT: a cluster for each compound state (a parallel state's cluster dashed), a point
 * for each initial state, double borders for outcomes, descriptions as tooltips. Graphviz draws edges between
 * nodes only, so a transition to or from a compound state is attached to the compound's initial (or first) leaf
 * and clipped at the cluster's border with `lhead`/`ltail`.
 */
import type { Emphasis } from './emphasis.js';
import { type ChartEdge, type ChartModel, type ChartNode, nodesByPath, recordedAnywhereText } from './model.js';

/** What to emphasise: the states a replay visited and the transitions it took (thicker, bold and coloured). */
export interface DotOptions {
  emphasis?: Emphasis;
}

const PATH = '#2f5d7c';

/** A DOT string literal. */
export function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

const attrs = (list: Record<string, string | number | undefined>): string => {
  const parts = Object.entries(list).flatMap(([k, v]) =>
    v === undefined ? [] : [`${k}=${typeof v === 'number' ? v : dotString(v)}`],
  );
  return parts.length > 0 ? ` [${parts.join(', ')}]` : '';
};

const initialId = (path: string): string => `${path || 'chart'}.__initial`;
const entryId = (path: string): string => `${path}.__entry`;
const clusterId = (path: string): string => `cluster_${path}`;
const isWithin = (path: string, ancestor: string): boolean => path === ancestor || path.startsWith(`${ancestor}.`);

/** The leaf a compound state's edges attach to: its initial child's, else its first child's, all the way down. */
function anchor(node: ChartNode): ChartNode {
  const next = node.children.find((c) => c.key === node.initial) ?? node.children[0];
  return next ? anchor(next) : node;
}

function tooltip(node: ChartNode): string {
  const parts = [node.description ?? node.key];
  if (node.internal.length > 0) parts.push(`Handled here without a change of state: ${node.internal.join(', ')}.`);
  return parts.join('\n');
}

/** The chart as a Graphviz DOT digraph. */
export function toDot(model: ChartModel, options: DotOptions = {}): string {
  const { emphasis } = options;
  const nodes = nodesByPath(model.root);
  const visited = (path: string): boolean => !!emphasis?.states.has(path);
  const entries = new Set<string>();

  const endpoint = (edge: ChartEdge, end: 'source' | 'target'): { node: string; cluster?: string } => {
    const [self, other] = end === 'source' ? [edge.source, edge.target] : [edge.target, edge.source];
    const node = nodes.get(self);
    if (!node || node.children.length === 0) return { node: self };
    // A compound that encloses the other end cannot be clipped at its border: a small circle inside it stands for it.
    if (isWithin(other, self)) {
      entries.add(self);
      return { node: entryId(self) };
    }
    return { node: anchor(node).path, cluster: clusterId(self) };
  };
  const edgeLines = model.edges.map((edge) => {
    const [tail, head] = [endpoint(edge, 'source'), endpoint(edge, 'target')];
    const taken = !!emphasis?.edges.has(edge.id);
    const style = taken ? { penwidth: 2.5, color: PATH, fontcolor: PATH, style: 'bold' } : {};
    const label = edge.guard ? `${edge.event} [${edge.guard}]` : edge.event;
    return `  ${dotString(tail.node)} -> ${dotString(head.node)}${attrs({ label, tooltip: label, id: edge.id, ltail: tail.cluster, lhead: head.cluster, ...style })};`;
  });

  const lines: string[] = [
    `digraph ${dotString(model.id)} {`,
    '  graph [rankdir=LR, compound=true, newrank=true, fontname="Helvetica", fontsize=13, fontcolor="#22303a", bgcolor="#fbfaf7", nodesep=0.3, ranksep=0.45, pad=0.3, labeljust=l];',
    '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="#6b7780", fontname="Helvetica", fontsize=13, fontcolor="#22303a", height=0.4];',
    '  edge [fontname="Helvetica", fontsize=11, color="#7d8891", fontcolor="#33414b", arrowsize=0.7];',
  ];
  const emit = (node: ChartNode, pad: string): void => {
    if (node.initial) {
      const target = node.path ? `${node.path}.${node.initial}` : node.initial;
      const head = nodes.get(target);
      const lhead = head && head.children.length > 0 ? clusterId(target) : undefined;
      lines.push(
        `${pad}${dotString(initialId(node.path))}${attrs({ shape: 'point', width: 0.12, color: '#33414b', fillcolor: '#33414b', tooltip: 'initial state' })};`,
      );
      lines.push(
        `${pad}${dotString(initialId(node.path))} -> ${dotString(head ? anchor(head).path : target)}${attrs({ lhead })};`,
      );
    }
    if (entries.has(node.path))
      lines.push(
        `${pad}${dotString(entryId(node.path))}${attrs({ shape: 'circle', width: 0.14, fixedsize: 'true', label: '', fillcolor: '#ffffff', tooltip: `${node.key} itself, for transitions between it and a state inside it` })};`,
      );
    for (const child of node.children) {
      if (child.children.length === 0) {
        const mark = visited(child.path)
          ? { penwidth: 2.5, color: PATH, fillcolor: '#e6eef4', style: 'rounded,filled,bold' }
          : {};
        const final = child.type === 'final' ? { peripheries: 2 } : {};
        lines.push(
          `${pad}${dotString(child.path)}${attrs({ label: child.key, tooltip: tooltip(child), id: child.path, ...final, ...mark })};`,
        );
        continue;
      }
      const parallel = child.type === 'parallel';
      const region = node.type === 'parallel';
      lines.push(`${pad}subgraph ${dotString(clusterId(child.path))} {`);
      const style = parallel ? 'dashed,rounded,filled' : 'rounded,filled';
      const fill = parallel ? '#efece5' : region ? '#f8f7f3' : '#f1efe9';
      const mark = visited(child.path) ? { penwidth: 2.5, color: PATH, style: `${style},bold` } : {};
      const label = parallel ? `${child.key}  ∥ parallel` : child.key;
      const graph = attrs({
        label,
        tooltip: tooltip(child),
        id: child.path,
        style,
        fillcolor: fill,
        color: '#6b7780',
        ...mark,
      });
      lines.push(`${pad}  graph${graph};`);
      emit(child, `${pad}  `);
      lines.push(`${pad}}`);
    }
  };
  emit(model.root, '  ');
  const anywhere = recordedAnywhereText(model);
  if (anywhere) {
    lines.push(
      `  "recorded-anywhere"${attrs({ shape: 'note', label: anywhere, fontsize: 11, fillcolor: '#fbfaf7', color: '#8a949c', tooltip: anywhere })};`,
    );
  }
  lines.push(...edgeLines, '}', '');
  return lines.join('\n');
}
