/** `dispute-sim branch`: a counterfactual skeleton that validates and replays as written, with what could happen. */
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { Catalogue } from '../../loader/catalogue.js';
import { EventNames, humanDate } from '../../render/describe.js';
import { withModeline } from '../../schemas/modeline.js';
import type { Scenario } from '../../schemas/scenario.js';
import { firstEventAfter, type Skeleton, skeletonAt } from '../../simulation/skeleton.js';
import { parse } from '../args.js';
import { type Command, UsageError } from '../context.js';
import { writeOutputFile } from '../output.js';

/** The shipped schema, which the written file's first line points editors at. */
const SCHEMA = fileURLToPath(new URL('../../../scenarios/scenario.schema.json', import.meta.url));

/** YAML for a value, each line commented out and indented as a list item under `events:`. */
function commented(value: unknown): string {
  const text = stringify([value], { lineWidth: 0 }).trimEnd();
  return text
    .split('\n')
    .map((line) => `  # ${line}`)
    .join('\n');
}

/** The scenario's event at `index` in words, named by the events before it ('' for none). */
function describedAt(scenario: Scenario, index: number): string {
  if (index < 0) return '';
  const names = new EventNames();
  for (const e of scenario.events.slice(0, index)) names.see({ ...e });
  const event = scenario.events[index];
  return event ? names.describe({ ...event }) : '';
}

/** The skeleton as a scenario file: its metadata, then the suggestions as commented events. */
export function skeletonYaml(skeleton: Skeleton, base: Scenario, file: string, extendsRef: string): string {
  const { events: _events, ...head } = skeleton.branch;
  const meta = { ...head, extends: extendsRef };
  const at = base.events.findIndex((e) => e.id === skeleton.branch.divergesAt);
  const point = describedAt(base, at);
  const lines = [
    `# A branch of ${base.id}: the record up to ${skeleton.branch.divergesAt} (${humanDate(skeleton.at)}), then your own events.`,
    `# History: ${point}.`,
    '# Rewrite the title, summary and outcome for your premise, and cite a source for anything real. To go back to',
    `# the record after your events, add "rejoinsAt: <an event of ${base.id}>" (the same as divergesAt inserts them).`,
    stringify(meta, { lineWidth: 110 }).trimEnd(),
    '# The events the machine would accept here, each checked on the record at this point. To use one, delete',
    '# "[]" after "events:" and uncomment its lines; change ids, dates and figures to your premise.',
    'events: []',
  ];
  for (const s of skeleton.suggestions) {
    lines.push(`  # ── ${s.says}`);
    for (const e of s.events) lines.push(commented({ ...e, note: 'Invented: say what this premise rests on.' }));
  }
  return withModeline(`${lines.join('\n')}\n`, file, SCHEMA);
}

/** Writes (or prints) a branch skeleton. */
export const branchCommand: Command = {
  name: 'branch',
  usage: 'dispute-sim branch <id|alias|file> --at EVENT-ID|DATE [--out FILE [--force]]',
  help:
    'Writes a counterfactual that extends the scenario and diverges at an event: the record up to that event is\n' +
    'kept, and what follows is yours. The file validates and replays as it is; below its metadata it lists, as\n' +
    'commented YAML ready to uncomment, the events the machine would accept at that point with lawful example\n' +
    'values (a strike with the notice the law then asks, a ballot that passes and one that fails, an offer, a\n' +
    'vote on the offer on the table), each checked on the record there.\n\n' +
    'Options:\n' +
    '  --at EVENT-ID|DATE  the event to diverge at, or a date (the first event after that day)\n' +
    '  --out FILE          write the branch to FILE (its folder made as needed); without it, print it\n' +
    '  --force             replace FILE if it exists',
  async run(args, io) {
    const { values, positionals } = parse(args, {
      at: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
    });
    if (positionals.length !== 1)
      throw new UsageError('name one scenario, e.g. dispute-sim branch 2023 --at offer-5pct-rejected');
    if (typeof values.at !== 'string')
      throw new UsageError('say where the branch diverges: --at EVENT-ID or --at DATE');
    if (values.force && typeof values.out !== 'string') throw new UsageError('--force only applies with --out FILE');
    const ref = positionals[0] as string;
    const catalogue = new Catalogue();
    const base = await catalogue.lazily(() => catalogue.resolve(ref));
    const at = values.at;
    const eventId = base.events.some((e) => e.id === at) ? at : isDate(at) ? firstEventAfter(base, at) : undefined;
    if (eventId === undefined) {
      throw new UsageError(
        isDate(at)
          ? `--at ${at}: ${base.id} has no event after that day to diverge at`
          : `--at ${at}: neither an event of ${base.id} nor a date such as 2023-05-22`,
      );
    }
    const skeleton = skeletonAt(base, eventId);
    // The written file names its base by id when the catalogue knows it, else by its path relative to the file.
    const out = typeof values.out === 'string' ? values.out : join(process.cwd(), `${skeleton.branch.id}.yaml`);
    const isPath = /\.ya?ml$/i.test(ref) || ref.includes('/') || ref.includes('\\');
    const extendsRef = isPath ? relativeYaml(resolve(ref), out) : base.id;
    const text = skeletonYaml(skeleton, base, out, extendsRef);
    if (typeof values.out !== 'string') {
      io.stdout(text);
      return 0;
    }
    const inputs = catalogue.readFiles();
    io.stdout(`${writeOutputFile(values.out, text, { force: !!values.force, inputs })}\n`);
    return 0;
  },
};

/** A base file as a branch written at `out` names it: its path from the branch's folder, with forward slashes. */
function relativeYaml(base: string, out: string): string {
  const path = relative(dirname(resolve(out)), base)
    .split(sep)
    .join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

const isDate = (text: string): boolean => /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(text);
