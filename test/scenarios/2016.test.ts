/**
 * The 2015–16 junior doctors' contract dispute (alias 2016), replayed from the record. Every figure asserted here
 * comes from the dossier (/work/shared/history/2016.md) and its sources, not from the replay's own output.
 */
import { describe, expect, it } from 'vitest';
import type { ActionRecord } from '../../src/schemas/record.js';
import type { TraceStep } from '../../src/schemas/trace.js';
import { daysByStatus, refusals, replayed, scenario } from '../helpers/scenarios.js';

const { trace, final } = replayed('2016');

/** The action with an id, failing the test when it is missing. */
function action(id: string): ActionRecord {
  const found = final.action.actions.find((a) => a.id === id);
  if (!found) throw new Error(`no action ${id} in the replay`);
  return found;
}

/** The steps caused by time of a type, for one action. */
function timed(type: string, actionId: string): TraceStep[] {
  return trace.steps.filter((s) => s.cause === 'time' && s.event.type === type && s.event['action'] === actionId);
}

describe('junior-doctors-2016: the file', () => {
  it('loads by its alias as a historical scenario that must end imposed', () => {
    const s = scenario('2016');
    expect(s.id).toBe('junior-doctors-2016');
    expect(s.kind).toBe('historical');
    expect(s.outcome).toBe('imposed');
  });

  it('cites a known source on every event', () => {
    const s = scenario('2016');
    for (const e of s.events) {
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      for (const id of e.sources) expect(s.sources, `${e.id} cites ${id}`).toHaveProperty(id);
    }
  });
});

describe('junior-doctors-2016: the replay', () => {
  it('refuses no event of the record', () => {
    expect(refusals(trace)).toEqual([]);
  });

  it('ends "imposed" after dispute.ended on 10 November 2016', () => {
    expect(trace.final.outcome).toBe('imposed');
    expect(final.dispute.endedAt).toBe('2016-11-10T00:00:00+00:00');
    expect(final.surroundings.impositions.map((i) => i.at)).toEqual([
      '2016-02-11T00:00:00+00:00',
      '2016-07-06T00:00:00+01:00',
    ]);
  });
});

describe('junior-doctors-2016: ballot.opened / ballot.closed (Nov 2015)', () => {
  it('records the one statutory ballot: 37,155 balloted, 28,316 returned, 27,741 yes, 564 no', () => {
    expect(final.balloting.ballots).toHaveLength(1);
    const b = final.balloting.ballots[0];
    expect(b).toMatchObject({
      id: 'ballot-2015-11',
      regime: 'tulrca-1992',
      openedAt: '2015-11-05T00:00:00+00:00',
      closedAt: '2015-11-18T17:00:00+00:00',
      entitled: 37155,
      cast: 28316,
      yes: 27741,
      no: 564,
      mandate: true,
    });
  });

  it('gives a turnout of 76.2%, 98% yes of votes cast and 74.7% yes of all balloted', () => {
    const b = final.balloting.ballots[0];
    expect(b?.turnoutPct).toBe(76.2);
    expect(b?.yesPct).toBe(98);
    expect(b?.yesOfEntitledPct).toBe(74.7);
  });
});

describe('junior-doctors-2016: the mandate (mandate.extended, mandate.windowClosed, mandate.relinquished)', () => {
  it('extends the window to start action by agreement to 5pm on 13 January 2016', () => {
    const step = trace.steps.find((s) => s.id === 'mandate-window-extended');
    expect(step?.accepted).toBe(true);
    expect(step?.event['until']).toBe('2016-01-13T17:00');
  });

  it('closes the window at 17:00 on 13 January with action begun, so the mandate stays live', () => {
    const closed = trace.steps.filter((s) => s.event.type === 'mandate.windowClosed');
    expect(closed.map((s) => s.date)).toEqual(['2016-01-13T17:00:00+00:00']);
    expect(closed[0]?.active).toContain('active.mandate.live.openEnded');
    expect(trace.steps.some((s) => s.event.type === 'mandate.lapsed')).toBe(false);
  });

  it('is given up by the committee on 10 November 2016', () => {
    expect(final.balloting.mandate).toMatchObject({
      ballot: 'ballot-2015-11',
      end: 'relinquished',
      endedAt: '2016-11-10T00:00:00+00:00',
    });
  });
});

describe('junior-doctors-2016: strikes (strike.called, strike.suspended, strike.rescoped)', () => {
  it('holds 8 days of action and leaves 25 days suspended, none called off', () => {
    expect(daysByStatus(final)).toEqual({ held: 8, suspended: 25 });
    expect(final.action.daysOfAction).toBe(8);
  });

  it('holds the five rounds of 12 Jan, 10 Feb, 9–11 Mar, 6–8 Apr and 26–27 Apr 2016', () => {
    const held = final.action.actions.filter((a) => a.status === 'held').map((a) => a.id);
    expect(held).toEqual([
      'strike-2016-01-12',
      'strike-2016-02-10',
      'strike-2016-03-09',
      'strike-2016-04-06',
      'strike-2016-04-26',
    ]);
  });

  it('suspends the December 2015, late-January and September–December 2016 actions before they start', () => {
    const suspended = final.action.actions.filter((a) => a.status === 'suspended').map((a) => a.id);
    expect(suspended).toEqual([
      'strike-2015-12-01',
      'strike-2015-12-08',
      'strike-2015-12-16',
      'strike-2016-01-26',
      'strike-2016-09-12',
      'strike-2016-10-05',
      'strike-2016-10-10',
      'strike-2016-11-14',
      'strike-2016-12-05',
    ]);
    expect(action('strike-2015-12-01').changes).toEqual([{ at: '2015-11-30T00:00:00+00:00', change: 'suspended' }]);
    expect(action('strike-2016-01-26').changes).toEqual([{ at: '2016-01-19T00:00:00+00:00', change: 'suspended' }]);
    expect(action('strike-2016-09-12').changes).toEqual([{ at: '2016-09-05T00:00:00+01:00', change: 'suspended' }]);
  });

  it('starts the first strike (strike.started) at 08:00 on 12 January 2016 and ends it at 08:00 the next day', () => {
    expect(timed('strike.started', 'strike-2016-01-12').map((s) => s.date)).toEqual(['2016-01-12T08:00:00+00:00']);
    expect(timed('strike.ended', 'strike-2016-01-12').map((s) => s.date)).toEqual(['2016-01-13T08:00:00+00:00']);
    expect(action('strike-2016-01-12').scope).toBe('emergency-care-only');
  });

  it('downgrades 10 February (strike.rescoped, strike.rescheduled) to 24 hours of emergency care only', () => {
    const a = action('strike-2016-02-10');
    expect(a.scope).toBe('emergency-care-only');
    expect(a.changes.map((c) => c.at)).toEqual(['2016-02-01T00:00:00+00:00', '2016-02-01T00:00:00+00:00']);
    expect(timed('strike.started', 'strike-2016-02-10').map((s) => s.date)).toEqual(['2016-02-10T08:00:00+00:00']);
    expect(timed('strike.ended', 'strike-2016-02-10').map((s) => s.date)).toEqual(['2016-02-11T08:00:00+00:00']);
  });

  it('runs the two 48-hour emergency-care-only strikes of March and April on time', () => {
    expect(timed('strike.started', 'strike-2016-03-09').map((s) => s.date)).toEqual(['2016-03-09T08:00:00+00:00']);
    expect(timed('strike.ended', 'strike-2016-03-09').map((s) => s.date)).toEqual(['2016-03-11T08:00:00+00:00']);
    expect(timed('strike.started', 'strike-2016-04-06').map((s) => s.date)).toEqual(['2016-04-06T08:00:00+01:00']);
    expect(timed('strike.ended', 'strike-2016-04-06').map((s) => s.date)).toEqual(['2016-04-08T08:00:00+01:00']);
    expect(action('strike-2016-03-09').days).toBe(2);
    expect(action('strike-2016-04-06').days).toBe(2);
  });

  it('escalates 26 April (strike.rescoped on 23 March) to the first full walkout, held over two days', () => {
    const a = action('strike-2016-04-26');
    expect(a.scope).toBe('full-walkout');
    expect(a.changes).toEqual([{ at: '2016-03-23T00:00:00+00:00', change: 'scope changed to full-walkout' }]);
    expect(timed('strike.started', 'strike-2016-04-26').map((s) => s.date)).toEqual(['2016-04-26T08:00:00+01:00']);
    expect(a.days).toBe(2);
  });

  it('plans the 2016 five-day walkouts as 08:00–17:00 full walkouts of five weekdays each', () => {
    for (const id of ['strike-2016-09-12', 'strike-2016-11-14', 'strike-2016-12-05']) {
      expect(action(id)).toMatchObject({ scope: 'full-walkout', hours: '08:00-17:00' });
    }
    expect(action('strike-2016-09-12')).toMatchObject({
      start: '2016-09-12T08:00:00+01:00',
      end: '2016-09-16T17:00:00+01:00',
    });
  });
});

describe('junior-doctors-2016: impact.reported', () => {
  it('records NHS England figures: 3,454 procedures postponed on 12 Jan, 21,608 juniors absent on 26 Apr', () => {
    expect(action('strike-2016-01-12').impact).toMatchObject({ appointmentsRescheduled: 3454, by: 'NHS England' });
    expect(action('strike-2016-02-10').impact?.appointmentsRescheduled).toBe(2884);
    expect(action('strike-2016-03-09').impact?.appointmentsRescheduled).toBe(5264);
    expect(action('strike-2016-04-06').impact?.appointmentsRescheduled).toBe(5165);
    expect(action('strike-2016-04-26').impact).toMatchObject({
      appointmentsRescheduled: 12711 + 112856,
      staffAbsentPeak: 21608,
    });
  });
});

describe('junior-doctors-2016: offers (offer.made, offer.rejected) and the referendum', () => {
  it('records the offers in order with their headline pay numbers', () => {
    expect(final.negotiation.offers.map((o) => [o.id, o.payUpliftPct, o.status])).toEqual([
      ['offer-2015-10-assurances', undefined, 'rejected'],
      ['offer-2015-11-04', 11, 'superseded'],
      ['offer-2016-02-09-final', undefined, 'rejected'],
      ['offer-2016-05-18-deal', 10, 'rejected'],
    ]);
  });

  it('has the committee reject Dalton\'s "best and final" offer when the 3pm deadline of 10 February passes', () => {
    const o = final.negotiation.offers.find((x) => x.id === 'offer-2016-02-09-final');
    expect(o).toMatchObject({ decidedBy: 'committee', decidedAt: '2016-02-10T15:00:00+00:00' });
  });

  it('has the members reject the May 2016 deal: 42% yes, 58% no on a 68% turnout (referendum.closed)', () => {
    expect(final.negotiation.referendums).toHaveLength(1);
    expect(final.negotiation.referendums[0]).toMatchObject({
      kind: 'referendum',
      offer: 'offer-2016-05-18-deal',
      openedAt: '2016-06-17T00:00:00+01:00',
      entitled: 54374,
      cast: 36953,
      turnoutPct: 68,
      yesPct: 42,
      noPct: 58,
      result: 'no',
    });
    const deal = final.negotiation.offers.find((x) => x.id === 'offer-2016-05-18-deal');
    expect(deal?.decidedBy).toBe('members');
  });
});

describe('junior-doctors-2016: conciliation and talks', () => {
  it('records the Acas rounds of Nov 2015, Jan 2016 and May 2016 with their endings', () => {
    expect(
      final.negotiation.conciliation.map((c) => [c.requestedBy, c.declinedBy, c.openedAt, c.endedAt, c.agreement]),
    ).toEqual([
      ['British Medical Association', 'Jeremy Hunt', undefined, undefined, undefined],
      ['both parties', undefined, '2015-11-26T00:00:00+00:00', '2015-11-30T00:00:00+00:00', true],
      ['Jeremy Hunt', undefined, '2016-01-08T00:00:00+00:00', '2016-01-29T00:00:00+00:00', false],
      ['both parties', undefined, '2016-05-09T00:00:00+01:00', '2016-05-18T00:00:00+01:00', true],
    ]);
  });
});

describe('junior-doctors-2016: office.changed, challenge.filed / challenge.decided, poll.published', () => {
  it('follows the JDC chair from Malawana to McCourt to Campbell, with Hunt at health throughout', () => {
    const chairs = final.surroundings.officeHolders.filter((o) => o.role === 'Chair, BMA junior doctors committee');
    expect(chairs.map((o) => o.holder)).toEqual(['Johann Malawana', 'Ellen McCourt', 'Ellen McCourt', 'Pete Campbell']);
    expect(chairs[0]?.since).toBe('2015-09-26T00:00:00+01:00');
    const health = final.surroundings.officeHolders.filter((o) => o.role === 'Secretary of State for Health');
    expect(health.map((o) => o.holder)).toEqual(['Jeremy Hunt', 'Jeremy Hunt']);
  });

  it('records the two judicial reviews: the BMA withdrew its own, Justice for Health lost on 28 September 2016', () => {
    expect(final.surroundings.challenges.map((c) => [c.id, c.result])).toEqual([
      ['bma-equality-jr', 'withdrawn'],
      ['justice-for-health-jr', 'dismissed'],
    ]);
    expect(final.surroundings.challenges[1]?.decidedAt).toBe('2016-09-28T00:00:00+01:00');
  });

  it('records Ipsos MORI support falling from 66% in January to 57% for the full walkout', () => {
    const mori = final.surroundings.polls.filter((p) => p.pollster.startsWith('Ipsos MORI')).map((p) => p.supportPct);
    expect(mori).toEqual([66, 44, 66, 65, 57]);
  });
});
