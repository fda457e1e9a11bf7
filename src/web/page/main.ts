/** The inspector page: a dated, sourced replay you can scrub, over the statechart that ran it. */

import type { ScenarioEvent } from '../../schemas/scenario.js';
import { byId, fill, h, table } from './dom.js';
import { humanDate } from './engine.js';
import {
  branchBanner,
  branchOpening,
  divergenceAfter,
  download,
  type PageBranch,
  suggestionForm,
  suggestionsAt,
  takeRoad,
  whatIfBranch,
} from './fork.js';
import { renderFacts, renderStep } from './panels.js';
import { daysPlot, type Plot, payPlot } from './plots.js';
import type { Inspection, InspectionStep, InspectionWhatIf, ServerMessage } from './types.js';

interface View {
  data: Inspection;
  /** -1 is "before the first event". */
  index: number;
  playing: ReturnType<typeof setInterval> | undefined;
  /** The drawn states (in the chart and on the board) by path. */
  states: Map<string, Element[]>;
  active: Set<string>;
  plots: Plot[];
  logItems: HTMLLIElement[];
  ticks: HTMLElement[];
  /** Classroom mode: the future hidden until the teacher reveals it, Play stopping at decision points. */
  classroom: boolean;
  /** The step indices Play stops before in classroom mode, with why. */
  decisions: Map<number, string>;
  /** The chart's transition groups, by each edge id they draw. */
  edges: Map<string, Element[]>;
  /** History's own steps, kept while the page shows a branch in `data.steps`. */
  history: InspectionStep[];
  /** The branch a reader took, if any. */
  branch: PageBranch | undefined;
}

function highlight(view: View, active: readonly string[]): string[] {
  const next = new Set(active);
  const added = active.filter((p) => !view.active.has(p));
  for (const path of view.active) {
    if (!next.has(path)) for (const el of view.states.get(path) ?? []) el.classList.remove('is-active');
  }
  for (const path of next) {
    if (!view.active.has(path)) for (const el of view.states.get(path) ?? []) el.classList.add('is-active');
  }
  view.active = next;
  return added;
}

function go(view: View, index: number): void {
  const { data } = view;
  const i = Math.max(-1, Math.min(data.steps.length - 1, index));
  const prev = view.index;
  view.index = i;
  const step = i >= 0 ? data.steps[i] : undefined;
  const added = highlight(view, step ? step.active : data.initial.active);
  followActive(byId('chart'), added);
  // History's decision points do not stand on a branch once it has left history.
  const leftHistory = view.branch && i >= view.data.steps.findIndex((st) => st.own);
  renderStep(data, step, view.classroom, leftHistory ? undefined : view.decisions.get(i));
  renderFacts(step ? step.context : data.initial.context, step?.date ?? data.scenario.period.from);
  renderRoads(view, i);
  for (const plot of view.plots) plot.moveTo(step?.date ?? data.scenario.period.from, view.classroom);
  markPath(view, i);
  for (const [k, el] of view.logItems.entries()) el.classList.toggle('future', k > i);
  for (const [k, el] of view.ticks.entries()) el.classList.toggle('future', k > i);
  const slider = byId<HTMLInputElement>('slider');
  slider.value = String(i + 1);
  const position = step
    ? `${step.when} · step ${i + 1} of ${data.steps.length}`
    : `before the first step · ${data.steps.length} steps`;
  byId('position').textContent = position;
  // A screen reader hears the date and the event, not a bare number.
  slider.setAttribute('aria-valuetext', step ? `${step.when}: ${step.description}` : 'before the first step');
  // History's steps can be linked to (#step=N, counted from 1); a branch's cannot, so its address stays as it was.
  if (!view.branch) {
    const hash = i >= 0 ? `#step=${i + 1}` : '';
    if (location.hash !== hash)
      history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
  }
  if (prev >= 0) {
    view.logItems[prev]?.classList.remove('current');
    view.ticks[prev]?.classList.remove('current');
  }
  if (i >= 0) {
    view.logItems[i]?.classList.add('current');
    view.ticks[i]?.classList.add('current');
    const item = view.logItems[i];
    const log = item?.parentElement;
    if (item && log) log.scrollTop = item.offsetTop - log.offsetTop - log.clientHeight / 2;
  }
  document.body.dataset.step = String(i);
}

/** How the statechart is zoomed: `fit` (the whole chart) or a scale of its natural size. */
let chartZoom: 'fit' | number = 1;

/**
 * The statechart's view: zoom by the buttons, Ctrl+wheel (a trackpad's pinch comes as one), two fingers on a touch
 * screen, and + − 0 keys;
 * pan by dragging, the wheel and the arrow keys when the chart has the focus; at 100% its labels are at their
 * drawn size (12 px and up). "Follow" keeps the active states in view as the steps go by.
 */
function setUpChartView(chart: HTMLElement): void {
  const svg = chart.querySelector('svg');
  const natural = Number(svg?.getAttribute('width') ?? 0);
  chart.tabIndex = 0;
  chart.setAttribute('aria-label', 'The statechart: drag or use the arrow keys to move, + and − to zoom');
  const apply = (zoom: 'fit' | number, keep?: { x: number; y: number }) => {
    const before = { w: chart.scrollWidth, h: chart.scrollHeight };
    chartZoom = zoom;
    chart.classList.toggle('zoomed', zoom !== 'fit');
    if (svg) svg.style.width = zoom === 'fit' ? '' : `${natural * zoom}px`;
    for (const b of document.querySelectorAll<HTMLElement>('[data-zoom]')) {
      b.setAttribute('aria-pressed', String(b.dataset.zoom === String(zoom)));
    }
    // Zooming about a point keeps that point where it was.
    if (keep) {
      chart.scrollLeft = ((chart.scrollLeft + keep.x) * chart.scrollWidth) / Math.max(1, before.w) - keep.x;
      chart.scrollTop = ((chart.scrollTop + keep.y) * chart.scrollHeight) / Math.max(1, before.h) - keep.y;
    }
  };
  const step = (factor: number, keep?: { x: number; y: number }) => {
    const current = chartZoom === 'fit' ? chart.clientWidth / Math.max(1, natural) : chartZoom;
    apply(Math.min(2, Math.max(0.25, Number((current * factor).toFixed(2)))), keep);
  };
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-zoom]')) {
    button.addEventListener('click', () => {
      const zoom = button.dataset.zoom ?? 'fit';
      apply(zoom === 'fit' ? 'fit' : Number(zoom));
      const active = [...chart.querySelectorAll('g.state-atomic.is-active')].map(
        (g) => g.getAttribute('data-path') ?? '',
      );
      followActive(chart, active.slice(-1), true);
    });
  }
  chart.addEventListener(
    'wheel',
    (e) => {
      if (!e.ctrlKey) return; // a plain wheel scrolls (pans) as usual
      e.preventDefault();
      const r = chart.getBoundingClientRect();
      step(e.deltaY < 0 ? 1.1 : 1 / 1.1, { x: e.clientX - r.left, y: e.clientY - r.top });
    },
    { passive: false },
  );
  // Two fingers on a touch screen pinch to zoom about their midpoint; one finger scrolls the chart natively.
  const touches = new Map<number, { x: number; y: number }>();
  const spread = () => {
    const [a, b] = [...touches.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  };
  let pinch = 0;
  chart.addEventListener('pointerdown', (e) => {
    if (e.pointerType !== 'touch') return;
    touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
    pinch = spread();
  });
  chart.addEventListener('pointermove', (e) => {
    if (e.pointerType !== 'touch' || !touches.has(e.pointerId)) return;
    touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
    const now = spread();
    if (touches.size !== 2 || pinch <= 0 || now <= 0 || Math.abs(now / pinch - 1) < 0.04) return;
    const [a, b] = [...touches.values()] as [{ x: number; y: number }, { x: number; y: number }];
    const r = chart.getBoundingClientRect();
    step(now / pinch, { x: (a.x + b.x) / 2 - r.left, y: (a.y + b.y) / 2 - r.top });
    pinch = now;
  });
  const lift = (e: PointerEvent) => {
    touches.delete(e.pointerId);
    pinch = spread();
  };
  chart.addEventListener('pointerup', lift);
  chart.addEventListener('pointercancel', lift);
  let drag: { x: number; y: number; left: number; top: number } | undefined;
  chart.addEventListener('pointerdown', (e) => {
    if (e.pointerType === 'touch' || e.button !== 0 || chartZoom === 'fit') return;
    drag = { x: e.clientX, y: e.clientY, left: chart.scrollLeft, top: chart.scrollTop };
    chart.classList.add('dragging');
  });
  window.addEventListener('pointermove', (e) => {
    if (!drag) return;
    chart.scrollLeft = drag.left - (e.clientX - drag.x);
    chart.scrollTop = drag.top - (e.clientY - drag.y);
  });
  window.addEventListener('pointerup', () => {
    drag = undefined;
    chart.classList.remove('dragging');
  });
  chart.addEventListener('keydown', (e) => {
    const pan = 80;
    if (e.key === '+' || e.key === '=') step(1.2);
    else if (e.key === '-') step(1 / 1.2);
    else if (e.key === '0') apply(1);
    else if (e.key === 'ArrowLeft') chart.scrollLeft -= pan;
    else if (e.key === 'ArrowRight') chart.scrollLeft += pan;
    else if (e.key === 'ArrowUp') chart.scrollTop -= pan;
    else if (e.key === 'ArrowDown') chart.scrollTop += pan;
    else return;
    e.preventDefault();
    e.stopPropagation(); // the chart's arrows pan it, not the timeline
  });
  apply(1);
}

/**
 * Scrolls the chart so the states that have just become active are in view (when "follow" is on): the moving
 * part of the dispute, since at full size the five regions' states cannot all be seen at once.
 */
function followActive(chart: HTMLElement, paths: readonly string[], force = false): void {
  const follow = document.getElementById('follow') as HTMLInputElement | null;
  if ((!force && !follow?.checked) || chartZoom === 'fit' || paths.length === 0) return;
  const wanted = new Set(paths);
  const moved = [...chart.querySelectorAll<SVGGElement>('g.state-atomic.is-active, g.state-final.is-active')].filter(
    (g) => wanted.has(g.getAttribute('data-path') ?? ''),
  );
  if (moved.length === 0) return;
  // A jump moves many regions at once, which no view holds at this size: then the last moved (the action's
  // region, where a dispute's steps mostly happen) is the one kept in view.
  const c = chart.getBoundingClientRect();
  const all = moved.map((g) => g.getBoundingClientRect());
  const spread = Math.max(...all.map((b) => b.bottom)) - Math.min(...all.map((b) => b.top));
  const boxes = spread > c.height ? all.slice(-1) : all;
  const left = Math.min(...boxes.map((b) => b.left));
  const right = Math.max(...boxes.map((b) => b.right));
  const top = Math.min(...boxes.map((b) => b.top));
  const bottom = Math.max(...boxes.map((b) => b.bottom));
  if (left >= c.left && right <= c.right && top >= c.top && bottom <= c.bottom) return;
  chart.scrollLeft += (left + right) / 2 - (c.left + c.right) / 2;
  chart.scrollTop += (top + bottom) / 2 - (c.top + c.bottom) / 2;
}

/**
 * The roads not taken at step `i`, and a way to take one: a button that lists the suggestions the machine accepts
 * there, each opening a form of its fields. On a branch only its last step goes on.
 */
function renderRoads(view: View, i: number): void {
  const { data } = view;
  const step = i >= 0 ? data.steps[i] : undefined;
  const branches = step ? step.branches : data.initial.branches;
  // The road history took next, marked (not in classroom mode, where it is the future).
  const next = data.steps.slice(i + 1).find((st) => st.cause === 'scenario' && st.accepted);
  const taken = !view.classroom && !view.branch ? next?.event.type : undefined;
  const list = branches.length
    ? h(
        'ul',
        { class: 'branches' },
        ...branches.map((b) =>
          h(
            'li',
            { class: b.type === taken ? 'history-road' : undefined },
            b.label,
            ' ',
            h('code', { class: 'technical' }, b.type),
            b.type === taken ? h('span', { class: 'history-mark' }, ' ← history’s next step') : null,
          ),
        ),
      )
    : h('p', { class: 'muted' }, 'None: the dispute is over.');
  const divergesAt = view.branch
    ? i === data.steps.length - 1
      ? view.branch.divergesAt
      : undefined
    : i >= 0
      ? divergenceAfter(data, data.steps, i)
      : undefined;
  const tryButton =
    branches.length && divergesAt
      ? h('button', { type: 'button', id: 'try-roads', class: 'play' }, 'Take a road from here…')
      : null;
  fill(byId('branches'), list, tryButton, h('div', { id: 'roads-forms' }));
  tryButton?.addEventListener('click', () => {
    if (!divergesAt) return;
    const suggestions = suggestionsAt(data, view.branch, divergesAt, step?.date ?? data.scenario.period.from);
    const forms = byId('roads-forms');
    fill(
      forms,
      ...suggestions.map((s) => {
        const open = h('button', { type: 'button', class: 'road' }, s.says);
        const holder = h('div', { class: 'road-form' });
        open.addEventListener('click', () =>
          fill(
            holder,
            suggestionForm(s, (events) => takeBranch(view, divergesAt, events)),
          ),
        );
        return h('div', { class: 'road-item' }, open, holder);
      }),
    );
  });
}

/** Takes a road: the branch merged and replayed in the page, shown in place of history from its first event. */
function takeBranch(view: View, divergesAt: string, events: ScenarioEvent[]): void {
  let branch: PageBranch;
  try {
    branch = takeRoad(view.data, view.branch, divergesAt, events);
  } catch (error) {
    byId('roads-forms').prepend(h('p', { class: 'reason' }, `That road cannot be taken: ${String(error)}`));
    return;
  }
  const ownBefore = new Set(view.branch?.events.map((e) => e.id) ?? []);
  const first = branch.steps.findIndex((s) => s.own && s.id !== undefined && !ownBefore.has(s.id));
  showSteps(view, branch.steps, branch);
  go(view, first >= 0 ? first : branch.steps.findIndex((s) => s.own));
  // The branch can be shared as a link: its point of divergence and own events, in the address.
  history.replaceState(null, '', `${location.pathname}${location.search}#branch=${encodeBranch(branch)}`);
}

/** Opens a shipped what-if: replayed in the page and shown beside history, with a link of its own. */
function openWhatIf(view: View, whatIf: InspectionWhatIf): void {
  let branch: PageBranch;
  try {
    branch = whatIfBranch(view.data, whatIf);
  } catch (error) {
    byId('whatifs').prepend(h('li', { class: 'reason' }, `That what-if cannot be opened: ${String(error)}`));
    return;
  }
  showSteps(view, branch.steps, branch);
  go(view, branchOpening(branch));
  history.replaceState(null, '', `${location.pathname}${location.search}#whatif=${encodeURIComponent(whatIf.id)}`);
}

/** The what-ifs card: one button a shipped counterfactual, with what it teaches (hidden in classroom mode). */
function renderWhatIfs(view: View): void {
  const { whatIfs } = view.data;
  byId('whatifs-card').hidden = whatIfs.length === 0;
  fill(
    byId('whatifs'),
    ...whatIfs.map((w) => {
      const button = h('button', { type: 'button', class: 'road', 'data-whatif': w.id }, w.title);
      button.addEventListener('click', () => openWhatIf(view, w));
      return h('li', {}, button, ' ', h('span', { class: 'muted spoiler' }, w.summary));
    }),
  );
}

/** A branch as the address carries it: its divergence and own events, as JSON in URL-safe base64. */
function encodeBranch(branch: PageBranch): string {
  const json = JSON.stringify({ at: branch.divergesAt, events: branch.events });
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A branch from the address, or undefined when there is none or it does not read. */
function decodeBranch(hash: string): { at: string; events: ScenarioEvent[] } | undefined {
  const text = new URLSearchParams(hash.slice(1)).get('branch');
  if (!text) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const value = JSON.parse(json) as { at?: unknown; events?: unknown };
    return typeof value.at === 'string' && Array.isArray(value.events)
      ? { at: value.at, events: value.events as ScenarioEvent[] }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Shows a list of steps (history's, or a branch's) on the timeline: slider, ticks, every step. */
function showSteps(view: View, steps: InspectionStep[], branch: PageBranch | undefined): void {
  view.data.steps = steps;
  view.branch = branch;
  buildTimeline(view);
  const banner = byId('branch-banner');
  if (branch) {
    branchBanner(
      view.data,
      view.history,
      branch,
      () => download(branch),
      () => {
        showSteps(view, view.history, undefined);
        go(view, Math.min(view.index, view.history.length - 1));
      },
    );
  } else banner.hidden = true;
}

/** The slider, ticks and "Every step" list for the steps shown now. */
function buildTimeline(view: View): void {
  const { data } = view;
  view.logItems = data.steps.map((s, i) =>
    h(
      'li',
      { class: `${s.accepted ? s.cause : 'refused'}${s.own ? ' own' : ''}`, 'data-index': String(i) },
      // A button, so that a keyboard reaches every step of the list (and the list, which scrolls, with them).
      h(
        'button',
        { type: 'button', class: 'log-step' },
        `${s.accepted ? (s.cause === 'time' ? '◷' : '•') : '✗'} ${s.when} — ${s.description}`,
      ),
    ),
  );
  fill(byId('log'), ...view.logItems);
  // One tick a step, where the slider's thumb stands at that step (value i + 1 of n), not by date: the two agree.
  view.ticks = data.steps.map((s, i) => {
    const tick = h('i', {
      class: s.accepted ? s.cause : 'refused',
      'data-index': String(i),
      title: `${s.when}: ${s.description}`,
    });
    tick.style.left = `${((i + 1) / Math.max(1, data.steps.length)) * 100}%`;
    return tick;
  });
  fill(byId('ticks'), ...view.ticks);
  byId<HTMLInputElement>('slider').max = String(data.steps.length);
  view.index = Math.min(view.index, data.steps.length - 1);
}

/**
 * The replay's path on the chart as far as step `i`: the states visited and the transitions taken so far (the
 * drawing comes with the whole replay's path, which would give away the rest).
 */
function markPath(view: View, i: number): void {
  const { data } = view;
  const visited = new Set(data.initial.active);
  const taken = new Set<string>();
  for (const step of data.steps.slice(0, i + 1)) {
    for (const path of step.active) visited.add(path);
    for (const id of step.edges) taken.add(id);
  }
  for (const [path, els] of view.states) for (const el of els) el.classList.toggle('visited', visited.has(path));
  for (const [id, els] of view.edges) {
    for (const el of els) {
      const on = taken.has(id) || (el.getAttribute('data-edge') ?? '').split(' ').some((e) => taken.has(e));
      el.classList.toggle('taken', on);
      const route = el.querySelector('.route');
      if (route) route.setAttribute('marker-end', on ? 'url(#sc-arrow-taken)' : 'url(#sc-arrow-faint)');
    }
  }
}

/** In classroom mode, the "What would you do?" card before a decision point: the roads open, a question, Reveal. */
function askClass(view: View, next: number): void {
  const { data } = view;
  const current = view.index >= 0 ? data.steps[view.index] : undefined;
  const roads = current ? current.branches : data.initial.branches;
  const question = data.steps[next]?.question;
  const card = byId('ask');
  fill(
    card,
    h('h2', {}, 'What would you do?'),
    h('p', { class: 'ask-why' }, 'The next step changes what either side can do.'),
    question ? h('p', { class: 'ask-question' }, question) : null,
    roads.length
      ? h('p', {}, 'The roads open here: ', h('span', { class: 'roads' }, roads.map((r) => r.label).join(' · ')))
      : null,
    h(
      'div',
      { class: 'ask-actions' },
      h('button', { type: 'button', id: 'reveal-step', class: 'play' }, 'Reveal what happened'),
      ' ',
      h('button', { type: 'button', id: 'try-step' }, 'Try it: take a road yourself'),
    ),
  );
  card.hidden = false;
  byId('try-step').addEventListener('click', () => {
    card.hidden = true;
    document.getElementById('try-roads')?.click();
    byId('branches').scrollIntoView({ block: 'start' });
  });
  byId('reveal-step').addEventListener('click', () => {
    card.hidden = true;
    go(view, next);
    byId<HTMLButtonElement>('play').focus();
  });
}

function setPlaying(view: View, on: boolean): void {
  const button = byId<HTMLButtonElement>('play');
  if (view.playing) clearInterval(view.playing);
  view.playing = undefined;
  if (on) {
    if (view.index >= view.data.steps.length - 1) go(view, -1);
    byId('ask').hidden = true;
    const speed = Number(byId<HTMLSelectElement>('speed').value) || 700;
    view.playing = setInterval(() => {
      const next = view.index + 1;
      if (view.index >= view.data.steps.length - 1) setPlaying(view, false);
      else if (view.classroom && !view.branch && view.decisions.has(next)) {
        setPlaying(view, false);
        askClass(view, next);
      } else go(view, next);
    }, speed);
  }
  button.textContent = on ? 'Pause' : 'Play';
}

/**
 * The step a day opens at: its first step (a day of several events opens before all of them), or for a day with
 * none, the last step before it (-1, the start, for a day before every step).
 */
function stepAt(data: Inspection, day: string): number {
  const on = data.steps.findIndex((s) => s.date.slice(0, 10) === day);
  if (on >= 0) return on;
  return data.steps.findLastIndex((s) => s.date.slice(0, 10) < day);
}

/** Paths of a state value: `{ active: { action: 'striking' } }` → `active`, `active.action`, `active.action.striking`. */
function valuePaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix ? `${prefix}.${value}` : value];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
    const here = prefix ? `${prefix}.${k}` : k;
    return [here, ...valuePaths(v, here)];
  });
}

function live(view: View): void {
  const banner = byId('live-banner');
  const button = byId<HTMLButtonElement>('live');
  // One run at a time; when it ends the board goes back to the step the timeline is on.
  if (button.disabled) return;
  button.disabled = true;
  const done = () => {
    button.disabled = false;
    go(view, view.index);
  };
  const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/ws`);
  let count = 0;
  socket.addEventListener('open', () => socket.send(JSON.stringify({ type: 'live.start', speedMs: 350 })));
  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as ServerMessage;
    if (data.type === 'live.started') {
      setPlaying(view, false);
      banner.hidden = false;
      banner.textContent = 'LIVE — the replay is running through XState’s inspector; events arrive as they happen';
    } else if (data.type === 'inspection' && data.event.type === '@xstate.snapshot' && data.event.snapshot) {
      count++;
      highlight(view, valuePaths(data.event.snapshot.value));
      banner.textContent = `LIVE — ${count} snapshots received; last event: ${data.event.event?.type ?? ''}`;
    } else if (data.type === 'live.ended') {
      banner.textContent = `Live run finished: ${count} snapshots received over the WebSocket. Use the timeline to scrub.`;
      socket.close();
      done();
    }
  });
  socket.addEventListener('error', () => {
    banner.hidden = false;
    banner.textContent = 'Live run unavailable: the WebSocket could not connect.';
    done();
  });
}

async function start(): Promise<void> {
  // An exported page carries its data inline and has no server: no fetch, and no live run.
  const embedded = document.getElementById('inspection-data');
  const data = (
    embedded ? JSON.parse(embedded.textContent ?? '') : await (await fetch('/api/inspection')).json()
  ) as Inspection;
  if (embedded) byId('live').hidden = true;
  document.title = `${data.scenario.title} — dispute-sim`;
  byId('title').textContent = data.scenario.title;
  const subtitle = (hideEnd: boolean) => {
    const { kind, period, rules } = data.scenario;
    // The period's end is the day the dispute ended: classroom mode keeps it back.
    byId('subtitle').textContent =
      `${kind} · ${hideEnd ? `from ${humanDate(period.from)}` : `${humanDate(period.from)} to ${humanDate(period.to)}`} · rules ${rules}`;
  };
  const outcome = byId('outcome');
  outcome.textContent = `outcome: ${data.scenario.outcome}`;
  outcome.classList.add(data.scenario.outcome);

  const chart = byId('chart');
  chart.innerHTML = data.chart.svg; // our own renderer's SVG, with every text escaped
  const states = new Map<string, Element[]>();
  const drawn = (path: string, el: Element) => states.set(path, [...(states.get(path) ?? []), el]);
  for (const g of chart.querySelectorAll('g.state[data-path]')) drawn(g.getAttribute('data-path') ?? '', g);
  const edges = new Map<string, Element[]>();
  for (const g of chart.querySelectorAll('g.edge[data-edge]')) {
    for (const id of (g.getAttribute('data-edge') ?? '').split(' ')) edges.set(id, [...(edges.get(id) ?? []), g]);
  }
  const board = byId('board');
  for (const row of data.board) {
    const pills = row.states.map((s) => {
      // A state's description by hover (title), and by keyboard or touch: focus or tap the pill.
      const pill = h(
        'span',
        {
          class: `pill depth-${s.depth}`,
          'data-path': s.path,
          title: s.description,
          tabindex: '0',
          role: 'button',
          'aria-describedby': 'describe',
        },
        s.label,
      );
      const tell = () => {
        byId('describe').textContent = `${s.label}: ${s.description ?? 'no description'}`;
      };
      pill.addEventListener('focus', tell);
      pill.addEventListener('click', tell);
      drawn(s.path, pill);
      return pill;
    });
    board.append(
      h(
        'div',
        { class: 'board-row' },
        h('span', { class: 'board-label', title: row.description }, row.label),
        ...pills,
      ),
    );
  }

  setUpChartView(chart);

  const plots = [payPlot(data), daysPlot(data)];
  byId('pay-chart').append(plots[0]?.svg ?? '');
  // The figures behind the chart, for a screen reader and for a reader who wants the numbers.
  byId('pay-chart').append(
    h(
      'details',
      { class: 'figures spoiler' },
      h('summary', {}, 'The figures'),
      data.series.pay.length
        ? table(
            ['date', 'what', 'uplift', 'fate'],
            data.series.pay.map((p) => [humanDate(p.date), p.label, `${p.pct}%`, p.status]),
            [2],
          )
        : h('p', { class: 'muted' }, 'No offer or award with a pay figure.'),
    ),
  );
  byId('days-chart').append(plots[1]?.svg ?? '');
  // The running total behind the chart, step by step where it grew (hidden in classroom mode with the rest).
  const grew = data.series.days.filter((d, i, all) => d.days !== (all[i - 1]?.days ?? 0));
  byId('days-chart').append(
    h(
      'details',
      { class: 'figures spoiler' },
      h('summary', {}, 'The figures'),
      grew.length
        ? table(
            ['date', 'days of action so far'],
            grew.map((d) => [humanDate(d.date), String(d.days)]),
            [1],
          )
        : h('p', { class: 'muted' }, 'No day of action.'),
    ),
  );

  const log = byId('log');
  const tickRow = byId('ticks');

  const classroom = new URLSearchParams(location.search).get('mode') === 'class';
  const view: View = {
    data,
    index: -1,
    playing: undefined,
    states,
    active: new Set(),
    plots,
    logItems: [],
    ticks: [],
    classroom,
    decisions: new Map(data.decisionPoints.map((d) => [d.index, d.note])),
    edges,
    history: data.steps,
    branch: undefined,
  };
  buildTimeline(view);
  const toggle = byId<HTMLButtonElement>('classroom');
  const setClassroom = (on: boolean) => {
    view.classroom = on;
    document.body.classList.toggle('classroom', on);
    toggle.setAttribute('aria-pressed', String(on));
    toggle.textContent = on ? 'Reveal all' : 'Classroom';
    subtitle(on);
    toggle.title = on
      ? 'Show the whole replay: its outcome, every step and every mark'
      : 'Hide what happens after the current step; Play stops at the decision points';
    if (!on) byId('ask').hidden = true;
    go(view, view.index);
  };
  toggle.addEventListener('click', () => {
    const on = !view.classroom;
    const url = new URL(location.href);
    if (on) url.searchParams.set('mode', 'class');
    else url.searchParams.delete('mode');
    history.replaceState(null, '', url);
    setClassroom(on);
  });
  const slider = byId<HTMLInputElement>('slider');
  slider.max = String(data.steps.length);
  // Moving by hand pauses Play.
  const moveTo = (i: number) => {
    if (view.playing) setPlaying(view, false);
    // A step moved to by hand is an entry in the browser's history, so Back and Forward retrace the steps.
    const to = Math.max(-1, Math.min(data.steps.length - 1, i));
    if (!view.branch && to !== view.index) {
      history.pushState(null, '', `${location.pathname}${location.search}${to >= 0 ? `#step=${to + 1}` : ''}`);
    }
    go(view, to);
  };
  slider.addEventListener('input', () => moveTo(Number(slider.value) - 1));
  byId('first').addEventListener('click', () => moveTo(-1));
  byId('prev').addEventListener('click', () => moveTo(view.index - 1));
  byId('next').addEventListener('click', () => moveTo(view.index + 1));
  byId('last').addEventListener('click', () => moveTo(data.steps.length - 1));
  tickRow.addEventListener('click', (e) => {
    const tick = (e.target as Element).closest('i[data-index]');
    if (tick) moveTo(Number(tick.getAttribute('data-index')));
  });
  byId('play').addEventListener('click', () => setPlaying(view, !view.playing));
  byId('live').addEventListener('click', () => live(view));
  const date = byId<HTMLInputElement>('date');
  date.min = data.scenario.period.from.slice(0, 10);
  date.max = data.final.date.slice(0, 10);
  // Typing a year fires a change at each digit (0002, 0020, 0202, 2023): only a day within the period moves the
  // page; one outside it is brought inside when the box is left.
  const within = (day: string) => day >= date.min && day <= date.max;
  date.addEventListener('change', () => {
    if (date.value && within(date.value)) go(view, stepAt(data, date.value));
  });
  date.addEventListener('blur', () => {
    if (!date.value || within(date.value)) return;
    date.value = date.value < date.min ? date.min : date.max;
    go(view, stepAt(data, date.value));
  });
  log.addEventListener('click', (e) => {
    const li = (e.target as Element).closest('li[data-index]');
    if (li) moveTo(Number(li.getAttribute('data-index')));
  });
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    if (target.tagName === 'INPUT' && target !== slider) return;
    // Space plays and pauses, also when a timeline button has the focus (Enter still presses it); elsewhere a
    // focused button keeps Space for itself.
    const timelineButton = target.tagName === 'BUTTON' && !!target.closest('.controls');
    if (e.key === 'ArrowRight') moveTo(view.index + 1);
    else if (e.key === 'ArrowLeft') moveTo(view.index - 1);
    else if (e.key === 'Home') moveTo(-1);
    else if (e.key === 'End') moveTo(data.steps.length - 1);
    else if (e.key === ' ' && (target.tagName !== 'BUTTON' || timelineButton)) setPlaying(view, !view.playing);
    else return;
    e.preventDefault();
  });
  /** The step a link names: `#step=N` (from 1) or `#date=YYYY-MM-DD` (that day's first step; see stepAt). */
  const fromHash = (): number | undefined => {
    const params = new URLSearchParams(location.hash.slice(1));
    const n = Number(params.get('step'));
    if (Number.isInteger(n) && n >= 1) return Math.min(n, data.steps.length) - 1;
    const day = params.get('date');
    if (day && /^\d{4}-\d{2}-\d{2}$/.test(day)) return stepAt(data, day);
    return undefined;
  };
  window.addEventListener('hashchange', () => {
    const i = fromHash();
    if (i !== undefined && !view.branch) go(view, i);
  });
  window.addEventListener('popstate', () => {
    if (!view.branch) go(view, fromHash() ?? -1);
  });
  // Through the decision points only: the previous or next one from here.
  const decisions = [...view.decisions.keys()].sort((a, b) => a - b);
  byId('prev-decision').addEventListener('click', () => {
    const before = decisions.filter((d) => d < view.index).at(-1);
    if (before !== undefined) moveTo(before);
  });
  byId('next-decision').addEventListener('click', () => {
    const after = decisions.find((d) => d > view.index);
    if (after !== undefined) moveTo(after);
  });
  renderWhatIfs(view);
  // A shared branch opens as it was taken (replayed here); one that no longer fits the scenario is left out.
  // Read before the first step is shown, which writes the step into the address.
  const shared = decodeBranch(location.hash);
  const sharedWhatIf = data.whatIfs.find((w) => w.id === new URLSearchParams(location.hash.slice(1)).get('whatif'));
  go(view, fromHash() ?? -1);
  if (sharedWhatIf) openWhatIf(view, sharedWhatIf);
  if (shared) {
    try {
      const branch = takeRoad(data, undefined, shared.at, shared.events);
      showSteps(view, branch.steps, branch);
      go(
        view,
        branch.steps.findIndex((s) => s.own),
      );
    } catch {
      history.replaceState(null, '', `${location.pathname}${location.search}`);
    }
  }
  setClassroom(classroom);
  document.body.dataset.ready = 'true';
}

start().catch((error: unknown) => {
  document.body.prepend(h('p', { class: 'reason' }, `The inspector could not load: ${String(error)}`));
});
