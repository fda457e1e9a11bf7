import { describe, expect, it } from 'vitest';
import { refusals, replayed, scenario } from '../helpers/scenarios.js';

describe('counterfactual: the 2015–16 dispute under the Trade Union Act 2016 (extends, rules swapped)', () => {
  const { trace, final } = replayed('2016-tua');

  it('keeps every event of the record and judges it by the later law', () => {
    expect(scenario('2016-tua').events.length).toBe(scenario('2016').events.length);
    expect(trace.scenario.rules).toBe('tua-2016');
  });

  it('refuses the short-notice calls and, after the six-month mandate lapses on 18 May 2016, the autumn strikes', () => {
    const reasons = refusals(trace);
    expect(reasons.filter((r) => r.includes("days' notice; Trade Union Act 2016 requires 14"))).toHaveLength(3);
    expect(reasons.filter((r) => r.includes('(strike.called): there is no live mandate'))).toHaveLength(5);
    expect(trace.steps.find((s) => s.event.type === 'mandate.lapsed')?.date).toBe('2016-05-18T00:00:00+01:00');
    expect(final.action.daysOfAction).toBe(7);
    expect(trace.final.outcome).toBe('imposed');
  });

  it('lists exactly what it expects refused, so `replay --strict` holds it to that lesson', () => {
    const refused = trace.steps.filter((s) => !s.accepted).map((s) => s.id);
    expect(refused.sort()).toEqual([...(scenario('2016-tua').expectRefused ?? [])].sort());
  });
});

describe('counterfactual: members vote on the 5% offer of May 2023 (diverges at "offer-5pct-rejected")', () => {
  const { trace, final } = replayed('2023-5pct');

  it('keeps the record up to the divergence, then settles on the members’ yes', () => {
    const ids = trace.steps.map((s) => s.id).filter(Boolean);
    expect(ids).toContain('offer-5pct-made');
    expect(ids).not.toContain('offer-5pct-rejected');
    expect(refusals(trace)).toEqual([]);
    expect(trace.final.outcome).toBe('settled');
    expect(final.negotiation.offers.find((o) => o.id === 'offer-2023-05')?.status).toBe('accepted');
    expect(final.action.daysOfAction).toBe(7);
  });
});
