/**
 * The statechart laid out for drawing, by ELK's layered algorithm: nested boxes for compound and parallel states,
 * orthogonal routes for transitions, read left to right in story order. Text is measured by character count, not
 * by a browser, so the same chart always gives the same numbers.
 */

import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { allNodes, type ChartModel, type ChartNode } from './model.js';
import { groupTransitions, isWithin, type TransitionGroup } from './transitions.js';

/** A point on the drawing, in pixels from its top left corner. */
export interface Point {
  x: number;
  y: number;
}

/** A box on the drawing: its top left corner and size. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A state placed on the drawing, with its children placed inside it. */
export interface LaidOutState extends Box {
  path: string;
  key: string;
  type: ChartNode['type'];
  description?: string;
  /** Events this state handles without changing state. */
  internal: string[];
  /** Whether this state is a region of a parallel state. */
  region: boolean;
  children: LaidOutState[];
}

/** A group of transitions placed: the route of its arrow and the box of its stacked labels. */
export interface LaidOutTransition extends TransitionGroup {
  /** From the source's border (or its "any state" marker) to the target's border. */
  route: Point[];
  label?: Box;
}

/** A marker inside a compound state: its initial dot, or the "any state" chip its shared transitions start from. */
export interface LaidOutMarker extends Box {
  kind: 'initial' | 'any';
  /** The compound state it belongs to (`''` for the chart itself). */
  of: string;
  /** For an initial marker, the route of its arrow to the initial child. */
  route: Point[];
}

/** A statechart laid out: its top-level states (nested), its transitions and its markers. */
export interface LaidOutChart {
  id: string;
  width: number;
  height: number;
  states: LaidOutState[];
  transitions: LaidOutTransition[];
  markers: LaidOutMarker[];
  /** Events the chart itself handles in any state without changing state (office holders, polls, courts…). */
  recordedAnywhere: string[];
}

/** The sizes of type the drawing uses, in pixels. */
export const FONT = { state: 13, label: 12 } as const;
/** Line height of transition labels. */
export const LINE_HEIGHT = 15;
/** Height of the header band of a compound or parallel state. */
export const HEADER = 30;
/** The text of the chip that transitions shared by every state of a compound start from. */
export const ANY_STATE = 'any state';
const INITIAL_SIZE = 12;

/** The width of a line of text at a font size: 0.58 em a character (7 px at 12 px), enough for Helvetica/Arial. */
export function textWidth(text: string, fontSize: number): number {
  return Math.ceil([...text].length * fontSize * 0.58);
}

const parentOf = (path: string): string => (path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '');
const nodeId = (path: string): string => (path === '' ? 'root' : `s:${path}`);

/** The state whose ELK graph holds an edge: the source when it encloses the target, else their nearest common parent. */
function container(source: string, target: string): string {
  if (source !== target && isWithin(target, source)) return source;
  let c = parentOf(source);
  while (!isWithin(target, c)) c = parentOf(c);
  return c;
}

function stateSize(node: ChartNode): { width: number; height: number } {
  const width = Math.max(84, textWidth(node.key, FONT.state) + 44);
  return node.type === 'final' ? { width: width + 8, height: 42 } : { width, height: 34 };
}

/**
 * Options ELK reads per nested graph (it does not inherit them from the root). Model order is honoured at the root
 * only: elkjs 0.12 fails on `considerModelOrder` in nested graphs laid out with INCLUDE_CHILDREN, so inside them
 * depth-first cycle breaking (which follows the chart's order: `idle → open` points right, `open → idle` back) and
 * interactive crossing minimisation (each layer ordered by starting positions given in story order) do its work.
 */
const NESTED: Record<string, string> = {
  'elk.padding': `[top=${HEADER + 14},left=18,bottom=18,right=18]`,
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  'elk.layered.crossingMinimization.strategy': 'INTERACTIVE',
  // Contents start at the left of their box, so the lanes of a parallel state line up.
  'elk.alignment': 'LEFT',
};

const ROOT: Record<string, string> = {
  ...NESTED,
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.spacing.nodeNode': '22',
  'elk.spacing.edgeEdge': '12',
  'elk.spacing.edgeNode': '14',
  'elk.spacing.edgeLabel': '4',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.layered.spacing.edgeNodeBetweenLayers': '16',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
};

/** The ELK graph of a chart; its transitions' edges are `t<i>`, in the order of `groups`. */
function toElkGraph(model: ChartModel, groups: TransitionGroup[]): ElkNode {
  const anyOf = new Set(groups.filter((g) => g.from === 'any').map((g) => g.source));
  const graphs = new Map<string, ElkNode>();
  // Starting positions in story order, depth first, for interactive crossing minimisation.
  let order = 0;
  const place = (): { x: number; y: number } => ({ x: 0, y: order++ * 50 });
  const toElk = (node: ChartNode): ElkNode => {
    const at = place();
    if (node.children.length === 0) return { id: nodeId(node.path), ...at, ...stateSize(node) };
    const children: ElkNode[] = [];
    const edges: ElkExtendedEdge[] = [];
    if (node.initial) {
      const first = { 'elk.layered.layering.layerConstraint': 'FIRST' };
      const size = { width: INITIAL_SIZE, height: INITIAL_SIZE };
      children.push({ id: `i:${node.path}`, ...place(), ...size, layoutOptions: first });
      const target = node.path === '' ? node.initial : `${node.path}.${node.initial}`;
      edges.push({ id: `ie:${node.path}`, sources: [`i:${node.path}`], targets: [nodeId(target)] });
    }
    children.push(...node.children.map(toElk));
    if (anyOf.has(node.path))
      children.push({ id: `a:${node.path}`, ...place(), width: textWidth(ANY_STATE, FONT.label) + 20, height: 24 });
    const graph: ElkNode = { id: nodeId(node.path), ...at, children, edges, layoutOptions: NESTED };
    graphs.set(node.path, graph);
    return graph;
  };
  const root = toElk(model.root);
  root.layoutOptions = ROOT;
  const initialOf = new Map(
    allNodes(model.root).flatMap((c) => (c.initial ? [[c.path, c.path ? `${c.path}.${c.initial}` : c.initial]] : [])),
  );
  const hints = new Set<string>();
  for (const [i, g] of groups.entries()) {
    const lines = g.members.flatMap((m) => m.lines);
    const width = Math.max(...lines.map((l) => textWidth(l.text, FONT.label))) + 8;
    const label = { id: `l${i}`, text: `t${i}`, width, height: lines.length * LINE_HEIGHT + 4 };
    const source = g.from === 'any' ? `a:${g.source}` : nodeId(g.source);
    const edge: ElkExtendedEdge = { id: `t${i}`, sources: [source], targets: [nodeId(g.target)], labels: [label] };
    graphs.get(g.from === 'any' ? g.source : container(g.source, g.target))?.edges?.push(edge);
    // An unseen edge from the compound's initial state to the state a shared transition leads into keeps that state
    // to the right of the initial one (mandate: none, then live).
    const initial = g.from === 'any' ? initialOf.get(g.source) : undefined;
    const into = `${g.source}.${g.target.slice(g.source.length + 1).split('.')[0]}`;
    if (initial && initial !== into && !hints.has(into)) {
      hints.add(into);
      graphs.get(g.source)?.edges?.push({ id: `h:${into}`, sources: [nodeId(initial)], targets: [nodeId(into)] });
    }
  }
  return root;
}

function routeOf(edge: ElkExtendedEdge | undefined): Point[] {
  const section = edge?.sections?.[0];
  if (!section) return [];
  return [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({ x: p.x, y: p.y }));
}

const boxOf = (shape: { x?: number; y?: number; width?: number; height?: number } | undefined): Box => ({
  x: shape?.x ?? 0,
  y: shape?.y ?? 0,
  width: shape?.width ?? 0,
  height: shape?.height ?? 0,
});

/** Regions of a parallel state share one width, like lanes. */
function alignRegions(state: LaidOutState): void {
  if (state.type === 'parallel' && state.children.length > 0) {
    const left = Math.min(...state.children.map((c) => c.x));
    const right = Math.max(...state.children.map((c) => c.x + c.width));
    for (const c of state.children) Object.assign(c, { x: left, width: right - left });
  }
  state.children.forEach(alignRegions);
}

/** Lays out a chart: deterministic, so the same chart always gives the same drawing. */
export async function layoutChart(model: ChartModel): Promise<LaidOutChart> {
  const groups = groupTransitions(model);
  // Loaded on first use: elkjs is half a second of start-up for anyone who imports the library and never draws.
  // It is CommonJS: Node's default import is its module.exports, whose `default` is the constructor too.
  const { default: ElkBundle } = await import('elkjs/lib/elk.bundled.js');
  const laid = await new ElkBundle.default().layout(toElkGraph(model, groups));
  const nodes = new Map<string, ElkNode>();
  const edges = new Map<string, ElkExtendedEdge>();
  const collect = (node: ElkNode): void => {
    nodes.set(node.id, node);
    for (const e of node.edges ?? []) edges.set(e.id, e);
    node.children?.forEach(collect);
  };
  collect(laid);
  const place = (node: ChartNode, region: boolean): LaidOutState => ({
    path: node.path,
    key: node.key,
    type: node.type,
    ...(node.description ? { description: node.description } : {}),
    internal: node.internal,
    region,
    ...boxOf(nodes.get(nodeId(node.path))),
    children: node.children.map((c) => place(c, node.type === 'parallel')),
  });
  const states = model.root.children.map((c) => place(c, false));
  states.forEach(alignRegions);
  const transitions = groups.map((g, i): LaidOutTransition => {
    const edge = edges.get(`t${i}`);
    const label = edge?.labels?.[0];
    return { ...g, route: routeOf(edge), ...(label ? { label: boxOf(label) } : {}) };
  });
  const markers: LaidOutMarker[] = [];
  for (const [id, node] of nodes) {
    const [kind, of = ''] = [id.slice(0, 2), id.slice(2)];
    if (kind === 'i:') markers.push({ kind: 'initial', of, ...boxOf(node), route: routeOf(edges.get(`ie:${of}`)) });
    if (kind === 'a:') markers.push({ kind: 'any', of, ...boxOf(node), route: [] });
  }
  return {
    id: model.id,
    width: laid.width ?? 0,
    height: laid.height ?? 0,
    states,
    transitions,
    markers,
    recordedAnywhere: model.root.internal,
  };
}
