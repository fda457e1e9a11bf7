/**
 * Teaching packs as data and as text: the student handout gives nothing away (no outcome, no date after its cut,
 * no hindsight, no epilogue), every reference resolves to a source, and the Markdown is locked for the example.
 */
import { describe, expect, it } from 'vitest';
import { REGIMES } from '../../src/domain/regimes.js';
import { ScenarioCatalogue } from '../../src/loader/registry.js';
import { packHtml } from '../../src/render/report/html.js';
import { packMarkdown } from '../../src/render/report/markdown.js';
import { buildComparisonPack, buildPack, type Pack, UnknownCutError } from '../../src/render/report/pack.js';
import { replay } from '../../src/simulation/replay.js';
import { scenario } from '../helpers/scenarios.js';

const HISTORICAL = ['2016', '2023', '2025', 'rcn-2023', 'consultants'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Every full date a text names, as YYYY-MM-DD: ISO days, `13 Mar 2023` and `13 March 2023`. */
function datesIn(text: string): string[] {
  const out = [...text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)].map((m) => `${m[1]}-${m[2]}-${m[3]}`);
  for (const m of text.matchAll(/\b(\d{1,2})(?:–\d{1,2})? ([A-Z][a-z]+) (\d{4})\b/g)) {
    const month = Math.max(MONTHS.indexOf(m[2] ?? ''), LONG.indexOf(m[2] ?? ''));
    if (month >= 0) out.push(`${m[3]}-${String(month + 1).padStart(2, '0')}-${String(m[1]).padStart(2, '0')}`);
  }
  return out;
}

/** The numbers cited in a pack's HTML, as `[3, 7]` marks link them. */
const citedIn = (html: string) => new Set([...html.matchAll(/href="#ref-(\d+)"/g)].map((m) => Number(m[1])));

describe('the student handout gives nothing away', () => {
  const cuts: [string, string | undefined][] = [
    ...HISTORICAL.map((ref): [string, undefined] => [ref, undefined]),
    ['2023', 'offer-5pct-rejected'],
    ['2023', '2023-09-01'],
    ['2016', 'final-offer-rejected'],
    ['2025', 'july-offer-rejected'],
  ];

  it.each(cuts)('%s up to %s: no epilogue, no outcome, no date after the cut, no hindsight', (ref, until) => {
    const s = scenario(ref);
    const pack = buildPack(s, { student: true, ...(until ? { until } : {}) });
    const html = packHtml(pack);
    const { text } = packMarkdown(pack);
    const cut = pack.until ?? '';
    expect(cut).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Days the record already knew at the cut may come after it: a strike called for later, a mandate's expiry.
    const part0 = pack.disputes[0];
    const known = new Set(
      datesIn(
        [...(part0?.timeline.map((t) => t.text) ?? []), ...(part0?.roles?.facts.map((l) => l.text) ?? [])].join(' '),
      ),
    );
    const visible = html.replace(/<[^>]+>/g, ' ');
    for (const out of [visible, text]) {
      expect(out).not.toMatch(/Epilogue|What happened:|what-ifs show|Outcome:/);
      const later = datesIn(out).filter((d) => d > cut && !known.has(d));
      expect(later, `${ref} dates after ${cut}`).toEqual([]);
      for (const e of s.events) if (e.later) expect(out).not.toContain(e.later.slice(0, 60));
    }
    // The last event shown is the last one on or before the cut; nothing of the step after it.
    const part = pack.disputes[0];
    expect(part?.epilogue).toBeUndefined();
    expect(part?.whatIfs).toEqual([]);
    expect(part?.timeline.every((t) => t.date.slice(0, 10) <= cut)).toBe(true);
    // A source published after the cut is named by its publisher only.
    for (const r of pack.references.filter((x) => x.withheld)) {
      const source = s.sources[r.id];
      expect(source?.date?.slice(0, 10) ?? '').not.toBe('');
      expect(html).not.toContain(source?.url ?? '');
    }
  });

  it('stops at the first decision point by default and asks there, without saying what came next', () => {
    const pack = buildPack(scenario('2023'), { student: true });
    const decisions = pack.disputes[0]?.decisions ?? [];
    const ask = decisions.at(-1);
    expect(ask?.heading).toBe('After 25 Oct 2022: what comes next?');
    expect(ask?.options).toContain('open a ballot');
    expect(ask?.happened).toBeUndefined();
    expect(pack.disputes[0]?.timeline.at(-1)?.text).toContain('Steve Barclay');
  });

  it('names no outcome word at the first decision point of any historical dispute', () => {
    for (const ref of HISTORICAL) {
      const s = scenario(ref);
      const text = packMarkdown(buildPack(s, { student: true })).text;
      expect(text, ref).not.toMatch(new RegExp(`\\b${s.outcome}\\b`, 'i'));
    }
  });

  it('leaves out the teacher’s role instructions, written for a later point, when it stops before that point', () => {
    const cut = buildPack(scenario('2023'), { student: true });
    expect(cut.disputes[0]?.roles?.briefs.every((b) => b.instructions.length === 0)).toBe(true);
    const whole = buildPack(scenario('2023'));
    expect(whole.disputes[0]?.roles?.briefs.every((b) => b.instructions.length > 0)).toBe(true);
  });

  it('keeps to generic objectives, and leaves out glossary terms the scenario introduces after the cut', () => {
    const s = scenario('2025');
    const teaching = typeof s.teaching === 'object' ? s.teaching : {};
    const early = buildPack(s, { student: true });
    for (const o of teaching.objectives ?? []) expect(early.disputes[0]?.objectives).not.toContain(o);
    const terms = (p: ReturnType<typeof buildPack>) => p.glossary.map((g) => g.term);
    expect(terms(early)).not.toContain('Medical Training (Prioritisation) Act');
    expect(terms(buildPack(s, { student: true, until: '2026-02-03' }))).toContain(
      'Medical Training (Prioritisation) Act',
    );
    expect(terms(buildPack(s))).toContain('Medical Training (Prioritisation) Act');
    expect(buildPack(s).disputes[0]?.objectives).toEqual(teaching.objectives);
  });

  it('refuses a cut that is neither an event of the scenario nor a day in its period', () => {
    expect(() => buildPack(scenario('2023'), { student: true, until: 'no-such-event' })).toThrow(UnknownCutError);
    expect(() => buildPack(scenario('2023'), { student: true, until: '2030-01-01' })).toThrow(UnknownCutError);
  });
});

describe('the teacher’s pack', () => {
  const catalogue = new ScenarioCatalogue();

  it('holds the whole dispute: decision points with the scenario’s questions, role briefs, the epilogue and the what-ifs', () => {
    const s = catalogue.resolve('2023');
    const pack = buildPack(s, { whatIfs: catalogue.whatIfsOf(s).map((w) => w.scenario) });
    const part = pack.disputes[0];
    expect(part?.timeline).toHaveLength(replay(s).steps.length);
    expect(part?.epilogue?.outcome).toBe('settled');
    expect(part?.whatIfs.map((w) => w.id).sort()).toEqual([
      'junior-doctors-2023-acas',
      'junior-doctors-2023-low-turnout',
      'junior-doctors-2023-take-5pct',
    ]);
    const asked = part?.decisions.flatMap((d) => d.questions) ?? [];
    for (const qs of Object.values(typeof s.teaching === 'object' ? (s.teaching.questions ?? {}) : {})) {
      for (const q of qs) expect(asked).toContain(q);
    }
    expect(part?.decisions.every((d) => d.happened && !d.heading.includes('%'))).toBe(true);
    expect(part?.charts.map((c) => c.id)).toEqual(['pay', 'days', 'ballots', 'impact']);
    expect(part?.law.map((l) => l.name)).toEqual(['Trade Union Act 2016']);
    expect(buildPack(scenario('2025')).disputes[0]?.law.map((l) => l.name)).toEqual([
      'Trade Union Act 2016',
      'Employment Rights Act 2025 (first changes)',
    ]);
  });

  it.each(HISTORICAL)(
    '%s: every reference resolves to a source of the scenario or of the law, and each is cited',
    (ref) => {
      const s = scenario(ref);
      for (const pack of [buildPack(s), buildPack(s, { student: true })]) {
        const lawSources = new Set(REGIMES.flatMap((r) => r.sources));
        for (const r of pack.references) {
          if (r.kind === 'source') expect(Object.keys(s.sources)).toContain(r.id);
          else expect(lawSources.has(r.id)).toBe(true);
        }
        expect(pack.references.map((r) => r.n)).toEqual(pack.references.map((_, i) => i + 1));
        const cited = citedIn(packHtml(pack));
        expect([...cited].every((n) => n >= 1 && n <= pack.references.length)).toBe(true);
        expect(pack.references.filter((r) => !cited.has(r.n)).map((r) => r.id)).toEqual([]);
      }
    },
  );

  it('a comparison pack sets the disputes side by side, their references numbered once', () => {
    const pack: Pack = buildComparisonPack(['2016', '2023', '2025'].map(scenario));
    expect(pack.comparison?.head.slice(1)).toEqual(pack.disputes.map((d) => d.title));
    expect(pack.comparison?.rows.find((r) => r[0] === 'days of action')).toEqual(['days of action', '8', '44', '21']);
    const ids = pack.references.map((r) => `${r.kind}:${r.id}`);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the Markdown of a pack, locked', () => {
  it('the worked example’s student handout, whole', () => {
    expect(packMarkdown(buildPack(scenario('example'), { student: true })).text).toMatchInlineSnapshot(`
      "# Hospital porters' pay dispute (a worked example)

      *Student handout, to 10 Jan 2023 · dispute-sim*

      1 Jan 2023 – 10 Jan 2023

      ## Synopsis

      Porters' Union declared a dispute on 10 Jan 2023; its claim: 10% pay rise. This handout follows the record from 1 Jan 2023 to 10 Jan 2023, and stops there: what happened next is for the class to weigh up.

      ## Learning objectives

      - Explain what the law required of the union before it could strike, and how that changed the timing of the dispute.
      - Identify the decision points where each side could have taken another road, and the options open at each.
      - Assess how ballots, offers and days of action shaped each side’s position over time.

      ## Parties and people

      | party | side |
      | --- | --- |
      | Porters' Union | union |
      | Riverside Hospitals Trust | employer |

      ## The law in force

      - **Trade Union Act 2016** (1 Mar 2017 on) [1, 2]: turnout at least 50% of those entitled vote; support a majority, and at least 40% of all those entitled, vote yes (important public services); notice 14 days; mandate 6 months from the close (9 by agreement).

      ## What has happened so far

      ◆ marks a decision point; numbers in brackets are the references at the end.

      - **10 Jan 2023** Porters' Union declares a dispute: A 10% rise to restore pay lost to inflation
        The branch rejects a 3% offer and declares a dispute.

      ## Charts

      **Offers and awards against the claim**

      Pay rises offered and awarded, in per cent, from 1 Jan 2023 to 10 Jan 2023, against the claim of 10% (the dashed line): no offer or award with a figure yet.

      ## What would you do?

      **After 10 Jan 2023: what comes next?**

      The roads open: open a ballot · open talks · go to Acas · table a new offer · impose terms · end the dispute

      - What would you do here, and why? What could each side still do?

      ## Role briefs

      A role-play set on 10 Jan 2023, just before what comes next: what each side knew and wanted, from the record.

      Where things stand:

      - The claim: 10% pay rise.
      - The union holds no mandate: a strike needs a ballot that passes first.
      - 0 days of action so far, in 0 strikes.

      **The union’s side: Porters' Union**

      - Your aim: 10% pay rise.

      **The employer’s side: Riverside Hospitals Trust**

      - No offer of yours is on the table.

      ## Discussion questions

      - What should each side do next, and what would it take to move the other side?

      ## Glossary

      **Acas**: The Advisory, Conciliation and Arbitration Service: a public body that helps the two sides of a dispute talk (conciliation) when both agree to it. It cannot impose an answer.

      **Ballot**: A postal vote of the union’s members on whether to take industrial action. Without a ballot that meets the law’s tests, a strike loses the legal protection that stops the union being sued.

      **Derogation**: An agreed exception to a strike: work the union asks members to keep doing (emergency care, say) or releases them to do when an employer asks, so that patients are kept safe.

      **Imposition**: An employer or government bringing in new terms (a contract, a pay rise) without the union’s agreement. It ends the argument over those terms only if staff accept working under them.

      **Mandate**: The legal permission a successful ballot gives a union to call action. How long it lasts depends on the law in force (see the table of the law): under the Trade Union Act 2016, six months from the close of the ballot, nine by agreement; under the law before it, until the union gave it up, once action had begun within four weeks.

      **Notice**: The warning the union must give the employer before action starts, in days: 14 under the Trade Union Act 2016, 7 under the law before it (see the table of the law for the days in force).

      **Pay review body**: An independent body (the DDRB for doctors and dentists, the NHS Pay Review Body for nurses) that recommends pay each year after hearing evidence from both sides. The government decides whether to accept its award.

      **Referendum**: A vote of the union’s members on an offer (or a question). Where the union has said it will be bound by the result, members, not the committee, decide whether to accept.

      **Thresholds**: The tests a strike ballot must pass under the Trade Union Act 2016: at least half of those entitled must vote, and in important public services such as health at least 40% of all those entitled must vote yes (the table of the law says which tests were in force when).

      ## References

      1. xperthr.co.uk. *On the Trade Union Act 2016*. <https://www.xperthr.co.uk/editors-choice/trade-union-act-2016/159971/>
      2. lexology.com. *On the Trade Union Act 2016*. <https://www.lexology.com/library/detail.aspx?g=7f171f7d-4368-4255-8cf3-f010ec1414a1>
      "
    `);
  });

  it('the worked example’s teacher’s pack: its decision points, role briefs and epilogue, with charts as files', () => {
    const { text, files } = packMarkdown(buildPack(scenario('example')), { figures: 'pack-figures' });
    expect(files.map((f) => f.path)).toEqual([
      'pack-figures/example-porters-pay.svg',
      'pack-figures/example-porters-days.svg',
      'pack-figures/example-porters-ballots.svg',
    ]);
    expect(text).toContain('![');
    const section = (name: string) =>
      text.slice(text.indexOf(`## ${name}`), text.indexOf('\n## ', text.indexOf(`## ${name}`) + 3));
    expect(section('Decision points')).toMatchInlineSnapshot(`
      "## Decision points

      **20 Jan 2023: before a new offer**

      The roads open: open a ballot · open talks · go to Acas · table a new offer · impose terms · end the dispute

      - What would you do here, and why? What could each side still do?

      What happened: an offer from Riverside Hospitals Trust: 3% from April

      *What it changed: one event from settled (was 2)*

      **21 Jan 2023: before the committee’s answer to the offer**

      The roads open: open a ballot · open talks · go to Acas · table a new offer · impose terms · end the dispute · the committee rejects the offer · withdraw the offer · the committee accepts the offer · put the offer to a referendum · survey the members on the offer

      - What would you do here, and why? What could each side still do?

      What happened: the committee rejects the offer of 20 Jan 2023

      *What it changed: no longer: the committee rejects the offer, withdraw the offer, the committee accepts the offer, …*

      **1 Feb 2023: before a strike ballot**

      The roads open: open a ballot · open talks · go to Acas · table a new offer · impose terms · end the dispute

      - What would you do here, and why? What could each side still do?

      What happened: a strike ballot opens (closes 28 Feb 2023)

      *What it changed: a ballot is open: if it passes, a strike can follow*

      **28 Feb 2023 12:00: before the ballot’s result**

      The roads open: open talks · go to Acas · table a new offer · impose terms · end the dispute · the ballot passes · the ballot fails

      - What would you do here, and why? What could each side still do?

      What happened: the ballot closes: 88.46% yes on 65% turnout (230 yes, 30 no, 260 cast, 400 entitled)

      *What it changed: now possible: open a ballot, call a strike (with due notice), give up the mandate, …; no longer: the ballot passes, the ballot fails*

      **12 Apr 2023: before a new offer**

      The roads open: open a ballot · open talks · talks collapse · talks conclude with an offer · go to Acas · table a new offer · call a strike (with due notice) · impose terms · extend the mandate by agreement · suspend a strike · call off a strike

      - What would you do here, and why? What could each side still do?

      What happened: an offer from Riverside Hospitals Trust: 7% from April and a one-off payment

      *What it changed: one event from settled (was 2)*

      **14 Apr 2023: before a vote of the members**

      The roads open: open a ballot · open talks · talks collapse · talks conclude with an offer · go to Acas · call a strike (with due notice) · impose terms · end the dispute · give up the mandate · extend the mandate by agreement · the committee rejects the offer · withdraw the offer · the committee accepts the offer · put the offer to a referendum · survey the members on the offer

      - What would you do here, and why? What could each side still do?

      What happened: a referendum of members opens on the offer of 12 Apr 2023

      *What it changed: now possible: members vote yes, members vote no; no longer: the committee rejects the offer, the committee accepts the offer, put the offer to a referendum, …*

      **5 May 2023: before the result of the members’ vote**

      The roads open: open a ballot · open talks · talks collapse · talks conclude with an offer · go to Acas · call a strike (with due notice) · impose terms · end the dispute · give up the mandate · extend the mandate by agreement · withdraw the offer · members vote yes · members vote no

      - What would you do here, and why? What could each side still do?

      What happened: the referendum of members closes: 64% yes, 36% no on 71% turnout

      *What it changed: the dispute ends settled: imposed and abandoned out of reach*
      "
    `);
    expect(section('Role briefs')).toMatchInlineSnapshot(`
      "## Role briefs

      A role-play set on 10 Jan 2023, just before a new offer: what each side knew and wanted, from the record.

      Where things stand:

      - The claim: 10% pay rise.
      - The union holds no mandate: a strike needs a ballot that passes first.
      - 0 days of action so far, in 0 strikes.

      **The union’s side: Porters' Union**

      - Your aim: 10% pay rise.

      **The employer’s side: Riverside Hospitals Trust**

      - No offer of yours is on the table.
      "
    `);
    expect(section('Epilogue: what actually happened')).toMatchInlineSnapshot(`
      "## Epilogue: what actually happened

      **Outcome: settled**, on 5 May 2023.

      A made-up dispute at one hospital trust. The union wins a ballot, calls two strikes with the notice the law requires, and settles when members accept an improved offer in a referendum.

      - Ballots: 88.5% yes, 65% turnout.
      - Strikes held: 1; days of action: 2; days called off: 3.
      - Offers with a pay figure: 3% (rejected), 7% (accepted); accepted: 7% deal.
      "
    `);
  });
});
