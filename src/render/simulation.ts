/**
 * A simulation drawn: the outcome shares with their 95% intervals, the spread of months, days of action and the
 * rise accepted with history marked, and (after a sweep) the tornado of what moves the settled share most. One
 * standalone SVG, readable in greyscale; `simulationHtml` wraps it with the figures as tables.
 */
import type { Distribution, Simulation } from '../simulation/simulate.js';
import type { Sweep } from '../simulation/sweep.js';
import { escapeXml as esc } from './chart/svg.js';
import { humanDate } from './describe.js';

const W = 760;
const FONT = 'font-family="system-ui, sans-serif"';
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

function text(x: number, y: number, s: string, attrs = ''): string {
  // 12 units unless the caller sets its own size (an attribute given twice is not XML).
  const size = attrs.includes('font-size=') ? '' : ' font-size="12"';
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}"${size} ${attrs}>${esc(s)}</text>`;
}

/** Outcome bars with whiskers for their intervals; history's outcome outlined. */
function outcomes(s: Simulation, top: number): { svg: string; height: number } {
  const left = 120;
  // Room on the right for the widest label: "100% (98.1%–100%)".
  const width = W - left - 170;
  const rows = Object.entries(s.outcomes);
  const parts = [text(20, top + 14, 'Outcomes, with 95% intervals', 'font-weight="600"')];
  rows.forEach(([o, x], i) => {
    const y = top + 28 + i * 24;
    const history = o === s.history.outcome;
    parts.push(
      text(20, y + 13, history ? `${o} (history)` : o),
      `<rect x="${left}" y="${y}" width="${(x.share * width).toFixed(1)}" height="16" fill="${history ? '#1f4e8c' : '#9aa3ad'}" stroke="#111" stroke-width="${history ? 1.5 : 0.5}"/>`,
      `<line x1="${left + x.low * width}" x2="${left + x.high * width}" y1="${y + 8}" y2="${y + 8}" stroke="#111" stroke-width="1.5"/>`,
      text(left + Math.max(x.share, x.high) * width + 6, y + 13, `${pct(x.share)} (${pct(x.low)}–${pct(x.high)})`),
    );
  });
  return { svg: parts.join(''), height: 28 + rows.length * 24 + 10 };
}

/** A histogram with history's figure marked by a dashed line. */
function histogram(
  title: string,
  d: Distribution,
  history: number | null,
  top: number,
): { svg: string; height: number } {
  const left = 50;
  const width = W - left - 30;
  const h = 90;
  const parts = [text(20, top + 14, `${title} (${d.n} runs; median ${d.median})`, 'font-weight="600"')];
  if (d.n === 0) return { svg: parts.join('') + text(left, top + 40, 'no run'), height: 50 };
  const most = Math.max(1, ...d.bins.map((b) => b.count));
  const lo = d.bins[0]?.from ?? 0;
  const hi = d.bins.at(-1)?.to ?? lo + 1;
  const x = (v: number) => left + ((v - lo) / Math.max(1e-9, hi - lo)) * width;
  const base = top + 24 + h;
  for (const b of d.bins) {
    const bh = (b.count / most) * h;
    parts.push(
      `<rect x="${x(b.from).toFixed(1)}" y="${(base - bh).toFixed(1)}" width="${Math.max(1, x(b.to) - x(b.from) - 1).toFixed(1)}" height="${bh.toFixed(1)}" fill="#9aa3ad" stroke="#111" stroke-width="0.5"/>`,
    );
  }
  parts.push(`<line x1="${left}" x2="${left + width}" y1="${base}" y2="${base}" stroke="#111"/>`);
  parts.push(
    text(left, base + 16, String(lo), 'text-anchor="start"'),
    text(left + width, base + 16, String(hi), 'text-anchor="end"'),
  );
  if (history !== null && history >= lo && history <= hi) {
    parts.push(
      `<line x1="${x(history).toFixed(1)}" x2="${x(history).toFixed(1)}" y1="${top + 20}" y2="${base}" stroke="#111" stroke-width="2" stroke-dasharray="5 3"/>`,
      x(history) > left + width - 90
        ? text(x(history) - 4, top + 32, `history ${history}`, 'text-anchor="end"')
        : text(x(history) + 4, top + 32, `history ${history}`),
    );
  }
  return { svg: parts.join(''), height: 24 + h + 26 };
}

/** The tornado: for each parameter, the settled share at its low and high end, around the base. */
function tornado(sweep: Sweep, top: number): { svg: string; height: number } {
  const left = 220;
  const width = W - left - 60;
  // The scale spans the shares drawn (with a margin), so that small swings can still be told apart.
  const shares = [sweep.base, ...sweep.tornado.flatMap((b) => [b.atLo, b.atHi])];
  const lo = Math.max(0, Math.min(...shares) - 0.05);
  const hi = Math.min(1, Math.max(...shares) + 0.05);
  const x = (share: number) => left + ((share - lo) / Math.max(1e-9, hi - lo)) * width;
  const parts = [text(20, top + 14, `What moves the settled share (base ${pct(sweep.base)})`, 'font-weight="600"')];
  sweep.tornado.forEach((b, i) => {
    const y = top + 34 + i * 36;
    const [a, c] = [Math.min(b.atLo, b.atHi), Math.max(b.atLo, b.atHi)];
    parts.push(
      text(20, y + 13, b.path),
      `<rect x="${x(a).toFixed(1)}" y="${y}" width="${Math.max(1, x(c) - x(a)).toFixed(1)}" height="18" fill="#9aa3ad" stroke="#111" stroke-width="0.5"/>`,
      text(x(b.atLo), y + 30, `${b.lo}: ${pct(b.atLo)}`, 'font-size="11" text-anchor="middle"'),
      text(x(b.atHi), y - 2, `${b.hi}: ${pct(b.atHi)}`, 'font-size="11" text-anchor="middle"'),
    );
  });
  const h = 34 + sweep.tornado.length * 36 + 10;
  parts.push(
    text(left, top + h + 8, pct(lo), 'font-size="11" text-anchor="start"'),
    text(left + width, top + h + 8, pct(hi), 'font-size="11" text-anchor="end"'),
  );
  parts.push(
    `<line x1="${x(sweep.base)}" x2="${x(sweep.base)}" y1="${top + 20}" y2="${top + h}" stroke="#111" stroke-dasharray="4 3"/>`,
  );
  return { svg: parts.join(''), height: h + 10 };
}

/** The simulation as one standalone SVG. */
export function simulationSvg(s: Simulation, sweep?: Sweep): string {
  const blocks: { svg: string; height: number }[] = [];
  let y = 60;
  const add = (b: (top: number) => { svg: string; height: number }) => {
    const block = b(y);
    blocks.push(block);
    y += block.height + 10;
  };
  add((t) => outcomes(s, t));
  add((t) => histogram('Months from the start', s.months, s.history.months, t));
  add((t) => histogram('Days of action', s.strikeDays, s.history.strikeDays, t));
  add((t) => histogram('Total rise accepted, %, settled runs', s.upliftPct, s.history.upliftPct, t));
  if (sweep?.tornado.length) add((t) => tornado(sweep, t));
  const title = `${s.scenario.title}: ${s.runs} simulated runs from ${humanDate(s.start.date)}, seed ${s.seed}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${Math.ceil(y)}" width="100%" role="img" aria-labelledby="sim-title" ${FONT} fill="#111"><title id="sim-title">${esc(title)}</title><rect width="100%" height="100%" fill="#fff"/>${text(20, 24, s.scenario.title, 'font-size="15" font-weight="700"')}${text(20, 44, `${s.runs} simulated runs from ${humanDate(s.start.date)}, seed ${s.seed}`)}${blocks.map((b) => b.svg).join('')}</svg>\n`;
}

/** The simulation as a self-contained HTML page: the drawing and its figures as tables. */
export function simulationHtml(s: Simulation, sweep?: Sweep): string {
  const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
  const outcomeRows = Object.entries(s.outcomes).map(([o, x]) =>
    row([o, pct(x.share), `${pct(x.low)}–${pct(x.high)}`, String(x.count)]),
  );
  const dists = (
    [
      ['months', s.months, s.history.months],
      ['days of action', s.strikeDays, s.history.strikeDays],
      ['rise accepted, %', s.upliftPct, s.history.upliftPct],
    ] as const
  ).map(([name, d, h]) => row([name, String(d.p5), String(d.median), String(d.p95), h === null ? '—' : String(h)]));
  const sweeps = (sweep?.sweeps ?? [])
    .map(
      (w) =>
        `<h2>${esc(w.spec.path)}</h2><div class="scroll" tabindex="0" role="region" aria-label="A table; on a narrow screen it scrolls sideways"><table><thead><tr><th>value</th><th>settled</th><th>imposed</th><th>abandoned</th><th>ongoing</th><th>median months</th><th>median days</th></tr></thead><tbody>${w.points
          .map((p) =>
            row([
              String(p.value),
              ...['settled', 'imposed', 'abandoned', 'ongoing'].map((o) => pct(p.outcomes[o]?.share ?? 0)),
              String(p.medianMonths),
              String(p.medianDays),
            ]),
          )
          .join('')}</tbody></table></div>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(s.scenario.title)}: simulated</title>
<style>body{font:15px/1.45 system-ui,sans-serif;max-width:820px;margin:24px auto;padding:0 16px;color:#111}table{border-collapse:collapse;margin:8px 0 16px}td,th{padding:3px 8px;border-bottom:1px solid #bbb;text-align:left}.drawing,.scroll{overflow-x:auto}.drawing svg{min-width:${W}px}@media print{.drawing,.scroll{overflow:visible}.drawing svg{min-width:0}}</style>
</head><body>
<h1>${esc(s.scenario.title)}: simulated</h1>
<p>${s.runs} runs from ${esc(humanDate(s.start.date))}${s.start.before ? ` (before ${esc(s.start.before)})` : ''}, seed ${s.seed}, horizon ${s.strategy.horizonMonths} months. History: ${esc(s.history.outcome)} after ${s.history.months} months and ${s.history.strikeDays} days of action.</p>
<div class="drawing" tabindex="0" role="region" aria-label="The drawing; on a narrow screen it scrolls sideways, at full size">${simulationSvg(s, sweep)}</div>
<h2>Outcomes</h2><div class="scroll" tabindex="0" role="region" aria-label="A table; on a narrow screen it scrolls sideways"><table><thead><tr><th>outcome</th><th>share</th><th>95% interval</th><th>runs</th></tr></thead><tbody>${outcomeRows.join('')}</tbody></table></div>
<h2>Spreads</h2><div class="scroll" tabindex="0" role="region" aria-label="A table; on a narrow screen it scrolls sideways"><table><thead><tr><th>figure</th><th>5th</th><th>median</th><th>95th</th><th>history</th></tr></thead><tbody>${dists.join('')}</tbody></table></div>
${sweeps}
</body></html>
`;
}
