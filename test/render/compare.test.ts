import { describe, expect, it } from 'vitest';
import { comparisonGroups, renderComparison, summarize } from '../../src/render/compare.js';
import { PLAIN } from '../../src/render/palette.js';
import { renderTimeline } from '../../src/render/timeline.js';
import type { Trace } from '../../src/schemas/trace.js';
import { replayed } from '../helpers/scenarios.js';

describe('renderComparison', () => {
  const traces = ['2016', '2023', '2025'].map((alias) => replayed(alias).trace);

  it('sets the three historical disputes side by side on one screen', () => {
    const text = renderComparison(traces, PLAIN, 110);
    expect(text.split('\n').length).toBeLessThanOrEqual(30);
    expect(text).toMatchInlineSnapshot(`
      "Comparison
      dispute               junior-doctors-2016          junior-doctors-2023          resident-doctors-2025
      period                26 Sep 2015 – 10 Nov 2016    1 Oct 2022 – 16 Sep 2024     9 Apr 2025 – 29 Jun 2026
      duration              13.5 months                  23.5 months                  14.7 months
      ballots               98% yes, 76.2% turnout       98% yes, 77.5% turnout;      90% yes, 55.3% turnout; 97%
                                                         98.4% yes, 71.3% turnout;    yes, 65% turnout; 93.3%
                                                         97.9% yes, 61.9% turnout     yes, 52.5% turnout
      strikes held          5                            11                           4
      days of action        8                            44                           21
      days called off       25                           0                            4
      claim                 terms, not a pay figure      35.3% pay restoration        29.2% pay restoration
      offers (pay)          11% (superseded), 10%        5% (rejected), 3%            6.6% (accepted)
                            (rejected)                   (rejected), 4.05%
                                                         (accepted)
      pay review awards     none                         8.8% 2023/24, 8% 2024/25     5.4% 2025/26, 3.5% 2026/27
      accepted              —                            4.05% deal                   6.6% deal
      health secretaries    Jeremy Hunt                  Thérèse Coffey, Steve        Wes Streeting, James Murray
                                                         Barclay, Victoria Atkins,
                                                         Wes Streeting
      outcome               imposed                      settled                      settled
      "
    `);
  });

  it('summarises each dispute from its final record', () => {
    expect(traces.map((t) => [summarize(t).outcome, summarize(t).daysOfAction, summarize(t).accepted])).toEqual([
      ['imposed', 8, '—'],
      ['settled', 44, '4.05% deal'],
      ['settled', 21, '6.6% deal'],
    ]);
  });
});

describe('comparisonGroups', () => {
  const [a, b, c] = ['2016', '2023', '2025'].map((alias) => replayed(alias).trace) as [Trace, Trace, Trace];

  it('one comparison of all when no scenario names a group', () => {
    expect(comparisonGroups([{ trace: a }, { trace: b }]).map((g) => [g.heading, g.traces.length])).toEqual([
      ['Comparison', 2],
    ]);
  });

  it('a comparison per group in the order first named, a dispute in every group it names, the rest last', () => {
    const groups = comparisonGroups([
      { trace: a, groups: ['Doctors'] },
      { trace: b, groups: ['Doctors', 'NHS pay, 2022–24'] },
      { trace: c },
    ]);
    expect(groups.map((g) => [g.heading, g.traces.map((t) => t.scenario.id)])).toEqual([
      ['Comparison: Doctors', ['junior-doctors-2016', 'junior-doctors-2023']],
      ['Comparison: NHS pay, 2022–24', ['junior-doctors-2023']],
      ['Comparison: other disputes', ['resident-doctors-2025']],
    ]);
  });
});

describe('a ballot run employer by employer, in every view', () => {
  const { trace } = replayed('rcn-2023');

  it('is said by its constituencies, never with a national turnout or yes share', () => {
    const first = summarize(trace).ballots[0];
    expect(first).toBe('met at 130 NHS organisations in England');
    const timeline = renderTimeline(trace, { palette: PLAIN });
    const closes = timeline.split('\n').find((line) => line.includes('the ballot closes'));
    expect(closes).toContain(
      'thresholds met at 130 NHS organisations in England (balloted one by one: no national totals)',
    );
    expect(closes).not.toMatch(/turnout|% yes/);
  });
});
