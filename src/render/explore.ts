/** An exploration in the terminal: what the machine accepts, how near each outcome and a strike are, decision points. */
import type { Exploration, Nearness } from '../simulation/explore.js';
import { humanDate, regionLeaves } from './describe.js';
import type { Palette } from './palette.js';

/** A path in a few words: `offer.accepted (22 May 2023) → …`, a run of one event as `strike.cancelled ×5`, dates where they move on. */
function pathWords(n: Nearness): string {
  const runs: { type: string; at: string; count: number }[] = [];
  for (const p of n.path) {
    const last = runs.at(-1);
    if (last && last.type === p.type && humanDate(last.at) === humanDate(p.at)) last.count++;
    else runs.push({ type: p.type, at: p.at, count: 1 });
  }
  let day = '';
  return runs
    .map((r) => {
      const when = humanDate(r.at);
      const shown = `${r.type}${r.count > 1 ? ` ×${r.count}` : ''}${when === day ? '' : ` (${when})`}`;
      day = when;
      return shown;
    })
    .join(' → ');
}

/** How near, in words: `1 event, 0 days` or `out of reach`. */
function nearWords(n: Nearness, p: Palette): string {
  if (!n.reachable) return p.red('out of reach');
  if (n.path.length === 0 && n.events === 0) return p.green('already there');
  const events = `${n.events} event${n.events === 1 ? '' : 's'}`;
  const days = n.days === null ? '' : `, ${n.days} day${n.days === 1 ? '' : 's'}`;
  return `${p.bold(`${events}${days}`)}: ${pathWords(n)}`;
}

/** The exploration as a short readable summary. */
export function renderExploration(x: Exploration, p: Palette): string {
  const lines: string[] = [];
  const where = x.at.before
    ? `just before ${x.at.before}`
    : x.at.index < 0
      ? 'before the first step'
      : `after step ${x.at.index + 1}${x.at.id ? ` (${x.at.id})` : ''}`;
  lines.push(
    `${p.bold(x.scenario.title)}  ${p.dim(`[${x.scenario.id}]`)}`,
    `${p.bold('At')} ${humanDate(x.at.date)}, ${where}`,
  );
  const leaves = regionLeaves(x.state);
  lines.push(
    `${p.dim('state')}  ${Object.entries(leaves)
      .map(([region, leaf]) => (region === 'dispute' ? leaf : `${region} ${leaf}`))
      .join(' · ')}`,
    '',
    p.bold('Accepted now'),
  );
  const regions = new Map<string, string[]>();
  for (const a of x.accepts) regions.set(a.region, [...(regions.get(a.region) ?? []), a.label]);
  if (regions.size === 0) lines.push(`  ${p.dim('nothing: the dispute is over')}`);
  for (const [region, labels] of regions) lines.push(`  ${region.padEnd(12)} ${labels.join(' · ')}`);
  lines.push('', p.bold('Outcomes, by the fewest lawful events'));
  for (const o of x.outcomes) {
    lines.push(
      `  ${o.outcome.padEnd(12)} ${o.reached ? p.green('reached: this is how the dispute ended') : nearWords(o, p)}`,
    );
  }
  lines.push(`  ${'a strike'.padEnd(12)} ${nearWords(x.strike, p)}`);
  if ([...x.outcomes, x.strike].some((n) => n.reachable && n.days !== null && n.days > 0)) {
    lines.push(
      p.dim(
        '  (days: notice as the law then in force asks; a ballot 14 days and a member vote 5, the shortest on record)',
      ),
    );
  }
  if (x.decisionPoints.length > 0) {
    lines.push('', p.bold('Decision points of the replay'));
    for (const d of x.decisionPoints) {
      lines.push(`  ${humanDate(d.date).padEnd(17)} ${p.cyan((d.id ?? 'by time').padEnd(26))} ${d.note}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
