/**
 * A pack as one self-contained HTML file, print-ready on A4: styles inline, charts as inline SVG, no script and
 * no network. Printed (by a browser, or by `--format pdf`), each page carries the dispute in a running header and
 * its number in the footer; charts, tables' rows and figures never break across pages; every fact is followed by
 * its numbered references, and the references list prints each address in full.
 */
import { escapeXml } from '../chart/svg.js';
import { humanDate } from '../describe.js';
import { type Cited, type Pack, type PackDispute, packKindWords, type Reference } from './pack.js';

const esc = escapeXml;

/** A CSS string literal (for the running header), safe whatever the title holds. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`;
}

const STYLE = (header: string) => `
@page { size: A4; margin: 20mm 16mm 18mm;
  @top-left { content: ${cssString(header)}; font: 9pt system-ui, sans-serif; color: #555; }
  @bottom-right { content: "page " counter(page) " of " counter(pages); font: 9pt system-ui, sans-serif; color: #555; } }
:root { color: #111; font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
body { max-width: 178mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 20pt; margin: 0 0 4pt; line-height: 1.2; }
h2 { font-size: 14pt; margin: 18pt 0 6pt; border-bottom: 1.5pt solid #111; padding-bottom: 2pt; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 12pt 0 4pt; break-after: avoid; }
/* A section's short introduction stays with what it introduces, never alone at the foot of a page. */
h2 + p.muted, h3 + p { break-after: avoid; }
p, li { orphans: 3; widows: 3; }
.muted { color: #444; }
.kind { text-transform: uppercase; letter-spacing: .08em; font-size: 9pt; color: #444; margin: 0 0 2pt; }
sup.ref { font-size: 7.5pt; }
sup.ref a { color: inherit; text-decoration: none; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 9.5pt; }
th, td { text-align: left; vertical-align: top; padding: 3pt 5pt; border-bottom: .5pt solid #999; }
th { border-bottom: 1pt solid #111; }
tr, figure, .decision, .brief, .entry { break-inside: avoid; }
thead { display: table-header-group; }
figure { margin: 8pt 0 12pt; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #333; margin-top: 3pt; }
ol.timeline { list-style: none; padding: 0; margin: 0; }
.entry { display: grid; grid-template-columns: 30mm 1fr; gap: 0 4mm; padding: 3pt 0; border-bottom: .5pt solid #ccc; }
.entry .when { font-weight: 600; }
.entry .note { color: #333; margin: 2pt 0 0; }
.entry .later { color: #333; font-style: italic; margin: 2pt 0 0; }
.entry.decision-mark .when::after { content: " ◆"; }
.refused { font-weight: 600; }
.decision { border: 1pt solid #111; padding: 6pt 8pt; margin: 8pt 0; }
.decision h3 { margin-top: 0; }
.brief { border-left: 3pt solid #111; padding: 2pt 8pt; margin: 8pt 0; }
.briefs { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; }
.compare-charts { display: grid; grid-template-columns: repeat(var(--n, 2), minmax(0, 1fr)); gap: 4mm; margin-bottom: 6mm; }
.compare-charts figure { margin: 0; }
.refs { font-size: 9pt; padding-left: 0; list-style: none; }
.refs li { margin: 0 0 2pt; break-inside: avoid; }
.refs .url { word-break: break-all; color: #222; }
dl.glossary dt { font-weight: 600; margin-top: 4pt; }
dl.glossary dd { margin: 0 0 2pt 0; }
.dispute { break-before: page; }
.dispute:first-of-type { break-before: auto; }
@media screen { body { padding: 16px; } }
`;

/** The reference marks after a fact: `[3, 7]`, each a link to its entry. */
function refs(ns: readonly number[]): string {
  const unique = [...new Set(ns)].sort((a, b) => a - b);
  if (unique.length === 0) return '';
  return `<sup class="ref">[${unique.map((n) => `<a href="#ref-${n}">${n}</a>`).join(', ')}]</sup>`;
}

const cited = (c: Cited) => `${esc(c.text)}${refs(c.refs)}`;
const list = (items: readonly string[]) =>
  items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '';

function table(head: readonly string[], rows: readonly (readonly string[])[], caption?: string): string {
  return `<table>${caption ? `<caption class="muted">${esc(caption)}</caption>` : ''}<thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function reference(r: Reference): string {
  if (r.withheld) {
    return `<li id="ref-${r.n}" data-source="${esc(r.id)}">[${r.n}] ${esc(r.publisher)}, published after this handout’s last day: its title and address are held back until the class has seen what came next.</li>`;
  }
  const date = r.date ? `, ${esc(humanDate(r.date.slice(0, 10)))}` : '';
  return `<li id="ref-${r.n}" data-source="${esc(r.id)}" data-kind="${r.kind}">[${r.n}] ${esc(r.publisher)}${date}. <cite>${esc(r.title)}</cite>. <a class="url" href="${esc(r.url)}">${esc(r.url)}</a></li>`;
}

/** The charts of a dispute, each with its caption, references and figures. */
function charts(d: PackDispute): string {
  return d.charts
    .map(
      (c) =>
        `<figure data-chart="${c.id}">${c.svg}<figcaption><strong>${esc(c.title)}.</strong> ${esc(c.alt)}${refs(d.chartRefs[c.id] ?? [])}</figcaption></figure>`,
    )
    .join('');
}

function dispute(d: PackDispute, pack: Pack): string {
  const student = pack.kind === 'student';
  const parts: string[] = [];
  const h2 = (id: string, text: string) => `<h2 id="${esc(d.id)}-${id}">${esc(text)}</h2>`;
  parts.push(`<section class="dispute" data-dispute="${esc(d.id)}">`);
  if (pack.kind === 'comparison') parts.push(`<h2>${esc(d.title)}</h2><p class="muted">${esc(d.period)}</p>`);
  parts.push(h2('synopsis', 'Synopsis'), `<p>${esc(d.synopsis)}</p>`);
  if (d.audience) parts.push(`<p class="muted">Written for ${esc(d.audience)}.</p>`);
  if (pack.kind !== 'comparison') {
    parts.push(h2('objectives', 'Learning objectives'), list(d.objectives.map(esc)));
    parts.push(
      h2('people', 'Parties and people'),
      table(
        ['party', 'side'],
        d.parties.map((p) => [p.name, p.side]),
      ),
      d.offices.length ? `<h3>Who held office when</h3>${list(d.offices.map(cited))}` : '',
    );
    parts.push(
      h2('law', 'The law in force'),
      `<p class="muted">What a strike ballot and a strike needed, by date${student ? ', up to the end of this handout' : ''}.</p>`,
      `<table><thead><tr><th scope="col">law</th><th scope="col">in force</th><th scope="col">turnout</th><th scope="col">support</th><th scope="col">notice</th><th scope="col">mandate</th></tr></thead><tbody>${d.law
        .map(
          (l) =>
            `<tr><td>${esc(l.name)}${refs(l.refs)}</td><td>${esc(humanDate(l.from))}${l.until ? ` to ${esc(humanDate(l.until))}` : ' on'}</td><td>${esc(l.turnout)}</td><td>${esc(l.support)}</td><td>${esc(l.notice)}</td><td>${esc(l.mandate)}</td></tr>`,
        )
        .join('')}</tbody></table>`,
    );
  }
  // A comparison sets the disputes side by side: each one's timeline is in its own teacher's pack.
  if (pack.kind !== 'comparison')
    parts.push(
      h2('timeline', student ? 'What has happened so far' : 'Timeline'),
      `<p class="muted">◆ marks a decision point. Numbers in brackets are the references at the end.</p>`,
      `<ol class="timeline">${d.timeline
        .map(
          (e) =>
            `<li class="entry${e.decision ? ' decision-mark' : ''}"><span class="when">${esc(e.when)}</span><div><span>${e.byTime ? '(by time) ' : ''}${esc(e.text)}</span>${e.refused ? ` <span class="refused">— refused: ${esc(e.refused)}</span>` : ''}${refs(e.refs)}${e.note ? `<p class="note">${esc(e.note)}</p>` : ''}${e.later ? `<p class="later">Later: ${esc(e.later)}</p>` : ''}</div></li>`,
        )
        .join('')}</ol>`,
    );
  if (d.charts.length) parts.push(h2('charts', 'Charts'), charts(d));
  if (pack.kind !== 'comparison' && d.decisions.length) {
    parts.push(
      h2('decisions', student ? 'What would you do?' : 'Decision points'),
      ...d.decisions.map(
        (x) =>
          `<div class="decision"><h3>${esc(x.heading)}</h3>${x.options.length ? `<p><strong>The roads open:</strong> ${esc(x.options.join(' · '))}</p>` : ''}<p><strong>What would you do?</strong></p>${list(x.questions.map(esc))}${x.happened ? `<p><strong>What happened:</strong> ${cited(x.happened)}</p>` : ''}${x.changed ? `<p class="muted">What it changed: ${esc(x.changed)}</p>` : ''}</div>`,
      ),
    );
  }
  if (pack.kind !== 'comparison' && d.roles) {
    parts.push(
      h2('roles', 'Role briefs'),
      `<p class="muted">A role-play set on ${esc(d.roles.when)}, just before ${esc(d.roles.before)}: what each side knew and wanted, from the record.</p>`,
      `<h3>Where things stand</h3>${list(d.roles.facts.map(cited))}`,
      `<div class="briefs">${d.roles.briefs
        .map(
          (b) =>
            `<div class="brief"><h3>${esc(b.side === 'union' ? 'The union’s side' : 'The employer’s side')}: ${esc(b.who)}</h3>${list(b.lines.map(cited))}${b.instructions.length ? `<p><strong>Your instructions</strong></p>${list(b.instructions.map(esc))}` : ''}</div>`,
        )
        .join('')}</div>`,
    );
  }
  if (d.epilogue) {
    parts.push(
      h2('epilogue', 'Epilogue: what actually happened'),
      `<p><strong>Outcome: ${esc(d.epilogue.outcome)}</strong>, on ${esc(d.epilogue.ended)}.</p>`,
      `<p>${esc(d.epilogue.summary)}</p>`,
      list(d.epilogue.figures.map(cited)),
    );
    if (d.whatIfs.length) {
      parts.push(
        '<h3>What the shipped what-ifs show</h3>',
        table(
          ['what if', 'outcome', 'days of action', 'offers'],
          d.whatIfs.map((w) => [w.title, w.outcome, String(w.daysOfAction), w.offers]),
        ),
        list(d.whatIfs.map((w) => `<strong>${esc(w.title)}</strong>: ${esc(w.summary)}`)),
      );
    }
  }
  if (pack.kind !== 'comparison') {
    parts.push(h2('discussion', 'Discussion questions'), list(d.discussion.map(esc)));
    if (d.debrief.length) parts.push(h2('debrief', 'Debrief notes for the teacher'), list(d.debrief.map(esc)));
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** The pack as one HTML document. */
export function packHtml(pack: Pack): string {
  const kind = packKindWords(pack);
  const header =
    pack.kind === 'comparison' ? `${kind}: ${pack.disputes.map((d) => d.id).join(', ')}` : `${pack.title} — ${kind}`;
  const body: string[] = [
    `<header><p class="kind">${esc(kind)} · dispute-sim</p><h1>${esc(pack.title)}</h1>${pack.disputes.length === 1 ? `<p class="muted">${esc(pack.disputes[0]?.period ?? '')}</p>` : ''}</header>`,
  ];
  if (pack.comparison) {
    body.push(
      '<h2>Side by side</h2>',
      table(pack.comparison.head, pack.comparison.rows),
      '<h2>Charts side by side</h2>',
      // One row a kind of chart, one column a dispute, so that the same chart of each stands side by side.
      ...(['pay', 'days', 'ballots'] as const).map(
        (id) =>
          `<div class="compare-charts" style="--n: ${Math.min(2, pack.disputes.length)}">${pack.disputes
            .map((d) => {
              const c = d.charts.find((x) => x.id === id);
              return c
                ? `<figure data-chart="${c.id}">${c.svg}<figcaption><strong>${esc(d.title)}</strong>: ${esc(c.title)}${refs(d.chartRefs[c.id] ?? [])}</figcaption></figure>`
                : `<figure class="muted"><figcaption><strong>${esc(d.title)}</strong>: nothing to chart.</figcaption></figure>`;
            })
            .join('')}</div>`,
      ),
    );
  }
  body.push(...pack.disputes.map((d) => dispute(d, pack)));
  body.push(
    '<section class="back"><h2>Glossary</h2>',
    `<dl class="glossary">${pack.glossary.map((g) => `<dt>${esc(g.term)}</dt><dd>${esc(g.meaning)}</dd>`).join('')}</dl>`,
    '<h2>References</h2>',
    `<ol class="refs">${pack.references.map(reference).join('')}</ol></section>`,
  );
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(header)}</title>
<style>${STYLE(header)}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
