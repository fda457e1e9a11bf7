/** The page's two small charts, as SVG: pay offers and awards against the claim, and days of action over time. */
import { timeTicks, valueTicks } from './engine.js';
import type { Inspection } from './types.js';

const NS = 'http://www.w3.org/2000/svg';
const W = 900;
const H = 196;
// The top band holds the axis's title and the legend, above the plot so neither covers a mark.
const PAD = { l: 44, r: 16, t: 32, b: 26 };
const BAND = 14;

function el(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A chart drawn once, with a cursor moved to the current step's date. */
export interface Plot {
  svg: SVGSVGElement;
  /** Moves the cursor; with `hideFuture`, marks dated after it are hidden and the area is cut off there. */
  moveTo(date: string, hideFuture?: boolean): void;
}

function frame(
  from: number,
  to: number,
  maxY: number,
  unit: string,
  integer = false,
  scaleSpoils = true,
): { svg: SVGSVGElement; x: (t: number) => number; y: (v: number) => number } {
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, class: 'plot', role: 'img' }) as SVGSVGElement;
  // A little headroom above the highest figure, for its label and the legend.
  const { ticks, top } = valueTicks(maxY * 1.08, 4, integer);
  const x = (t: number) => PAD.l + ((t - from) / Math.max(1, to - from)) * (W - PAD.l - PAD.r);
  const y = (v: number) => H - PAD.b - (v / Math.max(1e-9, top)) * (H - PAD.t - PAD.b);
  svg.append(el('line', { class: 'axis', x1: PAD.l, y1: H - PAD.b, x2: W - PAD.r, y2: H - PAD.b }));
  for (const v of ticks) {
    svg.append(el('line', { class: 'axis', x1: PAD.l, y1: y(v), x2: W - PAD.r, y2: y(v), 'stroke-opacity': 0.4 }));
    // A scale that shows how high the dispute's figures go by its end is hidden with them in classroom mode.
    const label = el('text', { x: PAD.l - 6, y: y(v) + 4, 'text-anchor': 'end' }, `${v}${unit}`);
    if (scaleSpoils) label.setAttribute('data-total', 'scale');
    svg.append(label);
  }
  // Months along the bottom, a year's start drawn stronger; the period's end is the end of the record, and
  // classroom mode hides the labels after the cursor with the rest of the future.
  for (const tick of timeTicks(from, to, 9)) {
    const date = new Date(tick.t).toISOString().slice(0, 10);
    svg.append(
      el('line', {
        class: 'axis',
        x1: x(tick.t),
        y1: tick.year ? PAD.t : H - PAD.b,
        x2: x(tick.t),
        y2: H - PAD.b + 4,
        'stroke-opacity': tick.year ? 0.4 : 0.8,
        'data-date': date,
      }),
    );
    svg.append(
      el('text', { x: x(tick.t), y: H - 8, 'text-anchor': 'middle', class: 'tick', 'data-date': date }, tick.label),
    );
  }
  return { svg, x, y };
}

let clips = 0;

/**
 * The cursor, and what classroom mode hides: each mark carries its date (`data-date`) and is hidden once it lies
 * after the cursor; marks of the whole dispute (`data-total`, a running total's last figure) are hidden outright;
 * areas (`data-area`) are cut off at the cursor by a clip.
 */
function withCursor(svg: SVGSVGElement, x: (t: number) => number): Plot {
  const cursor = el('line', { class: 'cursor', x1: 0, y1: PAD.t, x2: 0, y2: H - PAD.b });
  svg.append(cursor);
  const id = `plot-clip-${++clips}`;
  const clip = el('clipPath', { id });
  const rect = el('rect', { x: 0, y: 0, width: W, height: H });
  clip.append(rect);
  svg.prepend(clip);
  for (const area of svg.querySelectorAll('[data-area]')) area.setAttribute('clip-path', `url(#${id})`);
  const dated = [...svg.querySelectorAll<SVGElement>('[data-date]')];
  const totals = [...svg.querySelectorAll<SVGElement>('[data-total]')];
  return {
    svg,
    moveTo(date: string, hideFuture = false) {
      const t = Date.parse(date);
      const px = x(t);
      cursor.setAttribute('x1', String(px));
      cursor.setAttribute('x2', String(px));
      rect.setAttribute('width', String(hideFuture ? px : W));
      for (const mark of dated)
        mark.style.display = hideFuture && Date.parse(mark.dataset.date ?? '') > t ? 'none' : '';
      for (const mark of totals) mark.style.display = hideFuture ? 'none' : '';
    },
  };
}

/** Offers and awards (percentage uplift) against the claim, over the dispute's period. */
export function payPlot(data: Inspection): Plot {
  const from = Date.parse(data.scenario.period.from);
  const to = Date.parse(data.final.date);
  const claim = data.series.claimPct;
  const maxY = Math.max(5, claim ?? 0, ...data.series.pay.map((p) => p.pct));
  // The claim is known from the first step; a scale set by it tells nothing of offers to come.
  const spoils = claim === null || data.series.pay.some((p) => p.pct > claim);
  const { svg, x, y } = frame(from, to, maxY, '%', false, spoils);
  svg.setAttribute('aria-label', 'Offers and awards against the claim');
  if (claim !== null) {
    svg.append(el('line', { class: 'claim', x1: PAD.l, y1: y(claim), x2: W - PAD.r, y2: y(claim) }));
    svg.append(el('text', { x: W - PAD.r - 4, y: y(claim) - 5, 'text-anchor': 'end' }, `claim ${claim}%`));
  }
  for (const p of data.series.pay) {
    // An offer's fate shows in its mark: filled if accepted, hollow if rejected or withdrawn, half if still open.
    const fate =
      p.status === 'accepted' ? 'accepted' : p.status === 'open' || p.status === 'putToMembers' ? 'open' : 'refused';
    const shape =
      p.kind === 'offer'
        ? el('circle', { class: `offer ${fate}`, cx: x(Date.parse(p.date)), cy: y(p.pct), r: 5, 'data-date': p.date })
        : el('rect', {
            class: 'award',
            x: x(Date.parse(p.date)) - 5,
            y: y(p.pct) - 5,
            width: 10,
            height: 10,
            'data-date': p.date,
          });
    shape.append(el('title', {}, `${p.label} — ${p.pct}% (${p.status})`));
    svg.append(shape);
    svg.append(el('text', { x: x(Date.parse(p.date)) + 7, y: y(p.pct) + 4, 'data-date': p.date }, `${p.pct}%`));
  }
  // The legend, in the marks' own colours and shapes, and the claim only where there is a figure to draw.
  const legend = el('g', { class: 'legend' });
  const item = (dx: number, mark: SVGElement, text: string) => {
    legend.append(mark, el('text', { x: L + dx + 10, y: BAND + 4 }, text));
  };
  const L = PAD.l + 60;
  item(4, el('circle', { class: 'offer accepted', cx: L + 8, cy: BAND, r: 4 }), 'offer accepted');
  item(118, el('circle', { class: 'offer refused', cx: L + 122, cy: BAND, r: 4 }), 'offer rejected');
  item(230, el('rect', { class: 'award', x: L + 230, y: BAND - 4, width: 8, height: 8 }), 'pay-review award');
  if (claim !== null) {
    legend.append(el('line', { class: 'claim', x1: L + 360, y1: BAND, x2: L + 380, y2: BAND }));
    legend.append(el('text', { x: L + 386, y: BAND + 4 }, 'claim'));
  }
  svg.append(legend);
  svg.append(el('text', { x: 4, y: BAND + 4, class: 'axis-title' }, 'uplift, %'));
  return withCursor(svg, x);
}

/** Days of action accumulating over the dispute. */
export function daysPlot(data: Inspection): Plot {
  const from = Date.parse(data.scenario.period.from);
  const to = Date.parse(data.final.date);
  const total = data.series.days.at(-1)?.days ?? 0;
  const { svg, x, y } = frame(from, to, Math.max(1, total), '', true);
  svg.setAttribute('aria-label', 'Days of action so far');
  let d = `M ${x(from)} ${y(0)}`;
  let last = 0;
  for (const p of data.series.days) {
    const px = x(Date.parse(p.date));
    d += ` L ${px} ${y(last)} L ${px} ${y(p.days)}`;
    last = p.days;
  }
  d += ` L ${x(to)} ${y(last)} L ${x(to)} ${y(0)} Z`;
  svg.append(el('path', { class: 'area', d, 'data-area': 'days' }));
  svg.append(el('text', { x: 4, y: BAND + 4, class: 'axis-title' }, 'days of action'));
  svg.append(
    el('text', { x: W - PAD.r - 4, y: y(total) - 6, 'text-anchor': 'end', 'data-total': 'days' }, `${total} days`),
  );
  return withCursor(svg, x);
}
