/** `dispute-sim start` (what `npm start` runs): replay every historical dispute, compact, then a comparison. */
import { Catalogue } from '../../loader/catalogue.js';
import { comparisonGroups, renderComparison } from '../../render/compare.js';
import { renderTimeline } from '../../render/timeline.js';
import { replay } from '../../simulation/replay.js';
import { parse } from '../args.js';
import type { Command } from '../context.js';

/** The main job. */
export const startCommand: Command = {
  name: 'start',
  usage: 'dispute-sim start',
  help: 'Replays every historical scenario one after another as a compact timeline, then compares them, group by group.',
  async run(args, io) {
    parse(args, {}, false);
    const catalogue = new Catalogue();
    const files = await catalogue.lazily(() => catalogue.all());
    const historical = files.filter((f) => f.data.kind === 'historical');
    const chosen = historical.length > 0 ? historical : files;
    const scenarios = await catalogue.lazily(() => chosen.map((f) => catalogue.resolve(f.file)));
    const traces = scenarios.map((s) => replay(s));
    for (const t of traces)
      io.stdout(`${renderTimeline(t, { palette: io.palette, compact: true, width: io.width ?? 100 })}\n`);
    for (const group of comparisonGroups(traces.map((trace, i) => ({ trace, groups: scenarios[i]?.groups })))) {
      if (group.traces.length > 1) {
        io.stdout(`${renderComparison(group.traces, io.palette, io.width ?? 110, group.heading)}\n`);
      }
    }
    const p = io.palette;
    const next: [string, string][] = [
      ['dispute-sim replay 2023', 'a full timeline with notes and sources'],
      ['dispute-sim replay 2016 --json', 'the Trace as JSON'],
      ['dispute-sim inspect 2023 --open', 'scrub the replay over its statechart in a browser'],
      ['dispute-sim replay 2016-tua', 'what if the 2016 Act had governed 2015–16?'],
      ['dispute-sim compare 2016 2025', 'two disputes side by side'],
      ['dispute-sim report 2023 --student --out handout.html', 'a class handout that stops before the ending'],
      ['dispute-sim simulate 2023 --from offer-5pct-made', 'a thousand other roads from the 5% offer'],
      ['dispute-sim list', 'every scenario, what-ifs included'],
    ];
    const width = Math.max(...next.map(([c]) => c.length)) + 2;
    io.stdout(
      next.map(([c, what], i) => `${i === 0 ? p.dim('Next:') : '     '} ${c.padEnd(width)}${p.dim(what)}\n`).join(''),
    );
    return 0;
  },
};
