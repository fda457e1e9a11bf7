/**
 * A pack as Markdown, for a VLE or a wiki: the same sections as the HTML, references as numbered brackets, and
 * each chart as an SVG file beside the text (named under `figures`), followed by its figures as a table so the
 * text stands without the pictures. Without `figures` the charts are given by their tables alone.
 */
import { humanDate } from '../describe.js';
import { type Cited, type Pack, type PackDispute, packKindWords, type Reference } from './pack.js';

/** Where the charts go: the folder (relative to the Markdown file) their SVG files are written to. */
export interface MarkdownOptions {
  figures?: string;
}

/** The Markdown, and the chart files to write beside it (path relative to the Markdown file → SVG). */
export interface MarkdownPack {
  text: string;
  files: { path: string; svg: string }[];
}

/** Text made safe in Markdown: no stray emphasis, links or HTML from a scenario's words. */
function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');
}

const refs = (ns: readonly number[]) => {
  const unique = [...new Set(ns)].sort((a, b) => a - b);
  return unique.length ? ` [${unique.join(', ')}]` : '';
};
const cited = (c: Cited) => `${md(c.text)}${refs(c.refs)}`;
const bullets = (items: readonly string[]) => items.map((i) => `- ${i}`).join('\n');

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => md(c) || ' ').join(' | ')} |`;
  return [line(head), `|${head.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

function reference(r: Reference): string {
  if (r.withheld) return `${r.n}. ${md(r.publisher)}, published after this handout’s last day (held back until later).`;
  return `${r.n}. ${md(r.publisher)}${r.date ? `, ${humanDate(r.date.slice(0, 10))}` : ''}. *${md(r.title)}*. <${r.url}>`;
}

function dispute(d: PackDispute, pack: Pack, options: MarkdownOptions, files: MarkdownPack['files']): string {
  const student = pack.kind === 'student';
  const out: string[] = [];
  const level = pack.kind === 'comparison' ? '###' : '##';
  if (pack.kind === 'comparison') out.push(`## ${md(d.title)}`, md(d.period));
  out.push(`${level} Synopsis`, md(d.synopsis));
  if (d.audience) out.push(`*Written for ${md(d.audience)}.*`);
  if (pack.kind !== 'comparison') {
    out.push(`${level} Learning objectives`, bullets(d.objectives.map(md)));
    out.push(
      `${level} Parties and people`,
      table(
        ['party', 'side'],
        d.parties.map((p) => [p.name, p.side]),
      ),
    );
    if (d.offices.length) out.push('Who held office when:', bullets(d.offices.map(cited)));
    out.push(
      `${level} The law in force`,
      bullets(
        d.law.map(
          (l) =>
            `**${md(l.name)}** (${humanDate(l.from)}${l.until ? ` to ${humanDate(l.until)}` : ' on'})${refs(l.refs)}: turnout ${md(l.turnout)}; support ${md(l.support)}; notice ${md(l.notice)}; mandate ${md(l.mandate)}.`,
        ),
      ),
    );
  }
  // A comparison sets the disputes side by side: each one's timeline is in its own teacher's pack.
  if (pack.kind !== 'comparison')
    out.push(
      `${level} ${student ? 'What has happened so far' : 'Timeline'}`,
      '◆ marks a decision point; numbers in brackets are the references at the end.',
      d.timeline
        .map((e) => {
          const head = `- **${e.when}**${e.decision ? ' ◆' : ''} ${e.byTime ? '(by time) ' : ''}${md(e.text)}${e.refused ? ` — refused: ${md(e.refused)}` : ''}${refs(e.refs)}`;
          const note = e.note ? `\n  ${md(e.note)}` : '';
          const later = e.later ? `\n  *Later: ${md(e.later)}*` : '';
          return `${head}${note}${later}`;
        })
        .join('\n'),
    );
  if (d.charts.length) {
    out.push(`${level} Charts`);
    for (const c of d.charts) {
      out.push(`**${md(c.title)}**${refs(d.chartRefs[c.id] ?? [])}`);
      if (options.figures !== undefined) {
        const path = `${options.figures}/${d.id}-${c.id}.svg`;
        files.push({ path, svg: c.svg });
        out.push(`![${md(c.alt)}](${encodeURI(path)})`);
      } else out.push(md(c.alt));
      if (c.table.rows.length) out.push(table(c.table.head, c.table.rows));
    }
  }
  if (pack.kind !== 'comparison' && d.decisions.length) {
    out.push(`${level} ${student ? 'What would you do?' : 'Decision points'}`);
    for (const x of d.decisions) {
      out.push(
        `**${md(x.heading)}**`,
        ...(x.options.length ? [`The roads open: ${md(x.options.join(' · '))}`] : []),
        bullets(x.questions.map(md)),
        ...(x.happened ? [`What happened: ${cited(x.happened)}`] : []),
        ...(x.changed ? [`*What it changed: ${md(x.changed)}*`] : []),
      );
    }
  }
  if (pack.kind !== 'comparison' && d.roles) {
    out.push(
      `${level} Role briefs`,
      `A role-play set on ${d.roles.when}, just before ${md(d.roles.before)}: what each side knew and wanted, from the record.`,
      'Where things stand:',
      bullets(d.roles.facts.map(cited)),
    );
    for (const b of d.roles.briefs) {
      out.push(
        `**${b.side === 'union' ? 'The union’s side' : 'The employer’s side'}: ${md(b.who)}**`,
        bullets(b.lines.map(cited)),
        ...(b.instructions.length ? ['Your instructions:', bullets(b.instructions.map(md))] : []),
      );
    }
  }
  if (d.epilogue) {
    out.push(
      `${level} Epilogue: what actually happened`,
      `**Outcome: ${md(d.epilogue.outcome)}**, on ${d.epilogue.ended}.`,
      md(d.epilogue.summary),
      bullets(d.epilogue.figures.map(cited)),
    );
    if (d.whatIfs.length) {
      out.push(
        'What the shipped what-ifs show:',
        table(
          ['what if', 'outcome', 'days of action', 'offers'],
          d.whatIfs.map((w) => [w.title, w.outcome, String(w.daysOfAction), w.offers]),
        ),
        bullets(d.whatIfs.map((w) => `**${md(w.title)}**: ${md(w.summary)}`)),
      );
    }
  }
  if (pack.kind !== 'comparison') {
    out.push(`${level} Discussion questions`, bullets(d.discussion.map(md)));
    if (d.debrief.length) out.push(`${level} Debrief notes for the teacher`, bullets(d.debrief.map(md)));
  }
  return out.join('\n\n');
}

/** The pack as Markdown, with the chart files to write beside it. */
export function packMarkdown(pack: Pack, options: MarkdownOptions = {}): MarkdownPack {
  const files: MarkdownPack['files'] = [];
  const kind = packKindWords(pack);
  const out: string[] = [`# ${md(pack.title)}`, `*${kind} · dispute-sim*`];
  if (pack.disputes.length === 1) out.push(md(pack.disputes[0]?.period ?? ''));
  if (pack.comparison) out.push('## Side by side', table(pack.comparison.head, pack.comparison.rows));
  for (const d of pack.disputes) out.push(dispute(d, pack, options, files));
  out.push(
    '## Glossary',
    pack.glossary.map((g) => `**${md(g.term)}**: ${md(g.meaning)}`).join('\n\n'),
    '## References',
    pack.references.map(reference).join('\n'),
  );
  return { text: `${out.join('\n\n')}\n`, files };
}
