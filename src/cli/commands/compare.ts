/** `dispute-sim compare`: disputes side by side on one screen. */
import { Catalogue } from '../../loader/catalogue.js';
import { compareBranch, renderBranchComparison, renderComparison, summarize } from '../../render/compare.js';
import { ownEventIds } from '../../simulation/branch.js';
import { replay } from '../../simulation/replay.js';
import { parse } from '../args.js';
import { type Command, UsageError } from '../context.js';

/** Compares replays. */
export const compareCommand: Command = {
  name: 'compare',
  usage:
    'dispute-sim compare <id|alias|file…> [--json]   |   dispute-sim compare <counterfactual> [<its base>] [--json]',
  help:
    'Replays each scenario and sets them side by side: period and duration, ballots, strikes held, days of action\n' +
    'and of called-off action, the claim against the offers and awards, who was health secretary, and the outcome.\n\n' +
    'A counterfactual alone, or with the scenario it extends, is set against that base: where it diverges, the\n' +
    'events the branch had refused, and each figure of both with the differences marked ≠.\n\n' +
    'Options:\n  --json   print the summaries (or the branch comparison) as JSON',
  async run(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } });
    if (positionals.length < 1)
      throw new UsageError('name at least one scenario, e.g. dispute-sim compare 2016 2023 2025');
    const catalogue = new Catalogue();
    const scenarios = await catalogue.lazily(() => positionals.map((ref) => catalogue.resolve(ref)));
    const [first] = scenarios;
    if (first?.extends && scenarios.length <= 2) {
      const base = await catalogue.lazily(() => catalogue.resolveBase(positionals[0] as string));
      const other = scenarios[1];
      if (base && (!other || other.id === base.id)) {
        const own = [...ownEventIds(first, base)];
        const c = compareBranch(replay(first), replay(base), first.divergesAt, { rejoinsAt: first.rejoinsAt, own });
        io.stdout(
          values.json ? `${JSON.stringify(c, null, 2)}\n` : renderBranchComparison(c, io.palette, io.width ?? 110),
        );
        return 0;
      }
    }
    const traces = scenarios.map((s) => replay(s));
    if (values.json) io.stdout(`${JSON.stringify(traces.map(summarize), null, 2)}\n`);
    else io.stdout(renderComparison(traces, io.palette, io.width ?? 110));
    return 0;
  },
};
