/** `dispute-sim replay`: run scenarios through the machine and show their timelines or traces. */
import { Catalogue } from '../../loader/catalogue.js';
import { renderTimeline } from '../../render/timeline.js';
import { tracesJsonChunks } from '../../render/trace-json.js';
import { replay } from '../../simulation/replay.js';
import { dateOption, parse } from '../args.js';
import { type Command, UsageError } from '../context.js';

/** Replays scenarios. */
export const replayCommand: Command = {
  name: 'replay',
  usage: 'dispute-sim replay <id|alias|file…> [--json [--full-records]] [--strict] [--until DATE] [--compact]',
  help:
    'Replays each scenario (an id, an alias such as 2023, or a YAML file) through the dispute statechart on a\n' +
    'simulated clock, and prints its timeline: every event, the steps time causes (strikes starting and ending,\n' +
    'mandates lapsing), the states they lead to, and refused events in red.\n\n' +
    'Options:\n' +
    '  --json          print the Trace as JSON (an array when several scenarios are given); each step carries\n' +
    '                  what changed in the record (a JSON Patch), the first and last records whole\n' +
    '  --full-records  with --json, every step carries its whole record instead (larger: for small files)\n' +
    '  --strict        exit 1 if any event was refused (other than those the scenario lists in expectRefused)\n' +
    '  --until DATE    stop the replay at DATE (e.g. 2023-06-30)\n' +
    '  --compact       one line a step, without notes and sources',
  async run(args, io) {
    const { values, positionals } = parse(args, {
      json: { type: 'boolean' },
      strict: { type: 'boolean' },
      until: { type: 'string' },
      compact: { type: 'boolean' },
      'full-records': { type: 'boolean' },
    });
    if (values['full-records'] && !values.json) throw new UsageError('--full-records goes with --json');
    if (positionals.length === 0) throw new UsageError('name a scenario: an id, an alias (2016, 2023, 2025) or a file');
    const until = dateOption('until', values.until);
    const catalogue = new Catalogue();
    const records = values['full-records'] ? 'full' : 'patch';
    const scenarios = await catalogue.lazily(() => positionals.map((ref) => catalogue.resolve(ref)));
    const traces = scenarios.map((s) => replay(s, { records, ...(until ? { until } : {}) }));
    if (values.json) {
      for (const chunk of tracesJsonChunks(traces)) io.stdout(chunk);
    } else {
      const text = traces.map((t) =>
        renderTimeline(t, { palette: io.palette, compact: !!values.compact, ...(io.width ? { width: io.width } : {}) }),
      );
      io.stdout(text.join('\n'));
    }
    if (!values.strict) return 0;
    let failed = false;
    traces.forEach((t, i) => {
      const expected = new Set(scenarios[i]?.expectRefused ?? []);
      for (const s of t.steps) {
        if (!s.accepted && !(s.id !== undefined && expected.has(s.id))) {
          io.stderr(`${t.scenario.id}: event ${s.id ?? s.index} (${s.event.type}) refused: ${s.reason ?? ''}\n`);
          failed = true;
        }
        if (s.accepted && s.id !== undefined && expected.has(s.id)) {
          io.stderr(
            `${t.scenario.id}: event ${s.id} (${s.event.type}) was accepted, but the scenario expects it refused\n`,
          );
          failed = true;
        }
      }
    });
    return failed ? 1 : 0;
  },
};
