/**
 * The 2022–24 junior doctors' pay-restoration dispute (alias 2023), replayed from the record. Every figure asserted
 * here comes from the dossier (/work/shared/history/2023.md) and the sources the scenario cites, not from the
 * replay's own output.
 */
import { describe, expect, it } from 'vitest';
import type { TraceStep } from '../../src/schemas/trace.js';
import { daysByStatus, lookups, refusals, replayed, scenario } from '../helpers/scenarios.js';

const { trace, final } = replayed('2023');
const { action, ballot, offer } = lookups(final);

/** The steps caused by time of a type, for one action (or for none). */
function timed(type: string, actionId?: string): TraceStep[] {
  return trace.steps.filter(
    (s) => s.cause === 'time' && s.event.type === type && (actionId === undefined || s.event['action'] === actionId),
  );
}

/** The eleven strikes in order, with their days as the dossier counts them (3+4+3+5+4+3+3+3+6+5+5 = 44). */
const STRIKES: [string, number][] = [
  ['strike-2023-03', 3],
  ['strike-2023-04', 4],
  ['strike-2023-06', 3],
  ['strike-2023-07', 5],
  ['strike-2023-08', 4],
  ['strike-2023-09', 3],
  ['strike-2023-10', 3],
  ['strike-2023-12', 3],
  ['strike-2024-01', 6],
  ['strike-2024-02', 5],
  ['strike-2024-06', 5],
];

describe('junior-doctors-2023: the file', () => {
  it('loads by its alias as a historical scenario that must end settled', () => {
    const s = scenario('2023');
    expect(s.id).toBe('junior-doctors-2023');
    expect(s.aliases).toContain('2023');
    expect(s.kind).toBe('historical');
    expect(s.outcome).toBe('settled');
  });

  it('cites a known source on every event', () => {
    const s = scenario('2023');
    for (const e of s.events) {
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      for (const id of e.sources) expect(s.sources, `${e.id} cites ${id}`).toHaveProperty(id);
    }
  });

  it('opens with "dispute.declared" on 1 October 2022 and ends with the accepting "referendum.closed"', () => {
    const events = scenario('2023').events;
    expect(events[0]?.type).toBe('dispute.declared');
    expect(events[0]?.at).toBe('2022-10-01');
    expect(events.at(-1)?.type).toBe('referendum.closed');
  });
});

describe('junior-doctors-2023: the replay', () => {
  it('refuses no event of the record', () => {
    expect(refusals(trace)).toEqual([]);
  });

  it('ends "settled" when the members accept the offer on 16 September 2024', () => {
    expect(trace.final.outcome).toBe('settled');
    expect(final.dispute.endedAt).toBe('2024-09-16T00:00:00+01:00');
  });

  it('records the claim of full pay restoration, 35.3%', () => {
    expect(final.dispute.declaredAt).toBe('2022-10-01T00:00:00+01:00');
    expect(final.dispute.claim?.payRestorationPct).toBe(35.3);
  });
});

describe('junior-doctors-2023: strike.called / strike.started / strike.ended', () => {
  it('holds all 11 strikes, 44 strike days, with no day suspended or called off', () => {
    expect(final.action.actions.map((a) => a.id)).toEqual(STRIKES.map(([id]) => id));
    for (const [id, days] of STRIKES) {
      expect(action(id).status, id).toBe('held');
      expect(action(id).days, id).toBe(days);
    }
    expect(daysByStatus(final)).toEqual({ held: 44 });
    expect(final.action.daysOfAction).toBe(44);
  });

  it('starts the first strike ("strike.started") at 07:00 GMT on 13 March 2023 and ends it 72 hours later', () => {
    expect(timed('strike.started', 'strike-2023-03').map((s) => s.date)).toEqual(['2023-03-13T07:00:00+00:00']);
    expect(timed('strike.ended', 'strike-2023-03').map((s) => s.date)).toEqual(['2023-03-16T07:00:00+00:00']);
  });

  it('starts the last strike at 07:00 BST on 27 June 2024 and ends it at 07:00 BST on 2 July', () => {
    expect(timed('strike.started', 'strike-2024-06').map((s) => s.date)).toEqual(['2024-06-27T07:00:00+01:00']);
    expect(timed('strike.ended', 'strike-2024-06').map((s) => s.date)).toEqual(['2024-07-02T07:00:00+01:00']);
  });

  it('ends the February 2024 strike at 23:59 on 28 February, inside the mandate that expires at its end', () => {
    expect(timed('strike.ended', 'strike-2024-02').map((s) => s.date)).toEqual(['2024-02-28T23:59:00+00:00']);
  });

  it('runs the joint days with consultants (20 Sept, 2–4 Oct 2023) on emergency cover, the rest as full walkouts (the call\'s "scopeChanges" from 21 Sept)', () => {
    const emergency = final.action.actions.filter((a) => a.scope === 'emergency-care-only').map((a) => a.id);
    expect(emergency).toEqual(['strike-2023-09', 'strike-2023-10']);
    const september = action('strike-2023-09');
    expect(september.scope).toBe('emergency-care-only');
    expect(september.scopeChanges).toEqual([{ from: '2023-09-21T07:00:00+01:00', scope: 'full-walkout' }]);
    expect(september.changes).toEqual([]);
    expect(trace.steps.some((s) => s.event.type === 'strike.rescoped')).toBe(false);
    expect(september.days).toBe(3);
    expect(action('strike-2023-10').scopeChanges).toBeUndefined();
  });
});

describe('junior-doctors-2023: ballot.opened / ballot.closed and the mandate', () => {
  it('opens the first ballot on 9 January 2023 and closes it on 20 February with a mandate', () => {
    const b = ballot('ballot-2023-01');
    expect(b.openedAt).toBe('2023-01-09T00:00:00+00:00');
    expect(b.closedAt).toBe('2023-02-20T00:00:00+00:00');
    expect(b.regime).toBe('tua-2016');
    expect(b.mandate).toBe(true);
  });

  it('gives the first ballot only the shares published, 77.49% turnout and 98% yes, and no count', () => {
    const b = ballot('ballot-2023-01');
    expect(b).not.toHaveProperty('entitled');
    expect(b).not.toHaveProperty('cast');
    expect(b).not.toHaveProperty('yes');
    expect(b).not.toHaveProperty('no');
    // 77.49 and 98, as published, to one decimal; yes of entitled is 77.49% × 98%.
    expect(b).toMatchObject({ turnoutPct: 77.5, yesPct: 98, mandate: true });
    expect(b.yesOfEntitledPct).toBeCloseTo(77.49 * 0.98, 1);
    expect(b.asAnnounced).toBeUndefined();
  });

  it('renews the mandate in the August 2023 re-ballot: 43,440 yes (98.37%) on 71.25% turnout, no other count', () => {
    const b = ballot('ballot-2023-08');
    expect(b.closedAt).toBe('2023-08-31T00:00:00+01:00');
    expect(b.yes).toBe(43440);
    expect(b).not.toHaveProperty('entitled');
    expect(b).not.toHaveProperty('cast');
    expect(b).not.toHaveProperty('no');
    // 98.37 and 71.25, as published, to one decimal (71.25 rounds up); yes of entitled is 71.25% × 98.37%.
    expect(b).toMatchObject({ yesPct: 98.4, turnoutPct: 71.3, mandate: true });
    expect(b.yesOfEntitledPct).toBeCloseTo(71.25 * 0.9837, 1);
    expect(b.asAnnounced).toBeUndefined();
  });

  it('renews it again in the 2024 re-ballot (7 Feb – 20 Mar): 34,601 votes, 33,869 yes, 702 no, 61.86% turnout', () => {
    const b = ballot('ballot-2024-02');
    expect(b).toMatchObject({
      openedAt: '2024-02-07T00:00:00+00:00',
      closedAt: '2024-03-20T12:00:00+00:00',
      cast: 34601,
      yes: 33869,
      no: 702,
      turnoutPct: 61.9,
      mandate: true,
    });
    // The number entitled was not published; yes of entitled is the turnout times 33,869 of 34,601.
    expect(b).not.toHaveProperty('entitled');
    expect(b.yesPct).toBeCloseTo((33869 / 34601) * 100, 1);
    expect(b.yesOfEntitledPct).toBeCloseTo(61.86 * (33869 / 34601), 1);
  });

  it('clears the 40%-of-entitled rule of the 2016 Act in every ballot', () => {
    expect(final.balloting.ballots).toHaveLength(3);
    for (const b of final.balloting.ballots) expect(b.yesOfEntitledPct ?? 0, b.id).toBeGreaterThan(40);
  });

  it('lets each mandate lapse ("mandate.lapsed") six months after its ballot: about 20 Aug 2023 and end of Feb 2024', () => {
    expect(timed('mandate.lapsed').map((s) => s.date)).toEqual([
      '2023-08-20T00:00:00+01:00',
      '2024-02-29T00:00:00+00:00',
    ]);
    expect(final.balloting.mandate?.ballot).toBe('ballot-2024-02');
  });
});

describe('junior-doctors-2023: offer.made / offer.rejected / award.published / award.accepted', () => {
  it('has the committee reject the 5% offer of May 2023 and the 3% proposal of December 2023', () => {
    expect(offer('offer-2023-05')).toMatchObject({ payUpliftPct: 5, status: 'rejected', decidedBy: 'committee' });
    expect(offer('offer-2023-12')).toMatchObject({ payUpliftPct: 3, status: 'rejected', decidedBy: 'committee' });
  });

  it('records the DDRB 2023/24 award, 6% + £1,250 (8.8% on average), accepted in full on 13 July 2023', () => {
    const award = final.negotiation.awards.find((a) => a.id === 'ddrb-2023-24');
    expect(award).toMatchObject({ payUpliftPct: 8.8, payYear: '2023/24', acceptedInFull: true });
    expect(award?.acceptedAt).toBe('2023-07-13T00:00:00+01:00');
  });

  it('records the DDRB 2024/25 award, 6% + £1,000 (8% on average), accepted in full on 29 July 2024', () => {
    const award = final.negotiation.awards.find((a) => a.id === 'ddrb-2024-25');
    expect(award).toMatchObject({ payUpliftPct: 8, payYear: '2024/25', acceptedInFull: true });
  });

  it('has the members accept the July 2024 offer of an extra 4.05% for 2023/24', () => {
    expect(offer('offer-2024-07')).toMatchObject({ payUpliftPct: 4.05, status: 'accepted', decidedBy: 'members' });
    expect(final.negotiation.offers).toHaveLength(3);
  });
});

describe('junior-doctors-2023: referendum.opened / referendum.closed', () => {
  it('opens the referendum on the offer on 19 August 2024 and closes it with 65.97% accepting', () => {
    expect(final.negotiation.referendums).toHaveLength(1);
    expect(final.negotiation.referendums[0]).toMatchObject({
      id: 'referendum-2024',
      kind: 'referendum',
      offer: 'offer-2024-07',
      openedAt: '2024-08-19T00:00:00+01:00',
      yesPct: 65.97,
      result: 'yes',
    });
  });
});

describe('junior-doctors-2023: talks and conciliation', () => {
  it('opens talks six times and sees five of them collapse ("talks.collapsed")', () => {
    expect(final.negotiation.talks).toHaveLength(6);
    expect(final.negotiation.talks.filter((t) => t.closedAt)).toHaveLength(5);
  });

  it('records the mediated talks of 15 May 2024', () => {
    const mediated = final.negotiation.talks.filter((t) => t.mediator);
    expect(mediated.map((t) => t.openedAt)).toEqual(['2024-05-15T00:00:00+01:00']);
  });

  it('records the BMA asking Acas on 12 April 2023, with no conciliation ever held', () => {
    expect(final.negotiation.conciliation).toEqual([{ requestedBy: 'BMA', requestedAt: '2023-04-12T00:00:00+01:00' }]);
  });
});

describe('junior-doctors-2023: office.changed and poll.published', () => {
  it('records the health secretaries in turn: Coffey, Barclay, Atkins, Streeting', () => {
    const secretaries = final.surroundings.officeHolders.filter((o) => o.role === 'Health and Social Care Secretary');
    expect(secretaries.map((o) => [o.holder, o.since.slice(0, 10)])).toEqual([
      ['Thérèse Coffey', '2022-10-01'],
      ['Steve Barclay', '2022-10-25'],
      ['Victoria Atkins', '2023-11-13'],
      ['Wes Streeting', '2024-07-05'],
    ]);
  });

  it('records the JDC co-chairs, Laurenson and Trivedi, from 1 October 2022', () => {
    const chairs = final.surroundings.officeHolders.filter((o) => o.role.startsWith('Co-chairs'));
    expect(chairs.map((o) => o.holder)).toEqual(['Dr Robert Laurenson and Dr Vivek Trivedi']);
  });

  it('records two Ipsos polls: 53% support in September 2023 and 52% in June 2024', () => {
    expect(final.surroundings.polls.map((p) => [p.pollster, p.supportPct])).toEqual([
      ['Ipsos', 53],
      ['Ipsos', 52],
    ]);
  });
});

describe('junior-doctors-2023: impact.reported', () => {
  const RESCHEDULED: Record<string, number> = {
    'strike-2023-03': 175122,
    'strike-2023-04': 196225,
    'strike-2023-06': 106120,
    'strike-2023-07': 101977,
    'strike-2023-08': 61200,
    'strike-2023-09': 129913,
    'strike-2023-10': 118026,
    'strike-2023-12': 86329,
    'strike-2024-01': 113779,
    'strike-2024-02': 91048,
    'strike-2024-06': 67034,
  };

  it("records NHS England's count of appointments rescheduled after every strike", () => {
    for (const [id] of STRIKES) {
      expect(action(id).impact?.appointmentsRescheduled, id).toBe(RESCHEDULED[id]);
      expect(action(id).impact?.by, id).toBe('NHS England');
    }
  });

  it('adds up to about 1.25 million appointments over the 11 strikes', () => {
    const total = final.action.actions.reduce((sum, a) => sum + (a.impact?.appointmentsRescheduled ?? 0), 0);
    expect(total).toBe(1246773);
  });
});
