/**
 * The statechart as a standalone SVG: nested state boxes with their descriptions as tooltips, parallel regions
 * dashed, initial dots, double-bordered outcomes and labelled transitions; a replay's path can be emphasised.
 * The web inspector embeds it and marks the current states by adding `is-active` to `g.state[data-path]`.
 * Each `g.edge` stands for one or more chart edges: `data-edge` lists their ids, `data-event` their events.
 */

import { wrapWords } from '../describe.js';
import type { Emphasis } from './emphasis.js';
import {
  ANY_STATE,
  FONT,
  HEADER,
  type LaidOutChart,
  type LaidOutMarker,
  type LaidOutState,
  type LaidOutTransition,
  LINE_HEIGHT,
  type Point,
  textWidth,
} from './layout.js';
import { recordedAnywhereText } from './model.js';
import type { DrawnTransition } from './transitions.js';

/** How to draw a chart: what to emphasise, and the heading. */
export interface SvgOptions {
  emphasis?: Emphasis;
  title?: string;
}

const TOP = 56;
const LEGEND = 52;
const MARGIN = 20;
const INK = '#33414b';
const LINE = '#7d8891';
const FAINT = '#a9b0b6';
const PATH = '#2f5d7c';

/** Text made safe for SVG content and attribute values. */
export function escapeXml(text: string): string {
  const named: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
  return text.replace(/[&<>"']/g, (c) => named[c] ?? c);
}

const n = (v: number): string => String(Math.round(v * 10) / 10);

const STYLE = `
.statechart { font-family: "Inter", "Helvetica Neue", Helvetica, Arial, sans-serif; }
.statechart .background { fill: #fbfaf7; }
.statechart .chart-title { font-size: 18px; font-weight: 600; fill: #22303a; }
.statechart .chart-subtitle { font-size: 12.5px; fill: #5d6a73; }
.statechart .state > .box { fill: #ffffff; stroke: #6b7780; stroke-width: 1.25px; }
.statechart .state-compound > .box { fill: #f1efe9; }
.statechart .state-parallel > .box { fill: #ebe8e0; }
.statechart .state.region > .box { fill: #f8f7f3; stroke: #8a949c; stroke-dasharray: 7 4; }
.statechart .state-final > .box-inner { fill: none; stroke: #6b7780; stroke-width: 1.25px; }
.statechart .header-rule { stroke: #d3cec2; stroke-width: 1px; }
.statechart .state .label { font-size: ${FONT.state}px; fill: #22303a; text-anchor: middle; dominant-baseline: central; }
.statechart .state > .label.header { font-weight: 600; letter-spacing: 0.02em; text-anchor: start; }
.statechart .parallel-mark { font-size: 12px; fill: #5d6a73; text-anchor: end; dominant-baseline: central; }
.statechart .active-mark { display: none; font-size: 11px; fill: #111111; text-anchor: end; dominant-baseline: central; }
.statechart .state.visited > .box { stroke: ${PATH}; stroke-width: 2.25px; }
.statechart .state.visited:not(.state-compound):not(.state-parallel) > .box { fill: url(#sc-visited); }
.statechart .state.visited > .label { font-weight: 700; }
.statechart .state.is-active > .box { stroke: #111111; stroke-width: 3.5px; }
.statechart .state.is-active > .label { font-weight: 800; fill: #111111; }
.statechart .state.is-active > .active-mark { display: inline; }
.statechart .marker-initial > circle { fill: ${INK}; }
.statechart .marker-any > rect { fill: #fbfaf7; stroke: #8a949c; stroke-dasharray: 3 3; }
.statechart .marker-any > text { font-size: ${FONT.label}px; font-style: italic; fill: #5d6a73; text-anchor: middle; dominant-baseline: central; }
.statechart .marker-initial > path, .statechart .edge > .route { fill: none; stroke: ${LINE}; stroke-width: 1.3px; }
.statechart .edge .label { font-size: ${FONT.label}px; fill: ${INK}; text-anchor: middle; dominant-baseline: central;
  paint-order: stroke; stroke: #fbfaf7; stroke-width: 4px; stroke-linejoin: round; }
.statechart .edge .label .guard { fill: #66727b; font-style: italic; }
.statechart .emphasised .edge:not(.taken) > .route { stroke: ${FAINT}; }
.statechart .emphasised .edge:not(.taken) .label { fill: #66727b; }
.statechart .edge.taken > .route { stroke: ${PATH}; stroke-width: 2.75px; }
.statechart .edge.taken .label .hit { font-weight: 700; fill: #1f3f55; text-decoration: underline; }
.statechart .legend text { font-size: 12px; fill: #4a5760; dominant-baseline: central; }
.statechart .legend-note { font-size: 12px; fill: #4a5760; dominant-baseline: central; }
`;

const arrow = (id: string, fill: string, size: number): string =>
  `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="${size}" markerHeight="${size}" orient="auto-start-reverse"><path d="M0,1 L10,5 L0,9 z" fill="${fill}"/></marker>`;

const DEFS = `<defs>
${arrow('sc-arrow', LINE, 7)}
${arrow('sc-arrow-faint', FAINT, 7)}
${arrow('sc-arrow-taken', PATH, 4.5)}
<pattern id="sc-visited" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)"><rect width="7" height="7" fill="#eef3f6"/><line x1="0" y1="0" x2="0" y2="7" stroke="#d2dfe8" stroke-width="3"/></pattern>
</defs>`;

/** An orthogonal route with its corners rounded. */
function routePath(points: Point[], radius = 6): string {
  const [first, ...rest] = points;
  if (!first) return '';
  let d = `M${n(first.x)},${n(first.y)}`;
  let prev = first;
  for (const [i, p] of rest.entries()) {
    const next = rest[i + 1];
    if (!next) {
      d += ` L${n(p.x)},${n(p.y)}`;
      break;
    }
    const r = Math.min(radius, Math.hypot(p.x - prev.x, p.y - prev.y) / 2, Math.hypot(next.x - p.x, next.y - p.y) / 2);
    const towards = (b: Point): Point => {
      const len = Math.hypot(b.x - p.x, b.y - p.y) || 1;
      return { x: p.x + ((b.x - p.x) / len) * r, y: p.y + ((b.y - p.y) / len) * r };
    };
    const [a, b] = [towards(prev), towards(next)];
    d += ` L${n(a.x)},${n(a.y)} Q${n(p.x)},${n(p.y)} ${n(b.x)},${n(b.y)}`;
    prev = p;
  }
  return d;
}

function tooltip(state: LaidOutState): string {
  const parts = [state.description ?? state.key];
  if (state.internal.length > 0) parts.push(`Handled here without a change of state: ${state.internal.join(', ')}.`);
  return parts.join('\n');
}

function stateSvg(state: LaidOutState, markers: LaidOutMarker[], emphasis: Emphasis | undefined): string[] {
  const classes = ['state', `state-${state.type}`];
  if (state.region) classes.push('region');
  if (emphasis?.states.has(state.path)) classes.push('visited');
  const { x, y, width: w, height: h } = state;
  const nested = state.children.length > 0;
  // Leaf names are centred; compound names head their box on the left, where the lanes' contents start.
  const cx = nested ? x + 24 : x + w / 2;
  const cy = nested ? y + HEADER / 2 : y + h / 2;
  const lines = [
    `<g class="${classes.join(' ')}" data-path="${escapeXml(state.path)}">`,
    `  <title>${escapeXml(tooltip(state))}</title>`,
    `  <rect class="box" x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${nested ? 10 : 8}"/>`,
  ];
  if (state.type === 'final')
    lines.push(
      `  <rect class="box-inner" x="${n(x + 4)}" y="${n(y + 4)}" width="${n(w - 8)}" height="${n(h - 8)}" rx="5"/>`,
    );
  if (nested) lines.push(`  <path class="header-rule" d="M${n(x)},${n(y + HEADER)} h${n(w)}"/>`);
  const markX = nested ? cx - 5 : cx - textWidth(state.key, FONT.state) / 2 - 5;
  lines.push(`  <text class="active-mark" x="${n(markX)}" y="${n(cy)}">▶</text>`);
  lines.push(
    `  <text class="label${nested ? ' header' : ''}" x="${n(cx)}" y="${n(cy)}">${escapeXml(state.key)}</text>`,
  );
  if (state.type === 'parallel')
    lines.push(`  <text class="parallel-mark" x="${n(x + w - 12)}" y="${n(cy)}">∥ parallel regions</text>`);
  for (const m of markers.filter((m) => m.of === state.path)) lines.push(`  ${markerSvg(m)}`);
  for (const child of state.children) lines.push(...stateSvg(child, markers, emphasis).map((l) => `  ${l}`));
  lines.push('</g>');
  return lines;
}

function markerSvg(m: LaidOutMarker): string {
  if (m.kind === 'initial') {
    const [cx, cy] = [m.x + m.width / 2, m.y + m.height / 2];
    return `<g class="marker-initial" data-initial-of="${escapeXml(m.of)}"><circle cx="${n(cx)}" cy="${n(cy)}" r="5"/><path d="${routePath(m.route)}" marker-end="url(#sc-arrow)"/></g>`;
  }
  const region = m.of.split('.').pop() ?? m.of;
  return (
    `<g class="marker-any" data-any-of="${escapeXml(m.of)}"><title>${escapeXml(`Transitions from here apply in every state of ${region}.`)}</title>` +
    `<rect x="${n(m.x)}" y="${n(m.y)}" width="${n(m.width)}" height="${n(m.height)}" rx="${n(m.height / 2)}"/>` +
    `<text x="${n(m.x + m.width / 2)}" y="${n(m.y + m.height / 2)}">${ANY_STATE}</text></g>`
  );
}

function memberSvg(t: LaidOutTransition, m: DrawnTransition, row: number, emphasis: Emphasis | undefined): string {
  const hits = new Set(m.edges.filter((e) => emphasis?.edges.has(e.id)).map((e) => e.event));
  const marker = hits.size > 0 ? 'sc-arrow-taken' : emphasis ? 'sc-arrow-faint' : 'sc-arrow';
  const sources =
    m.edges.length > 1 ? `\nfrom ${[...new Set(m.edges.map((e) => e.source || '(chart)'))].join(', ')}` : '';
  const title = `${m.events.join(', ')}${m.guard ? ` [${m.guard}]` : ''}${sources}`;
  const out = [
    `<g class="edge${hits.size > 0 ? ' taken' : ''}" data-edge="${m.edges.map((e) => e.id).join(' ')}" data-event="${escapeXml(m.events.join(' '))}">`,
    `  <title>${escapeXml(title)}</title>`,
    `  <path class="route" d="${routePath(t.route)}" marker-end="url(#${marker})"/>`,
  ];
  const box = t.label;
  if (box) {
    const spans = m.lines.map((line, i) => {
      const at = `x="${n(box.x + box.width / 2)}" y="${n(box.y + 2 + (row + i + 0.5) * LINE_HEIGHT)}"`;
      if (line.kind === 'guard') return `<tspan class="guard" ${at}>${escapeXml(line.text)}</tspan>`;
      const head = m.events.map((e) => (hits.has(e) ? `<tspan class="hit">${escapeXml(e)}</tspan>` : escapeXml(e)));
      const rest = line.text.slice(m.events.join(', ').length);
      const guard = rest ? `<tspan class="guard">${escapeXml(rest)}</tspan>` : '';
      return `<tspan ${at}>${head.join(', ')}${guard}</tspan>`;
    });
    out.push(`  <text class="label">${spans.join('')}</text>`);
  }
  out.push('</g>');
  return out.join('\n');
}

function transitionSvg(t: LaidOutTransition, emphasis: Emphasis | undefined): string {
  const rows = new Map<DrawnTransition, number>();
  let row = 0;
  for (const m of t.members) {
    rows.set(m, row);
    row += m.lines.length;
  }
  // Taken transitions last, so their thick line is drawn over the thin ones sharing its route.
  const taken = (m: DrawnTransition): number => Number(m.edges.some((e) => emphasis?.edges.has(e.id)));
  const members = [...t.members].sort((a, b) => taken(a) - taken(b));
  return members.map((m) => memberSvg(t, m, rows.get(m) ?? 0, emphasis)).join('\n');
}

/** The key to the drawing's marks, in one row, and its width. */
function legendSvg(y: number, chart: LaidOutChart, emphasis: boolean): { svg: string; width: number } {
  const box = (extra: string, rx = 4): string => `<rect x="0" y="-9" width="26" height="18" rx="${rx}" ${extra}/>`;
  const items: [string, string][] = [
    [`<circle cx="8" cy="0" r="5" fill="${INK}"/>`, 'initial state'],
    [
      `${box('fill="#fff" stroke="#6b7780"')}<rect x="3" y="-6" width="20" height="12" rx="3" fill="none" stroke="#6b7780"/>`,
      'outcome (final state)',
    ],
    [box('fill="#f8f7f3" stroke="#8a949c" stroke-dasharray="7 4"'), 'region: runs alongside the other regions'],
    [
      `<path d="M0,0 h24" stroke="${LINE}" stroke-width="1.3" marker-end="url(#sc-arrow)"/>`,
      'event [guard that must hold]',
    ],
  ];
  if (chart.markers.some((m) => m.kind === 'any'))
    items.push([box('fill="#fbfaf7" stroke="#8a949c" stroke-dasharray="3 3"', 9), 'from any state of the region']);
  if (emphasis) {
    items.push([box(`fill="url(#sc-visited)" stroke="${PATH}" stroke-width="2.25"`), 'visited in the replay']);
    items.push([
      `<path d="M0,0 h24" stroke="${PATH}" stroke-width="2.75" marker-end="url(#sc-arrow-taken)"/>`,
      'taken in the replay (event underlined)',
    ]);
  }
  let x = MARGIN;
  const parts = items.map(([mark, text]) => {
    const g = `<g transform="translate(${n(x)},${n(y)})">${mark}<text x="34" y="0">${escapeXml(text)}</text></g>`;
    x += 34 + textWidth(text, 12) + 30;
    return g;
  });
  return { svg: `<g class="legend">\n${parts.join('\n')}\n</g>`, width: x };
}

/** The laid-out chart as a standalone SVG document. */
export function toSvg(chart: LaidOutChart, options: SvgOptions = {}): string {
  const { emphasis } = options;
  const title = options.title ?? `The ${chart.id} statechart`;
  const subtitle = 'Hover over a state for what it means. Transitions are labelled event [guard].';
  const anywhere = recordedAnywhereText({ root: { internal: chart.recordedAnywhere ?? [] } });
  const legendY = chart.height + TOP + LEGEND / 2 - 16;
  const legend = legendSvg(legendY, chart, !!emphasis);
  const width = Math.max(chart.width + 2 * MARGIN - 32, legend.width, textWidth(title, 18) + 2 * MARGIN);
  const noteLines = anywhere ? wrapWords(anywhere, Math.floor((width - 2 * MARGIN) / (12 * 0.58))) : [];
  const height = chart.height + TOP + LEGEND - 16 + noteLines.length * 17;
  const note = noteLines.length
    ? `<text class="legend-note" x="${MARGIN}" y="${n(legendY + 26)}">${noteLines
        .map((line, i) => `<tspan x="${MARGIN}" dy="${i === 0 ? 0 : 17}">${escapeXml(line)}</tspan>`)
        .join('')}</text>`
    : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="statechart" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" role="img" aria-labelledby="sc-title">`,
    `<title id="sc-title">${escapeXml(title)}</title>`,
    `<style>${STYLE}</style>`,
    DEFS,
    `<rect class="background" width="100%" height="100%"/>`,
    `<text class="chart-title" x="${MARGIN}" y="28">${escapeXml(title)}</text>`,
    `<text class="chart-subtitle" x="${MARGIN}" y="47">${escapeXml(subtitle)}</text>`,
    `<g class="chart${emphasis ? ' emphasised' : ''}" transform="translate(${MARGIN - 16},${TOP - 16})">`,
    '<g class="states">',
    ...chart.markers.filter((m) => m.of === '').map(markerSvg),
    ...chart.states.flatMap((s) => stateSvg(s, chart.markers, emphasis)),
    '</g>',
    '<g class="transitions">',
    ...chart.transitions.map((t) => transitionSvg(t, emphasis)),
    '</g>',
    '</g>',
    legend.svg,
    note,
    '</svg>',
    '',
  ].join('\n');
}
