import { describe, expect, it } from 'vitest';
import { PLAIN } from '../../src/render/palette.js';
import { renderTimeline } from '../../src/render/timeline.js';
import { replayed } from '../helpers/scenarios.js';

describe('renderTimeline', () => {
  const { trace } = replayed('example');

  it('shows each step with its state changes, notes and the outcome', () => {
    expect(renderTimeline({ ...trace, steps: trace.steps.slice(3, 8) }, { palette: PLAIN })).toMatchInlineSnapshot(`
      "Hospital porters' pay dispute (a worked example)  [example-porters · example · rules by-date]
      • 1 Feb 2023        a strike ballot opens (closes 28 Feb 2023)
                          → ballot: open; mandate: none; negotiation: noTalks; offer: none; action: none
      • 28 Feb 2023 12:00 the ballot closes: 88.46% yes on 65% turnout (230 yes, 30 no, 260 cast, 400 entitled)
                          → ballot: open → idle; mandate: none → live.term
                          65% turnout and 57.5% of all members voting yes clear both thresholds of the 2016 Act.
      • 1 Mar 2023        a strike is called: 20 Mar 2023 07:00 → 22 Mar 2023 07:00, full walkout
                          → action: none → announced
                          Called nearly three weeks ahead; the law asks for fourteen days.
      ◷ 20 Mar 2023 07:00 the strike of 20–22 Mar 2023 begins
                          → action: announced → striking
      ◷ 22 Mar 2023 07:00 the strike of 20–22 Mar 2023 ends
                          → action: striking → ended
      Outcome: settled on 5 May 2023 · 1 ballot · 1 strike held · 2 days of action · 2 offers
      "
    `);
  });

  it('compact: one line a step, cut to the width', () => {
    const text = renderTimeline(trace, { palette: PLAIN, compact: true, width: 60 });
    const steps = text.split('\n').filter((l) => /^[•◷✗] /.test(l));
    expect(steps).toHaveLength(trace.steps.length);
    for (const line of steps) expect(line.length).toBeLessThanOrEqual(60);
    expect(steps.some((l) => l.endsWith('…'))).toBe(true);
  });
});
