import { describe, expect, it } from 'vitest';
import { ScenarioCatalogue } from '../../src/loader/registry.js';
import { teachingOf } from '../../src/schemas/scenario.js';
import { replay } from '../../src/simulation/replay.js';
import { daysByStatus, refusals, replayed, scenario } from '../helpers/scenarios.js';

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

/** The steps of a trace with a scenario event id, refused or not. */
function ids(trace: ReturnType<typeof replayed>['trace']): string[] {
  return trace.steps.flatMap((s) => (s.id ? [s.id] : []));
}

/** The ids of the refused steps, sorted. */
function refusedIds(trace: ReturnType<typeof replayed>['trace']): string[] {
  return trace.steps
    .filter((s) => !s.accepted)
    .map((s) => s.id ?? String(s.index))
    .sort();
}

describe('counterfactual: members accept the May 2016 deal (diverges at "referendum-result")', () => {
  const { trace, final } = replayed('2016-accept');
  const base = scenario('2016').events.map((e) => e.id);

  it('keeps the record up to the referendum, then has its own result and nothing after', () => {
    const s = scenario('2016-accept');
    expect(s.kind).toBe('counterfactual');
    expect(s.events.map((e) => e.id)).toEqual([
      ...base.slice(0, base.indexOf('referendum-result')),
      'referendum-result-accepted',
    ]);
    expect(ids(trace)).toContain('referendum-opens');
    expect(ids(trace)).not.toContain('referendum-result');
    expect(ids(trace)).not.toContain('phased-introduction');
  });

  it('settles on 5 July 2016 when members accept the deal by 58% to 42% on the real 68% turnout', () => {
    expect(refusals(trace)).toEqual([]);
    expect(trace.final.outcome).toBe('settled');
    expect(final.dispute.endedAt).toBe('2016-07-05T00:00:00+01:00');
    expect(final.negotiation.referendums).toEqual([
      expect.objectContaining({
        id: 'referendum-2016-contract',
        offer: 'offer-2016-05-18-deal',
        result: 'yes',
        yesPct: 58,
        noPct: 42,
        turnoutPct: 68,
        cast: 36953,
        entitled: 54374,
      }),
    ]);
    expect(final.negotiation.offers.find((o) => o.id === 'offer-2016-05-18-deal')).toMatchObject({
      payUpliftPct: 10,
      status: 'accepted',
      decidedBy: 'members',
    });
  });

  it('holds the 8 days of action the record held before July, with only the 2015–16 suspensions (3 + 2 days) and no autumn calls', () => {
    // Held: 12 Jan, 10 Feb, 9–10 Mar, 6–7 Apr, 26–27 Apr 2016. Suspended: 1, 8 and 16 Dec 2015, 26–27 Jan 2016.
    expect(daysByStatus(final)).toEqual({ held: 8, suspended: 5 });
    expect(final.action.daysOfAction).toBe(8);
    expect(final.action.actions.every((a) => a.calledAt < '2016-07-05')).toBe(true);
  });

  it('records no imposition but the February one, paused in May: the contract is agreed, not imposed', () => {
    expect(final.surroundings.impositions).toHaveLength(1);
    expect(final.surroundings.impositions[0]?.at).toBe('2016-02-11T00:00:00+00:00');
    expect(final.surroundings.impositions[0]?.pausedAt).toBe('2016-05-05T00:00:00+01:00');
  });
});

describe('counterfactual: under the 2016 Act, the BMA re-ballots in August 2016 (diverges at "strike-2016-09-12-called")', () => {
  const { trace, final } = replayed('2016-reballot');
  const ballot = final.balloting.ballots.find((b) => b.id === 'ballot-2016-08');

  it('judges the record by the 2016 Act, which lets the November 2015 mandate lapse on 18 May 2016', () => {
    expect(trace.scenario.rules).toBe('tua-2016');
    expect(trace.steps.filter((s) => s.event.type === 'mandate.lapsed').map((s) => s.date)).toEqual([
      '2016-05-18T00:00:00+01:00',
    ]);
  });

  it('fails the 40% rule in the new ballot: 55% yes on 68% turnout is 37.4% of those entitled', () => {
    expect(ballot).toMatchObject({ regime: 'tua-2016', turnoutPct: 68, yesPct: 55, mandate: false });
    expect(ballot?.yesOfEntitledPct).toBeCloseTo(68 * 0.55, 1);
    // The turnout clears 50%; only the 40% rule is broken.
    expect(ballot?.reasons).toHaveLength(1);
    expect(ballot?.reasons?.[0]).toMatch(/40/);
    const closed = trace.steps.find((s) => s.id === 'reballot-2016-closes');
    expect(closed?.active).toContain('active.mandate.failed');
  });

  it('would give a mandate under the law of its day (a simple majority before March 2017), as its teaching says', () => {
    const s = scenario('2016-reballot');
    const byDate = replay({ ...s, rules: 'by-date', expectRefused: undefined });
    const b = byDate.final.context.balloting.ballots.find((x) => x.id === 'ballot-2016-08');
    expect(b).toMatchObject({ regime: 'tulrca-1992', mandate: true });
  });

  it('refuses only what the later law refused before the divergence, and calls no autumn strike', () => {
    expect(refusedIds(trace)).toEqual(
      [
        'strike-2015-12-01-called',
        'mandate-window-extended',
        'strike-2015-12-01-suspended',
        'strike-2016-01-12-called',
        'strike-2016-01-12-impact',
        'strike-2016-02-10-lengthened',
      ].sort(),
    );
    expect(final.action.actions.every((a) => a.calledAt < '2016-08-01')).toBe(true);
    // After the ballot, the record's events that need no mandate: chairs, the court's ruling, the end.
    const own = scenario('2016-reballot').events.map((e) => e.id);
    expect(own.slice(own.indexOf('reballot-2016-opens'))).toEqual([
      'reballot-2016-opens',
      'reballot-2016-closes',
      'mccourt-elected',
      'jfh-jr-dismissed',
      'campbell-interim',
      'ended',
    ]);
  });

  it('ends imposed on 10 November 2016 after the 7 days of action the 2016 Act allowed (8 less 12 January)', () => {
    expect(trace.final.outcome).toBe('imposed');
    expect(final.dispute.endedAt).toBe('2016-11-10T00:00:00+00:00');
    expect(final.action.daysOfAction).toBe(7);
    expect(final.balloting.ballots).toHaveLength(2);
  });
});

describe('counterfactual: the government accepts Acas conciliation in April 2023 (diverges at "impact-strike-1")', () => {
  const { trace, final } = replayed('2023-acas');

  it('adds only the conciliation to the record: every other event after the request is the record’s own', () => {
    const invented = ['acas-opens-2023-04', 'acas-ends-2023-04'];
    const withoutNote = ({ note: _note, later: _later, ...rest }: { note?: string; later?: string }) => rest;
    const base = scenario('2023').events;
    const branch = scenario('2023-acas').events;
    const cut = branch.findIndex((e) => e.id === 'acas-opens-2023-04');
    expect(branch[cut - 1]?.id).toBe('impact-strike-2');
    expect(branch.slice(cut, cut + 2).map((e) => e.id)).toEqual(invented);
    // The rest are the record's events, changed only in their notes (which say they are the record's).
    expect(branch.filter((e) => !invented.includes(e.id)).map(withoutNote)).toEqual(base.map(withoutNote));
  });

  it('records the BMA’s request of 12 April, conciliation from 19 April and its end with an agreement on 28 April', () => {
    expect(final.negotiation.conciliation).toEqual([
      {
        requestedBy: 'BMA',
        requestedAt: '2023-04-12T00:00:00+01:00',
        openedAt: '2023-04-19T00:00:00+01:00',
        endedAt: '2023-04-28T00:00:00+01:00',
        agreement: true,
      },
    ]);
    expect(trace.steps.find((s) => s.id === 'acas-opens-2023-04')?.active).toContain('active.negotiation.conciliation');
    expect(trace.steps.find((s) => s.id === 'acas-ends-2023-04')?.active).toContain('active.negotiation.talking');
  });

  it('reaches the same 5% offer, rejected, and the same settlement on 16 September 2024 after 11 strikes and 44 days', () => {
    expect(refusals(trace)).toEqual([]);
    expect(final.negotiation.offers.find((o) => o.id === 'offer-2023-05')).toMatchObject({
      payUpliftPct: 5,
      status: 'rejected',
      decidedBy: 'committee',
    });
    expect(trace.final.outcome).toBe('settled');
    expect(final.dispute.endedAt).toBe('2024-09-16T00:00:00+01:00');
    expect(final.action.actions.filter((a) => a.status === 'held')).toHaveLength(11);
    expect(final.action.daysOfAction).toBe(44);
  });
});

describe('counterfactual: the March 2024 re-ballot misses the 50% turnout threshold (diverges at "reballot-2-closes")', () => {
  const { trace, final } = replayed('2023-low-turnout');
  const ballot = final.balloting.ballots.find((b) => b.id === 'ballot-2024-02');

  it('gives no mandate on 48% turnout though 98% vote yes (47% of those entitled, over the 40% rule)', () => {
    expect(ballot).toMatchObject({ regime: 'tua-2016', turnoutPct: 48, yesPct: 98, mandate: false });
    expect(ballot?.yesOfEntitledPct).toBeCloseTo(48 * 0.98, 0);
    expect(ballot?.reasons).toHaveLength(1);
    expect(ballot?.reasons?.[0]).toMatch(/turnout/);
    // The August 2023 mandate had lapsed at the end of February; the failed ballot leaves none.
    expect(final.balloting.mandate).toMatchObject({ ballot: 'ballot-2023-08', end: 'lapsed' });
    expect(trace.steps.find((s) => s.id === 'reballot-2-closes-short')?.active).toContain('active.mandate.failed');
  });

  it('refuses the call of 29 May 2024 for the June–July strike, and only that, as its expectRefused says', () => {
    expect(refusedIds(trace)).toEqual(['strike-11-called']);
    expect(scenario('2023-low-turnout').expectRefused).toEqual(['strike-11-called']);
    expect(refusals(trace)[0]).toContain('no live mandate');
    expect(final.action.actions.map((a) => a.id)).not.toContain('strike-2024-06');
  });

  it('follows the record after the ballot, less the strike’s impact and the poll taken on its first day', () => {
    const withoutNote = ({ note: _note, later: _later, ...rest }: { note?: string; later?: string }) => rest;
    const base = scenario('2023').events;
    const after = base.slice(base.findIndex((e) => e.id === 'reballot-2-closes') + 1);
    const own = scenario('2023-low-turnout').events;
    const kept = own.slice(own.findIndex((e) => e.id === 'reballot-2-closes-short') + 1);
    expect(kept.map(withoutNote)).toEqual(
      after.filter((e) => e.id !== 'impact-strike-11' && e.id !== 'poll-ipsos-2024-06').map(withoutNote),
    );
    expect(final.surroundings.polls.map((p) => p.supportPct)).toEqual([53]);
  });

  it('holds 10 strikes and 39 strike days (44 less the 5 of 27 June – 1 July 2024)', () => {
    expect(final.action.actions.filter((a) => a.status === 'held')).toHaveLength(10);
    expect(final.action.daysOfAction).toBe(39);
  });

  it('still settles on 16 September 2024 when members accept Streeting’s offer of an extra 4.05%', () => {
    expect(trace.final.outcome).toBe('settled');
    expect(final.dispute.endedAt).toBe('2024-09-16T00:00:00+01:00');
    expect(final.negotiation.offers.find((o) => o.id === 'offer-2024-07')).toMatchObject({
      payUpliftPct: 4.05,
      status: 'accepted',
      decidedBy: 'members',
    });
  });
});

describe('every shipped counterfactual', () => {
  const branches = new ScenarioCatalogue()
    .all()
    .filter((f) => f.data.kind === 'counterfactual')
    .map((f) => f.data.id);

  it('includes the six junior doctors’ branches', () => {
    expect(branches).toEqual(
      expect.arrayContaining([
        'junior-doctors-2016-under-tua',
        'junior-doctors-2016-members-accept',
        'junior-doctors-2016-reballot',
        'junior-doctors-2023-take-5pct',
        'junior-doctors-2023-acas',
        'junior-doctors-2023-low-turnout',
      ]),
    );
  });

  it.each(branches)('%s has a teaching note that ends with a question for class', (id) => {
    const teaching = teachingOf(scenario(id)).summary ?? '';
    expect(teaching.length).toBeGreaterThan(0);
    expect(teaching.trim().endsWith('?')).toBe(true);
  });

  it.each(branches)(
    '%s replays under strict rules: refused exactly what it expects (nothing when it lists none)',
    (id) => {
      const s = scenario(id);
      const trace = replay(s);
      expect(refusedIds(trace)).toEqual([...(s.expectRefused ?? [])].sort());
      expect(trace.final.outcome).toBe(s.outcome);
    },
  );
});
