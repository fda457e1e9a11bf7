/** `dispute-sim explore`: at a step of a replay, what was still possible, and the replay's decision points. */
import { Catalogue } from '../../loader/catalogue.js';
import { renderExploration } from '../../render/explore.js';
import { explore, isPointOf } from '../../simulation/explore.js';
import { intOption, parse } from '../args.js';
import { type Command, UsageError } from '../context.js';

/** Explores a scenario at a step. */
export const exploreCommand: Command = {
  name: 'explore',
  usage: 'dispute-sim explore <id|alias|file> [--at EVENT-ID|DATE] [--depth N] [--json]',
  help:
    'Replays the scenario to a step and says what could still happen there: the events the machine accepts, by\n' +
    'region; for each outcome (settled, imposed, abandoned) and for a strike under way, whether it is still\n' +
    'reachable and the shortest lawful sequence of events to it, counted in events and in days; and the replay’s\n' +
    'decision points, where an outcome or a strike went in or out of reach or the moves on offer changed most.\n\n' +
    'Options:\n' +
    '  --at EVENT-ID|DATE  the state just before that event, or at the end of that day (default: just after\n' +
    '                      the dispute is declared)\n' +
    '  --depth N           the most events a path may hold (1–40, default 12)\n' +
    '  --json              { scenario, at, state, accepts, outcomes, strike, decisionPoints } as JSON',
  async run(args, io) {
    const { values, positionals } = parse(args, {
      at: { type: 'string' },
      depth: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 1)
      throw new UsageError('name one scenario, e.g. dispute-sim explore 2023 --at 2023-05-22');
    const depth = intOption('depth', values.depth, 1, 40);
    const catalogue = new Catalogue();
    const scenario = await catalogue.lazily(() => catalogue.resolve(positionals[0] as string));
    const at = typeof values.at === 'string' ? values.at : undefined;
    if (at !== undefined && !isPointOf(scenario, at)) {
      throw new UsageError(`--at ${at}: neither an event of ${scenario.id} nor a date such as 2023-05-22`);
    }
    const x = explore(scenario, { ...(at !== undefined ? { at } : {}), ...(depth !== undefined ? { depth } : {}) });
    io.stdout(values.json ? `${JSON.stringify(x, null, 2)}\n` : renderExploration(x, io.palette));
    return 0;
  },
};
