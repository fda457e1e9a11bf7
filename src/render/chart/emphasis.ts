/**
 * Which parts of the chart a replay passed through: the states it was in and the transitions it took, so a
 * diagram can show one dispute's path through the general model.
 */
import type { Trace } from '../../schemas/trace.js';
import type { ChartModel, ChartNode } from './model.js';

/** The states a replay visited (their paths) and the transitions it took (their edge ids). */
export interface Emphasis {
  states: Set<string>;
  edges: Set<string>;
}

/** The event a trace step records when this transition fires: a timed one by the step it emits. */
export function traceEventOf(edge: { event: string; emits?: string }): string {
  return edge.emits ?? edge.event;
}

/** The states a chart is in before any event: the initial child of every compound state on the way down. */
export function initialConfiguration(root: ChartNode): string[] {
  const out: string[] = [];
  const enter = (node: ChartNode): void => {
    if (node.path !== '') out.push(node.path);
    if (node.type === 'parallel') node.children.forEach(enter);
    const first = node.children.find((c) => c.key === node.initial);
    if (node.type === 'compound' && first) enter(first);
  };
  enter(root);
  return out;
}

/** What a replay passed through: every state active at any step (and at the start), and every transition taken. */
export function emphasisFromTrace(trace: Trace, model: ChartModel): Emphasis {
  let before = new Set(initialConfiguration(model.root));
  const states = new Set(before);
  const edges = new Set<string>();
  for (const step of trace.steps) {
    const after = new Set(step.active);
    for (const path of after) states.add(path);
    if (step.accepted) {
      for (const edge of model.edges) {
        if (traceEventOf(edge) === step.event.type && before.has(edge.source) && after.has(edge.target))
          edges.add(edge.id);
      }
    }
    before = after;
  }
  return { states, edges };
}
