/** Statechart diagrams: the chart read from the machine, laid out and drawn as SVG, Mermaid or Graphviz DOT. */
export { type DotOptions, dotString, toDot } from './dot.js';
export { type Emphasis, emphasisFromTrace, initialConfiguration, traceEventOf } from './emphasis.js';
export {
  type Box,
  type LaidOutChart,
  type LaidOutMarker,
  type LaidOutState,
  type LaidOutTransition,
  layoutChart,
  type Point,
  textWidth,
} from './layout.js';
export { drawableEnds, type MermaidOptions, mermaidId, TAKEN_MARK, toMermaid } from './mermaid.js';
export { allNodes, type ChartEdge, type ChartModel, type ChartNode, chartModel, guardLabel } from './model.js';
export { escapeXml, type SvgOptions, toSvg } from './svg.js';
export {
  type DrawnTransition,
  groupTransitions,
  type LabelLine,
  labelLines,
  type TransitionGroup,
} from './transitions.js';
