/** `dispute-sim report`: a teacher's pack, a student handout or a comparison pack, as HTML, Markdown or PDF. */
import { basename, dirname, extname, join } from 'node:path';
import { Catalogue } from '../../loader/catalogue.js';
import { packHtml } from '../../render/report/html.js';
import { packMarkdown } from '../../render/report/markdown.js';
import { buildComparisonPack, buildPack, type Pack, UnknownCutError } from '../../render/report/pack.js';
import { PdfError, printPdf } from '../../render/report/pdf.js';
import { parse } from '../args.js';
import { type Command, InputError, UsageError } from '../context.js';
import { checkOutputFile, writeOutputFile } from '../output.js';

/** The report formats, the first the default. */
export const REPORT_FORMATS = ['html', 'md', 'pdf'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];
const isFormat = (value: string): value is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(value);

/** Writes teaching packs. */
export const reportCommand: Command = {
  name: 'report',
  usage:
    'dispute-sim report <id|alias|file…> [--format html|md|pdf] [--student] [--until DATE|ID] [--out FILE [--force]]',
  help:
    'Writes a teaching pack from a scenario, every figure from its replay and every fact with its numbered source:\n' +
    'synopsis, learning objectives, parties and who held office when, the law in force on each date, the dated\n' +
    'timeline, charts (offers and awards against the claim, days of action, ballots against the thresholds,\n' +
    'appointments rescheduled), the decision points with "what would you do?" questions and the roads the law\n' +
    'left open, role briefs for both sides, the epilogue with what the shipped what-ifs show, discussion questions,\n' +
    'a glossary and the references. A scenario’s own `teaching:` block adds objectives, questions, briefs, a\n' +
    'debrief and glossary entries. Several scenarios make a comparison pack (the table and charts side by side).\n\n' +
    'Options:\n' +
    '  --format F     html (default: one self-contained file, print-ready on A4), md (Markdown; with --out its\n' +
    '                 charts are written as SVG files beside it), or pdf (printed by headless Chromium:\n' +
    '                 /usr/bin/chromium or CHROME_PATH; needs --out)\n' +
    '  --student      the student handout: the pack up to --until, with no outcome, no epilogue and nothing\n' +
    '                 from after it (sources published later are held back)\n' +
    '  --until X      where the handout stops: an event id (it ends just before that event) or a day\n' +
    '                 YYYY-MM-DD (it ends with that day); default: the first decision point\n' +
    '  --out FILE     write the pack to FILE and print its path; an existing FILE is kept unless --force\n' +
    '  --force        replace FILE (and the chart files beside a Markdown pack) if they exist',
  async run(args, io) {
    const { values, positionals } = parse(args, {
      format: { type: 'string' },
      student: { type: 'boolean' },
      until: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
    });
    if (positionals.length === 0) throw new UsageError('name a scenario, e.g. dispute-sim report 2023');
    const format = typeof values.format === 'string' ? values.format : 'html';
    if (!isFormat(format))
      throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}, not "${format}"`);
    const out = typeof values.out === 'string' ? values.out : undefined;
    if (out === '') throw new UsageError('--out needs a file name');
    if (format === 'pdf' && out === undefined) throw new UsageError('--format pdf writes a file: add --out FILE.pdf');
    if (values.until !== undefined && !values.student)
      throw new UsageError('--until sets where a handout stops: add --student');
    if (values.student && positionals.length > 1) {
      throw new UsageError('a comparison shows how each dispute ended: --student takes one scenario');
    }
    const catalogue = new Catalogue();
    const scenarios = await catalogue.lazily(() => positionals.map((ref) => catalogue.resolve(ref)));
    let pack: Pack;
    try {
      if (scenarios.length > 1) pack = buildComparisonPack(scenarios);
      else {
        const scenario = scenarios[0];
        if (!scenario) throw new UsageError('name a scenario');
        const whatIfs =
          values.student || scenario.extends ? [] : await catalogue.lazily(() => catalogue.whatIfsOf(scenario));
        pack = buildPack(scenario, {
          student: !!values.student,
          ...(typeof values.until === 'string' ? { until: values.until } : {}),
          whatIfs: whatIfs.map((w) => w.scenario),
        });
      }
    } catch (error) {
      if (error instanceof UnknownCutError) throw new UsageError(error.message);
      throw error;
    }
    const inputs = catalogue.readFiles();
    const write = (path: string, content: string | Uint8Array) =>
      writeOutputFile(path, content, { force: !!values.force, inputs });
    if (format === 'md') {
      // The charts go in a folder named after the file, beside it: pack.md → pack-figures/.
      const figures = out ? `${basename(out, extname(out))}-figures` : undefined;
      const { text, files } = packMarkdown(pack, figures ? { figures } : {});
      if (!out) {
        io.stdout(text);
        return 0;
      }
      // Every file is checked before any is written, so a refusal leaves nothing half written.
      const targets = [out, ...files.map((f) => join(dirname(out), f.path))];
      for (const t of targets) checkOutputFile(t, { force: !!values.force, inputs });
      for (const f of files) write(join(dirname(out), f.path), f.svg);
      io.stdout(`${write(out, text)}\n`);
      return 0;
    }
    const html = packHtml(pack);
    if (format === 'html') {
      if (out) io.stdout(`${write(out, html)}\n`);
      else io.stdout(html);
      return 0;
    }
    let pdf: Uint8Array;
    try {
      pdf = await printPdf(html, io.env);
    } catch (error) {
      if (error instanceof PdfError) throw new InputError(error.message);
      throw error;
    }
    io.stdout(`${write(out as string, pdf)}\n`);
    return 0;
  },
};
