/** `dispute-sim list`: the scenarios that ship with dispute-sim. */
import { Catalogue } from '../../loader/catalogue.js';
import { shippedScenarioFiles } from '../../loader/files.js';
import type { ScenarioHeader } from '../../loader/headers.js';
import { humanDate } from '../../render/describe.js';
import { parse } from '../args.js';
import type { Command } from '../context.js';

/** Lists the shipped scenarios, from their headers; a file whose header cannot be read is loaded in full. */
export const listCommand: Command = {
  name: 'list',
  usage: 'dispute-sim list [--json]',
  help: 'Lists every scenario that ships with dispute-sim, historical first.\n\nOptions:\n  --json   print the list as JSON',
  async run(args, io) {
    const { values } = parse(args, { json: { type: 'boolean' } }, false);
    const rows: ScenarioHeader[] = [];
    const catalogue = new Catalogue();
    for (const file of shippedScenarioFiles()) {
      // From the build's cache, or the top of the file.
      const header = await catalogue.lazily(() => catalogue.header(file));
      if (header) {
        rows.push(header);
        continue;
      }
      // Not plainly readable: the full loader says what is wrong (or reads it after all).
      const s = (await catalogue.lazily(() => catalogue.file(file))).data;
      rows.push({
        file,
        id: s.id,
        aliases: s.aliases,
        title: s.title,
        kind: s.kind,
        period: s.period,
        outcome: s.outcome,
      });
    }
    if (values.json) {
      const out = rows.map(({ id, aliases, kind, period, title, outcome }) => ({
        id,
        aliases,
        kind,
        period,
        title,
        outcome,
      }));
      io.stdout(`${JSON.stringify(out, null, 2)}\n`);
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
