import { describe, expect, it } from 'vitest';
import { daySpan, describeEvent, EventNames } from '../../src/render/describe.js';
import { PLAIN } from '../../src/render/palette.js';
import { renderTimeline } from '../../src/render/timeline.js';
import { replay } from '../../src/simulation/replay.js';
import { scenario as load } from '../helpers/scenarios.js';

describe('events name what they refer to in words, never by id', () => {
  it('names a strike by the days it was called for, an offer by its day, an award by its body', () => {
    const names = new EventNames();
    const lines = [
      {
        type: 'strike.called',
        action: 'strike-2023-03',
        start: '2023-03-13T07:00',
        end: '2023-03-16T07:00',
        scope: 'full-walkout',
      },
      { type: 'strike.started', action: 'strike-2023-03' },
      { type: 'offer.made', offer: 'offer-2023-05', at: '2023-05-22', by: 'DHSC', summary: '5%' },
      { type: 'offer.rejected', offer: 'offer-2023-05' },
      {
        type: 'award.published',
        award: 'ddrb-2023',
        body: "Review Body on Doctors' and Dentists' Remuneration (DDRB)",
        summary: '6%',
      },
      { type: 'award.accepted', award: 'ddrb-2023', inFull: true },
      { type: 'referendum.opened', referendum: 'ref-1', kind: 'referendum', offer: 'offer-2023-05' },
      { type: 'referendum.closed', referendum: 'ref-1', yesPct: 60 },
      { type: 'challenge.filed', challenge: 'jr-1', by: 'Justice for Health' },
      { type: 'challenge.decided', challenge: 'jr-1', result: 'dismissed', strikes: [{ action: 'strike-2023-03' }] },
    ].map((e) => names.describe(e));
    expect(lines).toEqual([
      'a strike is called: 13 Mar 2023 07:00 → 16 Mar 2023 07:00, full walkout',
      'the strike of 13–16 Mar 2023 begins',
      'an offer from DHSC: 5%',
      'the committee rejects the offer of 22 May 2023',
      "Review Body on Doctors' and Dentists' Remuneration (DDRB) publishes its award: 6%",
      'the DDRB award is accepted in full',
      'a referendum of members opens on the offer of 22 May 2023',
      'the referendum of members closes: 60% yes',
      'a legal challenge by Justice for Health',
      'the legal challenge by Justice for Health: dismissed: the strike of 13–16 Mar 2023 is stopped',
    ]);
  });

  it('never names a thing by an event still to come (an offer concluded before it is made is "an offer")', () => {
    const names = new EventNames();
    expect(names.describe({ type: 'talks.concluded', offer: 'o-1' })).toBe('talks conclude with an offer');
    names.see({ type: 'offer.made', offer: 'o-1', at: '2023-03-16', by: 'x', summary: 'y' });
    expect(names.describe({ type: 'offer.rejected', offer: 'o-1' })).toBe(
      'the committee rejects the offer of 16 Mar 2023',
    );
    expect(describeEvent({ type: 'strike.ended', action: 'unknown' })).toBe('the strike ends');
  });

  it('agrees the verb with more than one holder of an office', () => {
    expect(describeEvent({ type: 'office.changed', holder: 'A and B', role: 'Co-chairs' })).toBe(
      'A and B become Co-chairs',
    );
    expect(describeEvent({ type: 'office.changed', holder: 'Dr A (co-chair)', role: 'Chair' })).toBe(
      'Dr A (co-chair) becomes Chair',
    );
  });

  it('writes spans of days as a reader does', () => {
    expect(daySpan('2023-03-13T07:00', '2023-03-16T07:00')).toBe('13–16 Mar 2023');
    expect(daySpan('2023-03-30', '2023-04-02')).toBe('30 Mar – 2 Apr 2023');
    expect(daySpan('2025-12-30', '2026-01-05')).toBe('30 Dec 2025 – 5 Jan 2026');
    expect(daySpan('2023-05-01T20:00', '2023-05-01T23:59')).toBe('1 May 2023');
  });

  it('leaves no id of a strike, offer, ballot, vote or award in any historical timeline', () => {
    for (const ref of ['2016', '2023', '2025', 'rcn-2023', 'consultants']) {
      const scenario = load(ref);
      const text = renderTimeline(replay(scenario), { palette: PLAIN, compact: true });
      const ids = scenario.events.flatMap((e) =>
        ['action', 'offer', 'ballot', 'referendum', 'award', 'challenge'].flatMap((k) => {
          const v: unknown = Object.entries(e).find(([key]) => key === k)?.[1];
          return typeof v === 'string' ? [v] : [];
        }),
      );
      for (const id of new Set(ids)) expect(text, `${scenario.id}: ${id}`).not.toMatch(new RegExp(`\\b${id}\\b`));
    }
  });
});
