/**
 * The statechart as Mermaid `stateDiagram-v2` text, for Markdown pages that render Mermaid (GitHub, GitLab, docs
 * sites). Mermaid cannot draw a transition between states inside different composites, so such a transition is
 * drawn between the outermost states that differ, keeping its label (`none → live` for `none → live.term`).
 */
import type { Emphasis } from './emphasis.js';
import { type ChartEdge, type ChartModel, type ChartNode, nodesByPath, recordedAnywhereText } from './model.js';

/** What to emphasise: the states a replay visited (class `visited`) and the transitions it took (marked ✓). */
export interface MermaidOptions {
  emphasis?: Emphasis;
}

/** The mark put before the label of a transition the replay took: Mermaid cannot style a state diagram's edges. */
export const TAKEN_MARK = '✓';

/** A state's Mermaid id: its path with dots as underscores (`active_mandate_none`); top-level states keep their key. */
export function mermaidId(path: string): string {
  return path.replace(/[^A-Za-z0-9_]/g, '_');
}

const parentOf = (path: string): string => (path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '');
const chain = (path: string): string[] =>
  path === '' ? [] : path.split('.').map((_, i, all) => all.slice(0, i + 1).join('.'));

/** Where Mermaid can draw a transition: both ends lifted to children of one composite (the block it is written in). */
export function drawableEnds(edge: ChartEdge, types: Map<string, ChartNode['type']>): [string, string] {
  const [s, t] = [chain(edge.source), chain(edge.target)];
  let i = 0;
  while (i < s.length && i < t.length && s[i] === t[i]) i++;
  // One end encloses the other (or they are the same): a loop on the enclosing state.
  const outer = i === s.length ? edge.source : edge.target;
  let ends: [string, string] = i === s.length || i === t.length ? [outer, outer] : [s[i] as string, t[i] as string];
  // Mermaid writes each region of a parallel state as a block of its own: a transition between regions, or a loop
  // on a region, becomes a loop on the parallel state.
  for (let p = parentOf(ends[0]); p !== '' && types.get(p) === 'parallel'; p = parentOf(p)) ends = [p, p];
  return ends;
}

const label = (edge: ChartEdge): string => (edge.guard ? `${edge.event} [${edge.guard}]` : edge.event);
const comment = (text: string): string => text.replace(/\s+/g, ' ');

/** The chart as Mermaid `stateDiagram-v2` text. */
export function toMermaid(model: ChartModel, options: MermaidOptions = {}): string {
  const { emphasis } = options;
  const nodes = nodesByPath(model.root);
  const types = new Map([...nodes].map(([p, n]) => [p, n.type]));
  const byBlock = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const edge of model.edges) {
    const [s, t] = drawableEnds(edge, types);
    const taken = emphasis?.edges.has(edge.id) ? `${TAKEN_MARK} ` : '';
    const line = `${mermaidId(s)} --> ${mermaidId(t)} : ${taken}${label(edge)}`;
    if (seen.has(line)) continue;
    seen.add(line);
    const block = parentOf(s);
    byBlock.set(block, [...(byBlock.get(block) ?? []), line]);
  }

  const out: string[] = ['stateDiagram-v2', '  direction LR'];
  if (emphasis) {
    out.push('  classDef visited font-weight:bold,stroke-width:3px,stroke:#2f5d7c,fill:#e6eef4');
    out.push(`  %% visited states are bold with a thick border; ${TAKEN_MARK} marks the transitions the replay took`);
  }
  const block = (node: ChartNode, depth: number): void => {
    const pad = '  '.repeat(depth);
    if (node.initial) out.push(`${pad}[*] --> ${mermaidId(node.path ? `${node.path}.${node.initial}` : node.initial)}`);
    node.children.forEach((child, i) => {
      if (node.type === 'parallel' && i > 0) out.push(`${pad}--`);
      const id = mermaidId(child.path);
      if (child.description) out.push(`${pad}%% ${child.key}: ${comment(child.description)}`);
      if (id !== child.key) out.push(`${pad}state "${child.key}" as ${id}`);
      else if (child.children.length === 0) out.push(`${pad}${id}`);
      if (child.children.length > 0) {
        out.push(`${pad}state ${id} {`);
        if (child.type === 'compound') out.push(`${pad}  direction LR`);
        block(child, depth + 1);
        out.push(`${pad}}`);
      }
      if (child.type === 'final') out.push(`${pad}${id} --> [*]`);
    });
    for (const line of byBlock.get(node.path) ?? []) out.push(`${pad}${line}`);
  };
  block(model.root, 1);
  const anywhere = recordedAnywhereText(model);
  const first = model.root.children[0];
  if (anywhere && first) out.push(`  note right of ${mermaidId(first.path)}`, `    ${anywhere}`, '  end note');
  if (emphasis) {
    const visited = [...nodes.values()].filter((n) => n.path && n.children.length === 0 && emphasis.states.has(n.path));
    if (visited.length > 0) out.push(`  class ${visited.map((n) => mermaidId(n.path)).join(',')} visited`);
  }
  return `${out.join('\n')}\n`;
}
