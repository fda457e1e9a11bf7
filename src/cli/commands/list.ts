/** `dispute-sim list`: the scenarios that ship with dispute-sim. */

import { ScenarioCatalogue } from '../../loader/registry.js';
import { humanDate } from '../../render/describe.js';
import { parse } from '../args.js';
import type { Command } from '../context.js';

/** Lists the shipped scenarios. */
export const listCommand: Command = {
  name: 'list',
  usage: 'dispute-sim list [--json]',
  help: 'Lists every scenario that ships with dispute-sim, historical first.\n\nOptions:\n  --json   print the list as JSON',
  run(args, io) {
    const { values } = parse(args, { json: { type: 'boolean' } }, false);
    const rows = new ScenarioCatalogue().all().map(({ data: s }) => ({
      id: s.id,
      aliases: s.aliases,
      kind: s.kind,
      period: s.period,
      title: s.title,
      outcome: s.outcome,
    }));
    if (values.json) {
      io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    const p = io.palette;
    const idWidth = Math.max(2, ...rows.map((r) => r.id.length));
    const aliasWidth = Math.max(7, ...rows.map((r) => r.aliases.join(',').length));
    const lines = [
      p.dim(
        `${'id'.padEnd(idWidth)}  ${'aliases'.padEnd(aliasWidth)}  ${'kind'.padEnd(14)}  ${'period'.padEnd(27)}  title`,
      ),
    ];
    for (const r of rows) {
      const period = `${humanDate(r.period.from)} – ${humanDate(r.period.to)}`;
      lines.push(
        `${p.bold(r.id.padEnd(idWidth))}  ${r.aliases.join(',').padEnd(aliasWidth)}  ${r.kind.padEnd(14)}  ${period.padEnd(27)}  ${r.title}`,
      );
    }
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
};
