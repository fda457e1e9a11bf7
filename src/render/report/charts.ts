/**
 * The charts of a teaching pack, as standalone SVG strings for print (A4, about 17 cm wide, read in greyscale):
 * pay offers and awards against the claim, days of action adding up, strike ballots against the thresholds of
 * the law that judged them, and appointments rescheduled per strike. Meaning is carried by shapes, dashes and
 * words, never by colour alone; each chart comes with a sentence for screen readers, the same figures as a
 * table, and the sources behind them. A handout cut at a step (`until`) draws only what the record knew then,
 * on scales set by those figures alone, so that no axis gives the ending away.
 */
import { regimeById } from '../../domain/regimes.js';
import type { BallotRecord, DisputeRecord, OfferRecord } from '../../schemas/record.js';
import type { Trace, TraceStep } from '../../schemas/trace.js';
import { records } from '../../simulation/records.js';
import { timeTicks, valueTicks } from '../axis.js';
import { escapeXml, textWidth } from '../chart/index.js';
import { daySpan, formatNumber, humanDate, wrapWords } from '../describe.js';
import { escapeControls } from '../escape.js';

/** One chart of a teaching pack, with its text alternatives and the sources behind its figures. */
export interface ReportChart {
  id: 'pay' | 'days' | 'ballots' | 'impact';
  title: string;
  /** A standalone `<svg>` element, styled inline. */
  svg: string;
  /** What the chart shows, in a sentence or two, for screen readers and Markdown alt text. */
  alt: string;
  /** The same figures as a data table: one row per mark drawn. */
  table: { head: string[]; rows: string[][] };
  /** The scenario's source ids behind the figures, each once, in the order first used. */
  refs: string[];
}

/** How much of the dispute a pack's charts show. */
export interface ReportChartOptions {
  /** The index of the last Trace step included (a student handout stops there); by default every step. */
  until?: number;
}

const W = 680;
const FONT = 12;
const SMALL = 11;
const INK = '#1a1a1a';
const GREY = '#595959';
const LIGHT = '#c4c4c4';
const GRID = '#e2e2e2';
/** The one accent: a dark blue that prints as a dark grey. */
const ACCENT = '#1d5a8a';
const DASH = '6 4';

type Attrs = Record<string, string | number | undefined>;

const num = (v: number): string => (Number.isFinite(v) ? String(Math.round(v * 10) / 10) : '0');
const esc = (s: string): string => escapeXml(escapeControls(s));
/** A share worked out by us, to one decimal. */
const pct = (v: number): string => `${formatNumber(Math.round(v * 10) / 10)}%`;
/** A figure as the scenario gives it (an uplift of 4.05% stays 4.05%). */
const given = (v: number): string => `${formatNumber(v)}%`;
const day = (iso: string): string => humanDate(iso).replace(/ \d{2}:\d{2}$/, '');
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

function tag(name: string, attrs: Attrs, content?: string): string {
  const list = Object.entries(attrs)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : esc(v)}"`)
    .join('');
  return content === undefined ? `<${name}${list}/>` : `<${name}${list}>${content}</${name}>`;
}

const label = (x: number, y: number, words: string, attrs: Attrs = {}): string =>
  tag('text', { x, y, 'font-size': FONT, fill: INK, ...attrs }, esc(words));

function svgDoc(id: ReportChart['id'], title: string, alt: string, h: number, body: string[]): string {
  const t = `report-chart-${id}-title`;
  const d = `report-chart-${id}-desc`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${num(h)}" width="100%" role="img" ` +
    `aria-labelledby="${t} ${d}" font-family="system-ui, sans-serif">` +
    `${tag('title', { id: t }, esc(title))}${tag('desc', { id: d }, esc(alt))}` +
    `${tag('rect', { x: 0, y: 0, width: W, height: h, fill: '#fff' })}${body.join('')}</svg>`
  );
}

/** A legend item: its mark drawn centred at a point, and its words. */
type LegendItem = [mark: (x: number, y: number) => string, words: string];

/** The legend in a band across the top, wrapped into rows; returns where the band ends. */
function legend(items: LegendItem[], left: number): { svg: string; bottom: number } {
  let x = left;
  let y = 18;
  const parts: string[] = [];
  for (const [mark, words] of items) {
    const w = 26 + textWidth(words, FONT) + 16;
    if (x > left && x + w > W - 8) {
      x = left;
      y += 20;
    }
    parts.push(mark(x + 10, y), label(x + 26, y + 4, words));
    x += w;
  }
  return { svg: tag('g', { 'data-legend': 'true' }, parts.join('')), bottom: y + 16 };
}

const shapes = {
  accepted: (x: number, y: number) =>
    tag('circle', { cx: x, cy: y, r: 5.5, fill: ACCENT, stroke: INK, 'stroke-width': 1 }),
  refused: (x: number, y: number) =>
    tag('circle', { cx: x, cy: y, r: 5.5, fill: '#fff', stroke: ACCENT, 'stroke-width': 2 }),
  open: (x: number, y: number) =>
    tag('path', {
      d: `M ${num(x)} ${num(y - 7)} L ${num(x + 7)} ${num(y)} L ${num(x)} ${num(y + 7)} L ${num(x - 7)} ${num(y)} Z`,
      fill: '#fff',
      stroke: ACCENT,
      'stroke-width': 2,
    }),
  award: (x: number, y: number) =>
    tag('rect', { x: x - 5, y: y - 5, width: 10, height: 10, fill: GREY, stroke: INK, 'stroke-width': 1 }),
  dashed: (x: number, y: number) =>
    tag('line', { x1: x - 10, y1: y, x2: x + 10, y2: y, stroke: INK, 'stroke-width': 1.5, 'stroke-dasharray': DASH }),
  bar: (fill: string) => (x: number, y: number) =>
    tag('rect', { x: x - 7, y: y - 6, width: 14, height: 12, fill, stroke: INK, 'stroke-width': 1 }),
};

/** The plot's edges, in SVG units. */
interface Box {
  l: number;
  r: number;
  t: number;
  b: number;
}

/** Horizontal grid lines and their labels for a value axis, and the axis's title turned along it. */
function valueAxis(box: Box, ticks: number[], y: (v: number) => number, unit: string, title: string) {
  const out = ticks.map(
    (v) =>
      tag('line', { x1: box.l, y1: y(v), x2: box.r, y2: y(v), stroke: v === 0 ? INK : GRID, 'stroke-width': 1 }) +
      label(box.l - 6, y(v) + 4, `${formatNumber(v)}${unit}`, { 'text-anchor': 'end', 'data-tick': 'y' }),
  );
  const mid = (box.t + box.b) / 2;
  out.push(
    tag(
      'text',
      { transform: `translate(14 ${num(mid)}) rotate(-90)`, 'text-anchor': 'middle', 'font-size': FONT, fill: INK },
      esc(title),
    ),
  );
  return out;
}

/** A plot of figures over time: value grid and labels, month ticks, both axes' titles. */
function timeFrame(box: Box, h: number, from: number, to: number, top: number) {
  const x = (t: number) => clamp(box.l + ((t - from) / Math.max(1, to - from)) * (box.r - box.l), box.l, box.r);
  const y = (v: number) => box.b - (v / Math.max(1e-9, top)) * (box.b - box.t);
  const ticks = timeTicks(from, to, 8).flatMap((tick) => {
    const w = textWidth(tick.label, FONT);
    const cx = clamp(x(tick.t), w / 2 + 2, W - w / 2 - 2);
    return [
      tag('line', {
        x1: x(tick.t),
        y1: tick.year ? box.t : box.b,
        x2: x(tick.t),
        y2: box.b + 5,
        stroke: tick.year ? LIGHT : INK,
        'stroke-width': 1,
      }),
      label(cx, box.b + 19, tick.label, { 'text-anchor': 'middle', 'data-tick': 'x' }),
    ];
  });
  const xTitle = label((box.l + box.r) / 2, h - 8, 'date', { 'text-anchor': 'middle' });
  return { x, y, parts: [...ticks, xTitle] };
}

/** What a chart is drawn from: the records up to the last step included, and the stretch of time it covers. */
interface Source {
  trace: Trace;
  until: number;
  /** The record after each step included, in order. */
  recs: DisputeRecord[];
  record: DisputeRecord;
  from: number;
  to: number;
}

/**
 * The sources of the steps, up to the last included, at which what `project` reads from the record changed:
 * the steps behind a chart's figures, each source once, in order.
 */
function refsWhere(src: Source, project: (r: DisputeRecord) => string): string[] {
  let before = project(src.trace.initial.context);
  const steps: TraceStep[] = [];
  src.recs.forEach((r, i) => {
    const now = project(r);
    const step = src.trace.steps[i];
    if (now !== before && step) steps.push(step);
    before = now;
  });
  return sourcesOf(steps);
}

const sourcesOf = (steps: readonly TraceStep[]): string[] => [...new Set(steps.flatMap((s) => s.sources))];

/** The name a reader knows a strike by, its days, from the record; never its id. */
function strikeName(r: DisputeRecord, action: unknown, fallback: string): string {
  const a = r.action.actions.find((x) => x.id === action);
  return a ? daySpan(a.start, a.end) : fallback;
}

type Fate = 'accepted' | 'refused' | 'open';

const fateOf = (status: OfferRecord['status']): Fate =>
  status === 'accepted' ? 'accepted' : status === 'open' || status === 'putToMembers' ? 'open' : 'refused';

function offerFateWords(o: OfferRecord): string {
  const words = { open: 'on the table', putToMembers: 'put to members' }[o.status as string] ?? o.status;
  const by = { committee: ' by the committee', members: ' by members', maker: '' }[o.decidedBy ?? 'maker'];
  const when = o.decidedAt ? `, ${day(o.decidedAt)}` : '';
  const implemented = o.implementedAt ? `; implemented by ${o.implementedBy ?? 'others'}, ${day(o.implementedAt)}` : '';
  return `${words}${o.decidedAt ? by : ''}${when}${implemented}`;
}

interface PayMark {
  kind: 'offer' | 'award';
  at: string;
  value: number;
  fate: Fate | 'award';
  by: string;
  words: string;
}

function payChart(src: Source): ReportChart | undefined {
  const { negotiation, dispute } = src.record;
  const claim = dispute.claim?.payRestorationPct;
  const marks: PayMark[] = [
    ...negotiation.offers.flatMap((o): PayMark[] =>
      o.payUpliftPct === undefined
        ? []
        : [
            {
              kind: 'offer',
              at: o.madeAt,
              value: o.payUpliftPct,
              fate: fateOf(o.status),
              by: o.by,
              words: offerFateWords(o),
            },
          ],
    ),
    ...negotiation.awards.flatMap((a): PayMark[] =>
      a.payUpliftPct === undefined
        ? []
        : [
            {
              kind: 'award',
              at: a.publishedAt,
              value: a.payUpliftPct,
              fate: 'award',
              by: a.body,
              words: a.acceptedAt
                ? `accepted${a.acceptedInFull ? ' in full' : ' in part'}, ${day(a.acceptedAt)}`
                : 'published',
            },
          ],
    ),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  if (claim === undefined && marks.length === 0) return undefined;

  const kinds = new Set(marks.map((m) => m.fate));
  const items: LegendItem[] = [];
  if (kinds.has('accepted')) items.push([shapes.accepted, 'offer accepted']);
  if (kinds.has('refused')) items.push([shapes.refused, 'offer rejected, withdrawn or superseded']);
  if (kinds.has('open')) items.push([shapes.open, 'offer still open']);
  if (kinds.has('award')) items.push([shapes.award, 'pay-review award']);
  if (claim !== undefined) items.push([shapes.dashed, 'the claim']);
  const key = legend(items, 50);
  const h = clamp(key.bottom + 210, 240, 300);
  const box: Box = { l: 56, r: W - 24, t: key.bottom + 8, b: h - 48 };
  const { ticks, top } = valueTicks(Math.max(claim ?? 0, ...marks.map((m) => m.value)) * 1.1, 5);
  const frame = timeFrame(box, h, src.from, src.to, top);
  const { x, y } = frame;
  const parts = [key.svg, ...valueAxis(box, ticks, y, '%', 'pay rise, %'), ...frame.parts];
  if (claim !== undefined) {
    parts.push(
      tag('line', {
        x1: box.l,
        y1: y(claim),
        x2: box.r,
        y2: y(claim),
        stroke: INK,
        'stroke-width': 1.5,
        'stroke-dasharray': DASH,
        'data-claim': 'true',
      }),
      label(box.r - 4, y(claim) - 6, `claim ${given(claim)}`, { 'text-anchor': 'end' }),
    );
  }
  // Each mark's figure beside it, moved down a line where it would print over one placed before.
  const placed: { x: number; y: number; w: number }[] = [];
  for (const m of marks) {
    const mx = x(Date.parse(m.at));
    const my = y(m.value);
    const words = given(m.value);
    const w = textWidth(words, FONT);
    const left = mx + 10 + w > box.r;
    let ly = my + 4;
    const lx = left ? mx - 10 - w : mx + 10;
    while (placed.some((p) => Math.abs(p.y - ly) < 13 && lx < p.x + p.w && p.x < lx + w)) ly += 13;
    placed.push({ x: lx, y: ly, w });
    parts.push(tag('g', { 'data-mark': m.kind, 'data-fate': m.fate }, shapes[m.fate](mx, my) + label(lx, ly, words)));
  }

  const offers = marks.filter((m) => m.kind === 'offer');
  const count = (f: Fate) => offers.filter((m) => m.fate === f).length;
  const fates = [
    count('accepted') ? `${count('accepted')} accepted` : '',
    count('refused') ? `${count('refused')} rejected, withdrawn or superseded` : '',
    count('open') ? `${count('open')} still open` : '',
  ].filter(Boolean);
  const awards = marks.length - offers.length;
  const what = [
    offers.length ? `${plural(offers.length, 'offer')} (${fates.join(', ')})` : '',
    awards ? plural(awards, 'pay-review award') : '',
  ].filter(Boolean);
  const against = claim !== undefined ? `, against the claim of ${given(claim)} (the dashed line)` : '';
  const highest = marks.length ? `, the highest ${given(Math.max(...marks.map((m) => m.value)))}` : '';
  const alt = `Pay rises offered and awarded, in per cent, from ${day(src.trace.initial.date)} to ${day(isoAt(src))}${against}: ${what.length ? `${what.join(' and ')}${highest}` : 'no offer or award with a figure yet'}.`;
  const payOf = (r: DisputeRecord) =>
    JSON.stringify([
      r.dispute.claim?.payRestorationPct,
      r.negotiation.offers.filter((o) => o.payUpliftPct !== undefined),
      r.negotiation.awards.filter((a) => a.payUpliftPct !== undefined),
    ]);
  const title = claim !== undefined ? 'Offers and awards against the claim' : 'Offers and awards';
  return {
    id: 'pay',
    title,
    svg: svgDoc('pay', title, alt, h, parts),
    alt,
    table: {
      head: [
        'Date',
        'Offer or award',
        'From',
        claim !== undefined ? `Pay rise (claim ${given(claim)})` : 'Pay rise',
        'What became of it',
      ],
      rows: marks.map((m) => [day(m.at), m.kind, m.by, given(m.value), m.words]),
    },
    refs: refsWhere(src, payOf),
  };
}

const plural = (n: number, noun: string): string => `${formatNumber(n)} ${noun}${n === 1 ? '' : 's'}`;

/** The instant the charts end at: the last step included (the end of the record when all are). */
const isoAt = (src: Source): string =>
  src.until >= src.trace.steps.length - 1
    ? src.trace.final.date
    : (src.trace.steps[src.until]?.date ?? src.trace.initial.date);

function daysChart(src: Source): ReportChart | undefined {
  const total = src.record.action.daysOfAction;
  if (!(total > 0)) return undefined;
  const rises: { at: number; added: number; total: number; strike: string }[] = [];
  let last = src.trace.initial.context.action.daysOfAction;
  src.recs.forEach((r, i) => {
    const step = src.trace.steps[i];
    const d = r.action.daysOfAction;
    if (d !== last && step) {
      rises.push({
        at: Date.parse(step.date),
        added: d - last,
        total: d,
        strike: strikeName(r, step.event.action, day(step.date)),
      });
    }
    last = d;
  });
  const key = legend(
    [
      [
        (x, y) =>
          tag('rect', { x: x - 8, y: y - 6, width: 16, height: 12, fill: LIGHT, stroke: ACCENT, 'stroke-width': 2 }),
        'days of action held so far',
      ],
      [(x, y) => tag('circle', { cx: x, cy: y, r: 3.5, fill: INK }), 'a strike ends'],
    ],
    50,
  );
  const h = 250;
  const box: Box = { l: 56, r: W - 24, t: key.bottom + 8, b: h - 48 };
  const { ticks, top } = valueTicks(total * 1.08, 5, true);
  const frame = timeFrame(box, h, src.from, src.to, top);
  const { x, y } = frame;
  let line = `M ${num(x(src.from))} ${num(y(0))}`;
  let level = 0;
  for (const rise of rises) {
    line += ` L ${num(x(rise.at))} ${num(y(level))} L ${num(x(rise.at))} ${num(y(rise.total))}`;
    level = rise.total;
  }
  line += ` L ${num(x(src.to))} ${num(y(level))}`;
  const totalWords = plural(total, 'day');
  const parts = [
    key.svg,
    tag('path', { d: `${line} L ${num(x(src.to))} ${num(y(0))} Z`, fill: LIGHT, stroke: 'none' }),
    ...valueAxis(box, ticks, y, '', 'days of action'),
    ...frame.parts,
    tag('path', { d: line, fill: 'none', stroke: ACCENT, 'stroke-width': 2 }),
    ...rises.map((r) =>
      tag('g', { 'data-mark': 'strike' }, tag('circle', { cx: x(r.at), cy: y(r.total), r: 3.5, fill: INK })),
    ),
    label(box.r - 2, y(total) - 9, totalWords, { 'text-anchor': 'end', 'font-weight': 'bold', 'data-total': 'true' }),
  ];
  const lastRise = rises.at(-1);
  const alt = `Days of action held, adding up from ${day(src.trace.initial.date)} to ${day(isoAt(src))}: ${totalWords} in ${plural(rises.length, 'strike')}${lastRise ? `, the latest on ${lastRise.strike}` : ''}.`;
  return {
    id: 'days',
    title: 'Days of action so far',
    svg: svgDoc('days', 'Days of action so far', alt, h, parts),
    alt,
    table: {
      head: ['Strike', 'Days of action', 'Total so far'],
      rows: rises.map((r) => [r.strike, formatNumber(r.added), formatNumber(r.total)]),
    },
    refs: refsWhere(src, (r) => String(r.action.daysOfAction)),
  };
}

/**
 * A closed ballot's shares in per cent as the record holds them: published, or worked out from counts where both
 * were given (as `judgeBallot` and `ballotFigureWords` read them), to one decimal; from counts for a record without.
 */
function sharesOf(b: BallotRecord) {
  const of = (a: number | undefined, c: number | undefined) =>
    a !== undefined && c !== undefined && c > 0 ? (a / c) * 100 : undefined;
  const turnout = b.turnoutPct ?? of(b.cast, b.entitled);
  const yes = b.yesPct ?? of(b.yes, b.cast);
  const ofEntitled =
    b.yesOfEntitledPct ??
    of(b.yes, b.entitled) ??
    (turnout !== undefined && yes !== undefined ? (turnout * yes) / 100 : undefined);
  return { turnout, yes, ofEntitled };
}

const BARS = [
  { key: 'turnout', fill: LIGHT, words: 'turnout' },
  { key: 'yes', fill: ACCENT, words: 'yes, of votes cast' },
  { key: 'ofEntitled', fill: '#fff', words: 'yes, of all entitled to vote' },
] as const;

function ballotsChart(src: Source): ReportChart | undefined {
  const ballots = src.record.balloting.ballots.filter((b) => b.closedAt !== undefined);
  if (ballots.length === 0) return undefined;
  const ips = src.record.law.importantPublicService;
  const slots = ballots.map((b) => {
    const regime = regimeById(b.regime);
    const support = ips ? regime.importantServicesSupportThreshold : null;
    const shares = sharesOf(b);
    const kind = b.constituencies
      ? 'constituencies'
      : shares.turnout === undefined && shares.yes === undefined
        ? 'unpublished'
        : 'figures';
    return { b, regime, support, shares, kind };
  });
  const tested = slots.filter((s) => s.kind === 'figures' && s.regime.turnoutThreshold !== null);
  const anySupport = slots.some((s) => s.kind === 'figures' && s.support !== null);
  const items: LegendItem[] = BARS.filter((bar) => bar.key !== 'ofEntitled' || anySupport).map((bar) => [
    shapes.bar(bar.fill),
    bar.words,
  ]);
  const law = [...new Set(tested.map((s) => s.regime.name))].join(' and ');
  if (tested.length) items.push([shapes.dashed, `threshold (${law})`]);
  const key = legend(items, 50);
  const h = 290;
  const box: Box = { l: 56, r: W - 16, t: key.bottom + 14, b: h - 62 };
  const { ticks, top } = valueTicks(100, 5);
  const y = (v: number) => box.b - (v / top) * (box.b - box.t);
  const slotW = (box.r - box.l) / slots.length;
  const parts = [key.svg, ...valueAxis(box, ticks, y, '%', 'share, %')];
  parts.push(
    label((box.l + box.r) / 2, h - 8, 'strike ballots, by the day voting closed', { 'text-anchor': 'middle' }),
  );
  const rows: string[][] = [];
  slots.forEach((s, i) => {
    const cx = box.l + slotW * (i + 0.5);
    const closed = day(s.b.closedAt ?? '');
    const notes = [
      s.b.supplementary ? 'supplementary ballot' : '',
      s.regime.turnoutThreshold === null ? 'no thresholds then' : '',
    ]
      .filter(Boolean)
      .join('; ');
    const caption = [label(cx, box.b + 18, `closed ${closed}`, { 'text-anchor': 'middle' })];
    if (notes) caption.push(label(cx, box.b + 33, notes, { 'text-anchor': 'middle', 'font-size': SMALL, fill: GREY }));
    const inner: string[] = [...caption];
    const mandate =
      s.b.mandate === undefined ? '' : `${s.b.mandate ? 'yes' : 'no'}${s.b.asAnnounced ? ' (as announced)' : ''}`;
    const lawWords =
      s.regime.turnoutThreshold === null
        ? `${s.regime.name}: a majority of votes cast`
        : `${s.regime.name}: ${pct(s.regime.turnoutThreshold * 100)} turnout${s.support !== null ? `, ${pct(s.support * 100)} of all entitled voting yes` : ''}`;
    if (s.kind !== 'figures') {
      const c = s.b.constituencies;
      const words =
        s.kind === 'constituencies' && c
          ? `thresholds met at ${formatNumber(c.met)}${c.balloted !== undefined ? ` of ${formatNumber(c.balloted)}` : ''} ${c.unit} (no national totals)`
          : `figures not published${s.b.mandate === undefined ? '' : `; ${s.b.mandate ? 'a mandate' : 'no mandate'}, as announced`}`;
      const lines = wrapWords(words, Math.max(12, Math.floor((slotW - 24) / (FONT * 0.58))));
      const y0 = (box.t + box.b) / 2 - ((lines.length - 1) * 16) / 2;
      inner.push(
        tag('rect', {
          x: cx - slotW / 2 + 8,
          y: y0 - 22,
          width: slotW - 16,
          height: lines.length * 16 + 20,
          fill: '#fff',
          stroke: LIGHT,
        }),
        ...lines.map((line, j) => label(cx, y0 + j * 16, line, { 'text-anchor': 'middle' })),
      );
      const none = s.kind === 'constituencies' ? 'no national totals' : 'not published';
      rows.push([closed, none, none, none, s.kind === 'constituencies' ? `${lawWords}; ${words}` : lawWords, mandate]);
    } else {
      const bars = BARS.filter((bar) => bar.key !== 'ofEntitled' || s.support !== null);
      const barW = Math.min(46, (slotW * 0.8) / bars.length);
      bars.forEach((bar, j) => {
        const bx = cx - (bars.length * barW) / 2 + j * barW;
        const v = s.shares[bar.key];
        if (v === undefined) {
          inner.push(label(bx + barW / 2, box.b - 6, '–', { 'text-anchor': 'middle' }));
          return;
        }
        const threshold =
          bar.key === 'turnout' ? s.regime.turnoutThreshold : bar.key === 'ofEntitled' ? s.support : null;
        const line = threshold === null ? undefined : y(threshold * 100);
        // A figure just under its threshold would print across the dashed line: inside the bar's top instead,
        // or above the line where the bar is too short to hold it.
        let ly = y(v) - 5;
        if (line !== undefined && line > ly - 13 && line < ly + 4) ly = box.b - y(v) > 24 ? y(v) + 16 : line - 5;
        inner.push(
          tag('rect', {
            x: bx + 2,
            y: y(v),
            width: barW - 4,
            height: box.b - y(v),
            fill: bar.fill,
            stroke: INK,
            'stroke-width': 1,
            'data-bar': bar.key,
          }),
          label(bx + barW / 2, ly, pct(v), { 'text-anchor': 'middle', 'font-size': SMALL }),
        );
        if (line !== undefined) {
          inner.push(
            tag('line', {
              x1: bx - 3,
              y1: line,
              x2: bx + barW + 3,
              y2: line,
              stroke: INK,
              'stroke-width': 2,
              'stroke-dasharray': '5 3',
              'data-threshold': bar.key,
            }),
          );
        }
      });
      const cell = (v: number | undefined) => (v === undefined ? 'not published' : pct(v));
      rows.push([
        closed,
        cell(s.shares.turnout),
        cell(s.shares.yes),
        s.support !== null ? cell(s.shares.ofEntitled) : 'not tested',
        lawWords,
        mandate,
      ]);
    }
    parts.push(tag('g', { 'data-mark': 'ballot', 'data-kind': s.kind }, inner.join('')));
  });

  const first = day(ballots[0]?.closedAt ?? '');
  const lastClosed = day(ballots.at(-1)?.closedAt ?? '');
  const when = ballots.length === 1 ? `closed ${first}` : `closed from ${first} to ${lastClosed}`;
  const shareWords = (f: (s: (typeof slots)[number]) => number | null) =>
    [...new Set(slots.flatMap((s) => (s.kind === 'figures' && f(s) !== null ? [pct((f(s) ?? 0) * 100)] : [])))].join(
      ' or ',
    );
  const support = shareWords((s) => s.support);
  const lines = tested.length
    ? `, with the thresholds of the ${law} as dashed lines (a turnout of at least ${shareWords((s) => s.regime.turnoutThreshold)}${support ? `; at least ${support} of all entitled voting yes, the third bar` : ''})`
    : '';
  const others = [
    slots.some((s) => s.kind === 'constituencies')
      ? ' A ballot run employer by employer has no national totals: it says where the thresholds were met.'
      : '',
    slots.some((s) => s.kind === 'unpublished') ? ' A ballot whose figures were not published has no bars.' : '',
  ].join('');
  const alt = `Turnout and yes votes, in per cent, in ${plural(ballots.length, 'strike ballot')} ${when}${lines}.${others}`;
  const title = tested.length ? 'Strike ballots against the thresholds' : 'Strike ballots: turnout and yes votes';
  return {
    id: 'ballots',
    title,
    svg: svgDoc('ballots', title, alt, h, parts),
    alt,
    table: {
      head: ['Ballot closed', 'Turnout', 'Yes, of votes cast', 'Yes, of all entitled', 'The law', 'Mandate'],
      rows,
    },
    refs: refsWhere(src, (r) => JSON.stringify(r.balloting.ballots.filter((b) => b.closedAt !== undefined))),
  };
}

function impactChart(src: Source): ReportChart | undefined {
  // The latest report with a count for each strike: a later report corrects an earlier one.
  const reports = new Map<string, { step: TraceStep; count: number; by: string }>();
  src.trace.steps.slice(0, src.until + 1).forEach((step) => {
    const e = step.event;
    if (step.accepted && e.type === 'impact.reported' && typeof e.appointmentsRescheduled === 'number') {
      reports.set(String(e.action), { step, count: e.appointmentsRescheduled, by: String(e.by ?? '') });
    }
  });
  if (reports.size === 0) return undefined;
  const actions = src.record.action.actions;
  const bars = [...reports.entries()]
    .map(([action, r]) => {
      const a = actions.find((x) => x.id === action);
      return {
        ...r,
        start: a ? Date.parse(a.start) : Date.parse(r.step.date),
        strike: strikeName(src.record, action, `reported ${day(r.step.date)}`),
      };
    })
    .sort((a, b) => a.start - b.start);
  const rowH = clamp(170 / bars.length, 16, 26);
  const h = clamp(44 + bars.length * rowH + 56, 220, 300);
  const box: Box = {
    l: clamp(Math.max(...bars.map((b) => textWidth(b.strike, FONT))) + 40, 100, 220),
    r: W - 70,
    t: 28,
    b: h - 52,
  };
  const step = (box.b - box.t) / bars.length;
  const barH = Math.min(18, step * 0.7);
  const { ticks, top } = valueTicks(Math.max(...bars.map((b) => b.count)), 5, true);
  const x = (v: number) => box.l + (v / Math.max(1, top)) * (box.r - box.l);
  const parts = [
    ...ticks.map(
      (v) =>
        tag('line', { x1: x(v), y1: box.t, x2: x(v), y2: box.b, stroke: v === 0 ? INK : GRID, 'stroke-width': 1 }) +
        label(x(v), box.b + 18, formatNumber(v), { 'text-anchor': 'middle', 'data-tick': 'x' }),
    ),
    label((box.l + box.r) / 2, h - 8, 'appointments and operations rescheduled, as reported', {
      'text-anchor': 'middle',
    }),
    tag(
      'text',
      {
        transform: `translate(14 ${num((box.t + box.b) / 2)}) rotate(-90)`,
        'text-anchor': 'middle',
        'font-size': FONT,
        fill: INK,
      },
      esc('strike'),
    ),
    ...bars.map((b, i) => {
      const cy = box.t + step * (i + 0.5);
      return tag(
        'g',
        { 'data-mark': 'strike' },
        label(box.l - 8, cy + 4, b.strike, { 'text-anchor': 'end' }) +
          tag('rect', {
            x: box.l,
            y: cy - barH / 2,
            width: Math.max(1, x(b.count) - box.l),
            height: barH,
            fill: ACCENT,
            stroke: INK,
            'stroke-width': 1,
          }) +
          label(x(b.count) + 5, cy + 4, formatNumber(b.count), { 'font-size': SMALL }),
      );
    }),
  ];
  const most = bars.reduce((m, b) => (b.count > m.count ? b : m));
  const alt =
    bars.length === 1
      ? `Appointments and operations rescheduled in the one strike with a reported count, on ${most.strike}: ${formatNumber(most.count)}.`
      : `Appointments and operations rescheduled in each of ${plural(bars.length, 'strike')} with a reported count, one bar a strike: the most, ${formatNumber(most.count)}, on ${most.strike}.`;
  const title = 'Appointments rescheduled per strike';
  return {
    id: 'impact',
    title,
    svg: svgDoc('impact', title, alt, h, parts),
    alt,
    table: {
      head: ['Strike', 'Appointments and operations rescheduled', 'Reported by'],
      rows: bars.map((b) => [b.strike, formatNumber(b.count), b.by]),
    },
    refs: sourcesOf([...reports.values()].map((r) => r.step).sort((a, b) => a.index - b.index)),
  };
}

/**
 * The charts of a teaching pack for a replay, up to a step (`until`) or for the whole record: pay against the
 * claim, days of action, ballots against the thresholds, and appointments rescheduled; a chart with nothing to
 * draw is left out.
 */
export function reportCharts(trace: Trace, options: ReportChartOptions = {}): ReportChart[] {
  const last = trace.steps.length - 1;
  const until = options.until ?? last;
  if (!Number.isInteger(until) || until < -1 || until > last) {
    throw new RangeError(`no step ${until}: the Trace has steps 0 to ${last}`);
  }
  const recs: DisputeRecord[] = [];
  for (const r of records(trace)) {
    if (recs.length > until) break;
    recs.push(r);
  }
  const src: Source = {
    trace,
    until,
    recs,
    record: recs.at(-1) ?? trace.initial.context,
    from: Date.parse(trace.initial.date),
    to: 0,
  };
  src.to = Math.max(src.from, Date.parse(isoAt(src)));
  return [payChart(src), daysChart(src), ballotsChart(src), impactChart(src)].filter(
    (c): c is ReportChart => c !== undefined,
  );
}
