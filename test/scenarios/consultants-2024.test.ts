/**
 * The BMA consultants' pay dispute in England, 2023–24 (alias consultants), replayed from the record. Every date and
 * figure asserted here comes from the dossier (docs/research/consultants-2024.md) and the sources the scenario cites,
 * not from the replay's own output.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioEvent } from '../../src/schemas/scenario.js';
import type { TraceStep } from '../../src/schemas/trace.js';
import { replay } from '../../src/simulation/replay.js';
import { daysByStatus, lookups, refusals, replayed, scenario } from '../helpers/scenarios.js';

const { trace, final } = replayed('consultants-2024');
const { action, ballot, offer, vote } = lookups(final);

/** The scenario's own event with an id, as the file gives it. */
function event(id: string): ScenarioEvent & Record<string, unknown> {
  const found = scenario('consultants-2024').events.find((e) => e.id === id);
  if (!found) throw new Error(`no event ${id} in the file`);
  return found as ScenarioEvent & Record<string, unknown>;
}

/** The steps caused by time of a type, for one action (or for none). */
function timed(type: string, actionId?: string): TraceStep[] {
  return trace.steps.filter(
    (s) => s.cause === 'time' && s.event.type === type && (actionId === undefined || s.event['action'] === actionId),
  );
}

/** The strike under way at an instant (UK local time), replaying the record up to it; null when none is. */
function runningAt(instant: string): string | null {
  return replay(scenario('consultants-2024'), { until: instant }).final.context.action.running;
}

/**
 * The four strikes (dossier §3d), each 07:00 to 07:00 BST: 20–22 Jul (48h), 24–26 Aug (48h), 19–21 Sep (48h),
 * 2–5 Oct 2023 (72h); called 27 Jun, 17 Jul (16 or 17, §6.9), 7 Aug and 24 Aug (§6.10).
 */
const STRIKES: { id: string; called: string; start: string; end: string; days: number }[] = [
  {
    id: 'cc-strike-2023-07',
    called: '2023-06-27',
    start: '2023-07-20T07:00:00+01:00',
    end: '2023-07-22T07:00:00+01:00',
    days: 2,
  },
  {
    id: 'cc-strike-2023-08',
    called: '2023-07-17',
    start: '2023-08-24T07:00:00+01:00',
    end: '2023-08-26T07:00:00+01:00',
    days: 2,
  },
  {
    id: 'cc-strike-2023-09',
    called: '2023-08-07',
    start: '2023-09-19T07:00:00+01:00',
    end: '2023-09-21T07:00:00+01:00',
    days: 2,
  },
  {
    id: 'cc-strike-2023-10',
    called: '2023-08-24',
    start: '2023-10-02T07:00:00+01:00',
    end: '2023-10-05T07:00:00+01:00',
    days: 3,
  },
];

describe('consultants-2024: the file', () => {
  it("loads by its id and by its alias 'consultants' as a historical scenario that must end settled", () => {
    const byId = scenario('consultants-2024');
    const byAlias = scenario('consultants');
    expect(byAlias.id).toBe('consultants-2024');
    expect(byId.aliases).toEqual(['consultants']);
    expect(byId.kind).toBe('historical');
    expect(byId.outcome).toBe('settled');
    expect(byAlias.events.length).toBe(byId.events.length);
  });

  it('cites a known source on every event and says how sure it is; every uncertain event says why', () => {
    const s = scenario('consultants-2024');
    for (const e of s.events) {
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      for (const id of e.sources) expect(s.sources, `${e.id} cites ${id}`).toHaveProperty(id);
      expect(['high', 'medium', 'uncertain'], e.id).toContain(e.confidence);
      if (e.confidence === 'uncertain') expect(e.note, e.id).toBeTruthy();
      if (e.quote) expect(s.sources, `${e.id} quotes ${e.quote.source}`).toHaveProperty(e.quote.source);
    }
  });

  it("keeps NHS England's own address for its 26 July 2023 release, and the WiredGov copy that was read as archived", () => {
    const source = scenario('consultants-2024').sources['nhse-2023-07-26'];
    expect(source?.url).toMatch(/^https:\/\/www\.england\.nhs\.uk\//);
    expect(source?.archived).toMatch(/^https:\/\/www\.wired-gov\.net\//);
  });

  it('opens with "dispute.declared" on 31 January 2023 and ends with the accepting "referendum.closed" on 5 April 2024', () => {
    const events = scenario('consultants-2024').events;
    expect(events[0]?.type).toBe('dispute.declared');
    expect(events[0]?.at).toBe('2023-01-31');
    expect(events.at(-1)?.type).toBe('referendum.closed');
    expect(events.at(-1)?.at).toBe('2024-04-05');
  });
});

describe('consultants-2024: the replay', () => {
  it('refuses no event of the record', () => {
    expect(refusals(trace)).toEqual([]);
  });

  it('ends "settled" when the members accept the revised offer, announced on 5 April 2024', () => {
    expect(trace.final.outcome).toBe('settled');
    expect(final.dispute.endedAt).toBe('2024-04-05T00:00:00+01:00');
  });

  it('records the claim in words only: no single pay percentage was claimed', () => {
    expect(final.dispute.declaredAt).toBe('2023-01-31T00:00:00+00:00');
    expect(final.dispute.claim?.summary).toMatch(/pension/);
    expect(final.dispute.claim?.payRestorationPct).toBeUndefined();
  });
});

describe('consultants-2024: strike.called / strike.started / strike.ended', () => {
  it('holds all four strikes, nine strike days, none suspended or called off', () => {
    expect(final.action.actions.map((a) => a.id)).toEqual(STRIKES.map((s) => s.id));
    for (const s of STRIKES) {
      expect(action(s.id).status, s.id).toBe('held');
      expect(action(s.id).days, s.id).toBe(s.days);
    }
    expect(daysByStatus(final)).toEqual({ held: 9 });
    expect(final.action.daysOfAction).toBe(9);
  });

  it('starts and ends each strike at 07:00 BST on the days the sources give', () => {
    for (const s of STRIKES) {
      expect(
        timed('strike.started', s.id).map((t) => t.date),
        s.id,
      ).toEqual([s.start]);
      expect(
        timed('strike.ended', s.id).map((t) => t.date),
        s.id,
      ).toEqual([s.end]);
    }
  });

  it('calls each strike on the day it was announced', () => {
    for (const s of STRIKES) expect(action(s.id).calledAt.slice(0, 10), s.id).toBe(s.called);
  });

  it('runs every strike under Christmas Day cover (emergency care only), with no change of scope', () => {
    for (const s of STRIKES) {
      expect(action(s.id).scope, s.id).toBe('emergency-care-only');
      expect(action(s.id).derogations, s.id).toMatch(/Christmas Day/);
      expect(action(s.id).changes, s.id).toEqual([]);
    }
  });

  it('calls all four under the June 2023 mandate', () => {
    for (const s of STRIKES) expect(action(s.id).ballot, s.id).toBe('cc-ballot-2023-05');
  });

  it('notes the joint days with junior doctors (20 Sept; 2–4 Oct 2023) on the strikes they fell in', () => {
    // Known only once the junior doctors called their own strikes: said with hindsight, in `later`.
    expect(event('strike-3-called').later).toMatch(/20\s+September/);
    expect(event('strike-4-called').later).toMatch(/Junior doctors joined/);
  });
});

describe('consultants-2024: quiet days', () => {
  it('has a strike under way during each strike and none on the days between them', () => {
    expect(runningAt('2023-07-21T12:00')).toBe('cc-strike-2023-07');
    expect(runningAt('2023-08-10')).toBeNull();
    expect(runningAt('2023-08-25T12:00')).toBe('cc-strike-2023-08');
    expect(runningAt('2023-09-01')).toBeNull();
    expect(runningAt('2023-09-20T12:00')).toBe('cc-strike-2023-09');
    expect(runningAt('2023-09-22')).toBeNull();
    expect(runningAt('2023-10-04T12:00')).toBe('cc-strike-2023-10');
  });

  it('has no strike under way or called after 07:00 on 5 October 2023', () => {
    for (const day of ['2023-10-05T07:01', '2023-11-27', '2024-01-26', '2024-03-01', '2024-04-04']) {
      expect(runningAt(day), day).toBeNull();
    }
    const calls = scenario('consultants-2024').events.filter((e) => e.type === 'strike.called');
    expect(calls.map((e) => e.at)).toEqual(STRIKES.map((s) => s.called));
    expect(final.action.pending).toEqual([]);
  });
});

describe('consultants-2024: ballot.opened / ballot.closed and the mandate', () => {
  it('opens the statutory ballot on 15 May 2023 and closes it on 27 June with a mandate', () => {
    const b = ballot('cc-ballot-2023-05');
    expect(b.openedAt).toBe('2023-05-15T00:00:00+01:00');
    expect(b.closedAt).toBe('2023-06-27T00:00:00+01:00');
    expect(b.regime).toBe('tua-2016');
    expect(b.mandate).toBe(true);
  });

  it('gives it 24,106 votes cast and 20,741 yes on a 71.08% turnout, clearing the 40%-of-entitled rule', () => {
    const b = ballot('cc-ballot-2023-05');
    expect(b.cast).toBe(24106);
    expect(b.yes).toBe(20741);
    expect(b.turnoutPct).toBeCloseTo(71.08, 1);
    expect(b.yesOfEntitledPct ?? 0).toBeGreaterThan(40);
  });

  it('writes only the published figures: 86.08% yes as the BMA gave it, and no entitled or no count', () => {
    const e = event('ballot-1-closes');
    expect(e).toMatchObject({ cast: 24106, yes: 20741, turnoutPct: 71.08, yesPct: 86.08 });
    expect(e).not.toHaveProperty('entitled');
    expect(e).not.toHaveProperty('no');
    const b = ballot('cc-ballot-2023-05');
    expect(b.entitled).toBeUndefined();
    expect(b.no).toBeUndefined();
  });

  it('counts the first mandate from 27 June 2023 to the end of 26 December, as the BMA dated it', () => {
    const before = replay(scenario('consultants-2024'), { until: '2023-11-01' }).final.context.balloting.mandate;
    expect(before).toMatchObject({
      ballot: 'cc-ballot-2023-05',
      grantedAt: '2023-06-27T00:00:00+01:00',
      expiresAt: '2023-12-27T00:00:00+00:00',
    });
  });

  it('renews the mandate by the re-ballot of 6 November – 18 December 2023, as announced, with no figures', () => {
    const b = ballot('cc-ballot-2023-11');
    expect(b.openedAt).toBe('2023-11-06T00:00:00+00:00');
    expect(b.closedAt).toBe('2023-12-18T00:00:00+00:00');
    expect(b.mandate).toBe(true);
    expect(b.asAnnounced).toBe(true);
    for (const field of ['entitled', 'cast', 'yes', 'no', 'turnoutPct', 'yesPct'] as const) {
      expect(b[field], field).toBeUndefined();
    }
    const e = event('ballot-2-closes');
    expect(e['result']).toBe('mandate');
    for (const field of ['entitled', 'cast', 'yes', 'no', 'turnoutPct', 'yesPct']) expect(e).not.toHaveProperty(field);
  });

  it('runs the renewed mandate six months from 18 December 2023 (to the end of 17 June 2024; the BMA said 18 June)', () => {
    expect(final.balloting.mandate).toMatchObject({
      ballot: 'cc-ballot-2023-11',
      grantedAt: '2023-12-18T00:00:00+00:00',
      expiresAt: '2024-06-18T00:00:00+01:00',
    });
  });

  it('lets no mandate lapse while the dispute lasts ("mandate.lapsed" never fires)', () => {
    expect(timed('mandate.lapsed')).toEqual([]);
    expect(final.balloting.ballots.map((b) => b.id)).toEqual(['cc-ballot-2023-05', 'cc-ballot-2023-11']);
  });
});

describe('consultants-2024: award.published / award.accepted', () => {
  it('records the DDRB 2023/24 award of 6% for consultants, accepted in full as final on 13 July 2023', () => {
    const award = final.negotiation.awards.find((a) => a.id === 'ddrb-2023-24');
    expect(award).toMatchObject({ payUpliftPct: 6, payYear: '2023/24', acceptedInFull: true });
    expect(award?.acceptedAt).toBe('2023-07-13T00:00:00+01:00');
  });
});

describe('consultants-2024: referendum.opened / referendum.closed and the offers', () => {
  it('records the consultative ballot as an advisory survey: 86% for strikes on a 61% turnout, result 6 March 2023', () => {
    const v = vote('cc-consultative-2023-02');
    expect(v).toMatchObject({ kind: 'survey', yesPct: 86, turnoutPct: 61, closedAt: '2023-03-06T00:00:00+00:00' });
    expect(v.offer).toBeUndefined();
  });

  it('has the members reject offer 1 (27 Nov 2023) by 51.1% on a 65% turnout, announced 25 January 2024', () => {
    const v = vote('cc-referendum-2023-12');
    expect(v).toMatchObject({
      kind: 'referendum',
      offer: 'cc-offer-2023-11',
      openedAt: '2023-12-14T00:00:00+00:00',
      closedAt: '2024-01-25T00:00:00+00:00',
      noPct: 51.1,
      turnoutPct: 65,
      result: 'no',
    });
    expect(event('referendum-1-opens')['closes']).toBe('2024-01-23');
    expect(offer('cc-offer-2023-11')).toMatchObject({
      madeAt: '2023-11-27T00:00:00+00:00',
      payUpliftPct: 4.95,
      payYear: '2023/24',
      status: 'rejected',
      decidedBy: 'members',
    });
  });

  it('writes no share the sources did not publish: no yes share for offer 1, no no share for offer 2 or the survey', () => {
    expect(event('referendum-1-closes')).not.toHaveProperty('yesPct');
    expect(event('referendum-2-closes')).not.toHaveProperty('noPct');
    expect(event('consultative-ballot-result')).not.toHaveProperty('noPct');
  });

  it('has the members accept the revised offer (5 Mar 2024) by 83% on a 62% turnout, announced 5 April 2024', () => {
    const v = vote('cc-referendum-2024-03');
    expect(v).toMatchObject({
      kind: 'referendum',
      offer: 'cc-offer-2024-03',
      openedAt: '2024-03-14T00:00:00+00:00',
      closedAt: '2024-04-05T00:00:00+01:00',
      yesPct: 83,
      turnoutPct: 62,
      result: 'yes',
    });
    expect(event('referendum-2-opens')['closes']).toBe('2024-04-03');
    const o = offer('cc-offer-2024-03');
    expect(o).toMatchObject({ madeAt: '2024-03-05T00:00:00+00:00', status: 'accepted', decidedBy: 'members' });
    expect(o.payUpliftPct).toBeUndefined();
  });

  it('holds the two offers and the three member votes, in order', () => {
    expect(final.negotiation.offers.map((o) => o.id)).toEqual(['cc-offer-2023-11', 'cc-offer-2024-03']);
    expect(final.negotiation.referendums.map((r) => r.id)).toEqual([
      'cc-consultative-2023-02',
      'cc-referendum-2023-12',
      'cc-referendum-2024-03',
    ]);
  });
});

describe('consultants-2024: talks and conciliation', () => {
  it('has the spring talks break down and the autumn and 2024 talks each end with an offer', () => {
    expect(final.negotiation.talks).toHaveLength(3);
    const [spring, autumn, next] = final.negotiation.talks;
    expect(spring).toMatchObject({ with: 'government', closedAt: '2023-05-15T00:00:00+01:00' });
    expect(spring?.concluded).toBeUndefined();
    expect(autumn).toMatchObject({ concluded: true, offer: 'cc-offer-2023-11' });
    expect(autumn?.closedAt).toBe('2023-11-27T00:00:00+00:00');
    expect(next).toMatchObject({ concluded: true, offer: 'cc-offer-2024-03' });
    expect(next?.closedAt).toBe('2024-03-05T00:00:00+00:00');
  });

  it('records the committee offering Acas conciliation on 3 October 2023, never taken up', () => {
    expect(final.negotiation.conciliation).toEqual([
      { requestedBy: 'BMA consultants committee', requestedAt: '2023-10-03T00:00:00+01:00' },
    ]);
  });
});

describe('consultants-2024: office.changed', () => {
  it('records the health secretaries in turn: Barclay, then Atkins from 13 November 2023', () => {
    const secretaries = final.surroundings.officeHolders.filter((o) => o.role === 'Health and Social Care Secretary');
    expect(secretaries.map((o) => [o.holder, o.since.slice(0, 10)])).toEqual([
      ['Steve Barclay', '2023-01-31'],
      ['Victoria Atkins', '2023-11-13'],
    ]);
  });

  it('records Dr Vishal Sharma as chair of the consultants committee throughout', () => {
    const chairs = final.surroundings.officeHolders.filter((o) => o.role === 'Chair, BMA consultants committee');
    expect(chairs.map((o) => o.holder)).toEqual(['Dr Vishal Sharma']);
  });
});

describe('consultants-2024: impact.reported', () => {
  it("records NHS England's hospital appointments rescheduled for the two consultant-only strikes", () => {
    expect(action('cc-strike-2023-07').impact).toMatchObject({ appointmentsRescheduled: 65557, by: 'NHS England' });
    // 45,827 hospital appointments (PA report of NHS England's data); the dossier's 47,129 adds 1,302 community,
    // mental health and learning disability cancellations, which the July figure does not count.
    expect(action('cc-strike-2023-08').impact).toMatchObject({ appointmentsRescheduled: 45827, by: 'NHS England' });
  });

  it('gives the joint strikes (September, October) no impact: their NHS England figures count junior doctors too', () => {
    expect(action('cc-strike-2023-09').impact).toBeUndefined();
    expect(action('cc-strike-2023-10').impact).toBeUndefined();
  });
});
