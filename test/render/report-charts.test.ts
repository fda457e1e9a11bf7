/** The teaching pack's charts (reportCharts): what each draws from a replay, up to a step or to the end. */
import { describe, expect, it } from 'vitest';
import { daySpan } from '../../src/render/describe.js';
import { type ReportChart, reportCharts } from '../../src/render/report/charts.js';
import type { DisputeRecord } from '../../src/schemas/record.js';
import type { Trace } from '../../src/schemas/trace.js';
import { withFullRecords } from '../../src/simulation/records.js';
import { replayed, scenario } from '../helpers/scenarios.js';

const HISTORICAL = ['2016', '2023', '2025', 'rcn-2023', 'consultants'];

function chart(charts: readonly ReportChart[], id: ReportChart['id']): ReportChart {
  const found = charts.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} chart among ${charts.map((c) => c.id).join(', ')}`);
  return found;
}

/** The marks a chart draws (each a `<g data-mark>` group holding no other group), with their attributes. */
function marks(svg: string): { kind: string; fate: string | undefined; body: string }[] {
  return [...svg.matchAll(/<g data-mark="([^"]+)"(?: data-fate="([^"]+)")?[^>]*>(.*?)<\/g>/g)].map((m) => ({
    kind: m[1] ?? '',
    fate: m[2],
    body: m[3] ?? '',
  }));
}

/** The texts of a chart's elements carrying an attribute, e.g. its y-axis tick labels. */
const texts = (svg: string, attribute: string): string[] =>
  [...svg.matchAll(new RegExp(`<text[^>]*${attribute}[^>]*>([^<]*)</text>`, 'g'))].map((m) => m[1] ?? '');

/** Whether every element opened is closed, in order (the SVG is made of tags and escaped text only). */
function balanced(svg: string): boolean {
  const open: string[] = [];
  for (const [, close, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z]+)\b[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (!close) open.push(name ?? '');
    else if (open.pop() !== name) return false;
  }
  return open.length === 0;
}

const everything = (c: ReportChart): string => `${c.svg}\n${c.alt}\n${c.title}\n${JSON.stringify(c.table)}`;

/** The ids of a record's things, which no reader should see. */
const idsOf = (r: DisputeRecord): string[] => [
  ...r.action.actions.map((a) => a.id),
  ...r.balloting.ballots.map((b) => b.id),
  ...r.negotiation.offers.map((o) => o.id),
  ...r.negotiation.awards.map((a) => a.id),
  ...r.negotiation.referendums.map((v) => v.id),
];

const impactSteps = (trace: Trace) =>
  trace.steps.filter(
    (s) => s.accepted && s.event.type === 'impact.reported' && typeof s.event.appointmentsRescheduled === 'number',
  );

describe('reportCharts: the 2023 junior doctors’ dispute, to the end', () => {
  const { trace, final } = replayed('2023');
  const charts = reportCharts(trace);

  it('draws the four charts, pay first', () => {
    expect(charts.map((c) => c.id)).toEqual(['pay', 'days', 'ballots', 'impact']);
  });

  it('pay: one mark per offer and award with a figure, an offer’s fate in its shape, against the dashed claim', () => {
    const pay = chart(charts, 'pay');
    const offers = final.negotiation.offers.filter((o) => o.payUpliftPct !== undefined);
    const awards = final.negotiation.awards.filter((a) => a.payUpliftPct !== undefined);
    const drawn = marks(pay.svg);
    expect(drawn.filter((m) => m.kind === 'offer')).toHaveLength(offers.length);
    expect(drawn.filter((m) => m.kind === 'award')).toHaveLength(awards.length);
    const hollow = drawn.filter((m) => /^<circle[^>]*fill="#fff"/.test(m.body));
    const filled = drawn.filter((m) => /^<circle/.test(m.body) && !/^<circle[^>]*fill="#fff"/.test(m.body));
    expect(hollow).toHaveLength(
      offers.filter((o) => ['rejected', 'withdrawn', 'superseded'].includes(o.status)).length,
    );
    expect(filled).toHaveLength(offers.filter((o) => o.status === 'accepted').length);
    expect(hollow.length).toBe(2);
    expect(filled.length).toBe(1);
    expect(drawn.filter((m) => m.kind === 'award').every((m) => m.body.startsWith('<rect'))).toBe(true);
    // Each mark says its figure, as the scenario gives it.
    for (const o of offers) expect(pay.svg).toContain(`>${o.payUpliftPct}%</text>`);
    expect(pay.svg).toMatch(/<line[^>]*stroke-dasharray="[^"]+"[^>]*data-claim="true"/);
    expect(texts(pay.svg, 'text-anchor="end"')).toContain('claim 35.3%');
    // The legend holds the same marks: a filled and a hollow circle and a square.
    const key = /<g data-legend="true">(.*?)<\/g>/.exec(pay.svg)?.[1] ?? '';
    expect(key).toMatch(/<circle[^>]*fill="#fff"/);
    expect(key).toMatch(/<rect/);
    expect(key).toContain('offer accepted');
    expect(pay.table.rows).toMatchInlineSnapshot(`
      [
        [
          "22 May 2023",
          "offer",
          "Department of Health and Social Care",
          "5%",
          "rejected by the committee, 22 May 2023",
        ],
        [
          "13 Jul 2023",
          "award",
          "DDRB",
          "8.8%",
          "accepted in full, 13 Jul 2023",
        ],
        [
          "5 Dec 2023",
          "offer",
          "Department of Health and Social Care",
          "3%",
          "rejected by the committee, 5 Dec 2023",
        ],
        [
          "29 Jul 2024",
          "offer",
          "Department of Health and Social Care (Wes Streeting)",
          "4.05%",
          "accepted by members, 16 Sep 2024",
        ],
        [
          "29 Jul 2024",
          "award",
          "DDRB",
          "8%",
          "accepted in full, 29 Jul 2024",
        ],
      ]
    `);
  });

  it('days: a step for each strike, with the total, 44 days, at the end', () => {
    const days = chart(charts, 'days');
    expect(texts(days.svg, 'data-total')).toEqual(['44 days']);
    expect(days.table.rows.at(-1)?.[2]).toBe('44');
    expect(days.table.rows.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(final.action.daysOfAction);
  });

  it('ballots: the three ballots against the 2016 Act’s dashed thresholds, 50% turnout and 40% of all entitled', () => {
    const ballots = chart(charts, 'ballots');
    expect(marks(ballots.svg)).toHaveLength(3);
    expect(ballots.svg.match(/data-threshold="turnout"/g)).toHaveLength(3);
    expect(ballots.svg.match(/data-threshold="ofEntitled"/g)).toHaveLength(3);
    expect(ballots.svg.match(/data-bar="/g)).toHaveLength(9);
    expect(ballots.table).toMatchInlineSnapshot(`
      {
        "head": [
          "Ballot closed",
          "Turnout",
          "Yes, of votes cast",
          "Yes, of all entitled",
          "The law",
          "Mandate",
        ],
        "rows": [
          [
            "20 Feb 2023",
            "77.5%",
            "98%",
            "75.9%",
            "Trade Union Act 2016: 50% turnout, 40% of all entitled voting yes",
            "yes",
          ],
          [
            "31 Aug 2023",
            "71.3%",
            "98.4%",
            "70.1%",
            "Trade Union Act 2016: 50% turnout, 40% of all entitled voting yes",
            "yes",
          ],
          [
            "20 Mar 2024",
            "61.9%",
            "97.9%",
            "60.6%",
            "Trade Union Act 2016: 50% turnout, 40% of all entitled voting yes",
            "yes",
          ],
        ],
      }
    `);
  });

  it('impact: a bar per strike whose rescheduled appointments were reported, named by its days, never its id', () => {
    const impact = chart(charts, 'impact');
    const reports = impactSteps(trace);
    expect(reports).toHaveLength(11);
    expect(marks(impact.svg)).toHaveLength(reports.length);
    const byDays = (id: unknown) => {
      const a = final.action.actions.find((x) => x.id === id);
      return a ? daySpan(a.start, a.end) : '';
    };
    expect(impact.table.rows.map((r) => r[0])).toEqual(reports.map((s) => byDays(s.event.action)));
    expect(impact.svg).toContain('>13–16 Mar 2023</text>');
    expect(impact.table.rows[0]?.[1]).toBe('175,122');
  });

  it('names no strike, ballot, offer or award by its id, in any chart', () => {
    const ids = idsOf(final);
    expect(ids).toContain('strike-2023-03');
    for (const c of charts) for (const id of ids) expect(everything(c)).not.toContain(id);
  });

  it('is the same every time', () => {
    expect(reportCharts(trace)).toEqual(charts);
  });
});

describe('reportCharts: a handout that stops at a step (until)', () => {
  const { trace } = replayed('2023');
  const all = reportCharts(trace);
  const firstOffer = trace.steps.findIndex((s) => s.event.type === 'offer.made');
  const early = reportCharts(trace, { until: firstOffer });

  it('draws nothing the record did not know then: not the 44 days, nor the 8.8% award, nor later strikes', () => {
    expect(firstOffer).toBeGreaterThan(0);
    const text = early.map(everything).join('\n');
    expect(text).not.toContain('44 days');
    expect(text).not.toContain('8.8%');
    expect(text).not.toContain('Jul 2024');
    expect(texts(chart(early, 'days').svg, 'data-total')).toEqual(['7 days']);
    expect(marks(chart(early, 'impact').svg)).toHaveLength(2);
    expect(marks(chart(early, 'ballots').svg)).toHaveLength(1);
  });

  it('shows an offer as the record knew it: still open (a diamond), not yet rejected', () => {
    const [offer] = marks(chart(early, 'pay').svg);
    expect(offer?.fate).toBe('open');
    expect(offer?.body.startsWith('<path')).toBe(true);
    expect(marks(chart(all, 'pay').svg)[0]?.fate).toBe('refused');
  });

  it('sets its scales from the figures up to then, and its time axis to the step’s date', () => {
    const top = (c: ReportChart) => Math.max(...texts(c.svg, 'data-tick="y"').map(Number));
    expect(top(chart(early, 'days'))).toBeLessThan(top(chart(all, 'days')));
    expect(top(chart(early, 'days'))).toBeGreaterThanOrEqual(7);
    const months = (c: ReportChart) => texts(c.svg, 'data-tick="x"');
    expect(months(chart(all, 'days'))).toContain('Jan 2024');
    expect(months(chart(early, 'days'))).not.toContain('Jan 2024');
  });

  it('cites only the sources of the steps up to then', () => {
    const before = new Set(trace.steps.slice(0, firstOffer + 1).flatMap((s) => s.sources));
    for (const c of early) for (const ref of c.refs) expect(before.has(ref)).toBe(true);
    expect(chart(early, 'days').refs.length).toBeLessThan(chart(all, 'days').refs.length);
  });

  it('draws no chart before the first step, and refuses a step the Trace does not have', () => {
    expect(reportCharts(trace, { until: -1 })).toEqual([]);
    expect(() => reportCharts(trace, { until: trace.steps.length })).toThrow(RangeError);
    expect(() => reportCharts(trace, { until: 1.5 })).toThrow(RangeError);
    expect(reportCharts(trace, { until: trace.steps.length - 1 })).toEqual(all);
  });
});

describe('reportCharts: ballots without national figures', () => {
  it('rcn-2023: the ballot run employer by employer gets a labelled slot and no bars; the other is drawn', () => {
    const ballots = chart(reportCharts(replayed('rcn-2023').trace), 'ballots');
    const [byEmployer, national] = marks(ballots.svg);
    const words = [...(byEmployer?.body ?? '').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
    expect(words).toContain('thresholds met at 130 NHS organisations in England (no national totals)');
    expect(byEmployer?.body).not.toContain('data-bar');
    expect(byEmployer?.body).not.toContain('data-threshold');
    expect(national?.body.match(/data-bar="/g)).toHaveLength(3);
    expect(ballots.svg.match(/data-bar="turnout"/g)).toHaveLength(1);
    expect(ballots.table.rows[0]?.[1]).toBe('no national totals');
    expect(ballots.table.rows[1]?.slice(1, 4)).toEqual(['43.4%', '84%', '36.5%']);
  });

  it('consultants: a ballot whose figures were not published says so, with no bars', () => {
    const ballots = chart(reportCharts(replayed('consultants').trace), 'ballots');
    const unpublished = marks(ballots.svg)[1];
    expect(unpublished?.body).toContain('figures not published');
    expect(unpublished?.body).not.toContain('data-bar');
  });

  it('2016: a ballot before the 2016 Act is drawn with no thresholds and no share of all entitled', () => {
    const ballots = chart(reportCharts(replayed('2016').trace), 'ballots');
    expect(ballots.svg).not.toContain('data-threshold');
    expect(ballots.svg).not.toContain('data-bar="ofEntitled"');
    expect(ballots.svg.match(/data-bar="/g)).toHaveLength(2);
    expect(ballots.svg).toContain('no thresholds then');
  });
});

describe('reportCharts: every historical scenario', () => {
  for (const ref of HISTORICAL) {
    const { trace, final } = replayed(ref);
    const sources = new Set(Object.keys(scenario(ref).sources));
    const firstOffer = trace.steps.findIndex((s) => s.event.type === 'offer.made');
    const sets = { all: reportCharts(trace), early: reportCharts(trace, { until: firstOffer }) };

    it(`${ref}: every chart is a well-formed standalone SVG, with no NaN, small text or ids`, () => {
      for (const c of [...sets.all, ...sets.early]) {
        const svg = c.svg;
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 680 ')).toBe(true);
        expect(svg.endsWith('</svg>')).toBe(true);
        expect(balanced(svg), `${c.id} is not balanced`).toBe(true);
        expect(svg.match(/<text/g)?.length).toBe(svg.match(/<\/text>/g)?.length);
        expect(everything(c)).not.toMatch(/NaN|Infinity|undefined/);
        const height = Number(/viewBox="0 0 680 ([\d.]+)"/.exec(svg)?.[1]);
        expect(height).toBeGreaterThanOrEqual(220);
        expect(height).toBeLessThanOrEqual(300);
        for (const size of svg.matchAll(/font-size="([\d.]+)"/g)) expect(Number(size[1])).toBeGreaterThanOrEqual(11);
        expect(svg).toContain('font-family="system-ui, sans-serif"');
        expect(svg).toContain(`aria-labelledby="report-chart-${c.id}-title report-chart-${c.id}-desc"`);
        expect(svg).toContain(`<title id="report-chart-${c.id}-title">`);
        expect(svg).toContain(`<desc id="report-chart-${c.id}-desc">`);
        expect(svg).not.toMatch(/class="/);
        for (const id of idsOf(final)) expect(everything(c), id).not.toContain(id);
      }
    });

    it(`${ref}: a table row per mark, every cell under a heading, and sources the scenario has`, () => {
      for (const c of [...sets.all, ...sets.early]) {
        expect(c.table.rows.length, c.id).toBe(marks(c.svg).length);
        expect(c.table.rows.length).toBeGreaterThan(0);
        for (const row of c.table.rows) expect(row).toHaveLength(c.table.head.length);
        expect(c.refs.length, `${c.id} cites nothing`).toBeGreaterThan(0);
        expect(new Set(c.refs).size).toBe(c.refs.length);
        for (const r of c.refs) expect(sources.has(r), `${c.id} cites ${r}`).toBe(true);
      }
    });

    it(`${ref}: the impact chart has a bar per strike with a reported count`, () => {
      const strikes = new Set(impactSteps(trace).map((s) => s.event.action));
      expect(marks(chart(sets.all, 'impact').svg)).toHaveLength(strikes.size);
    });
  }
});

describe('reportCharts: scenario text in the SVG', () => {
  it('is escaped, control characters shown rather than written', () => {
    const full = withFullRecords(replayed('rcn-2023').trace);
    const hostile = 'trusts <b>&</b> "quoted"\u0007';
    const edit = (r: DisputeRecord) => {
      for (const b of r.balloting.ballots) if (b.constituencies) b.constituencies.unit = hostile;
    };
    for (const step of full.steps) if (step.context) edit(step.context);
    edit(full.final.context);
    const ballots = chart(reportCharts(full), 'ballots');
    expect(ballots.svg).not.toContain('<b>');
    expect(ballots.svg).not.toContain('\u0007');
    expect(ballots.svg).toContain('trusts &lt;b&gt;&amp;&lt;/b&gt;');
    expect(ballots.svg).toContain('\\u0007');
    expect(balanced(ballots.svg)).toBe(true);
  });
});
