/**
 * The Royal College of Nursing's pay dispute in England, 2022–23 (alias rcn-2023), replayed from the record. Every
 * date and figure asserted here comes from the dossier (docs/research/rcn-2023.md) and the sources the scenario
 * cites, not from the replay's own output.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioEvent } from '../../src/schemas/scenario.js';
import type { TraceStep } from '../../src/schemas/trace.js';
import { replay } from '../../src/simulation/replay.js';
import { daysByStatus, lookups, refusals, replayed, scenario } from '../helpers/scenarios.js';

const { trace, final } = replayed('rcn-2023');
const { action, ballot, offer } = lookups(final);

/** The scenario's own event with an id, as the file gives it. */
function event(id: string): ScenarioEvent & Record<string, unknown> {
  const found = scenario('rcn-2023').events.find((e) => e.id === id);
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
  return replay(scenario('rcn-2023'), { until: instant }).final.context.action.running;
}

/** Whole calendar days from one day to another, as TULRCA s.234A counts notice (the 15th to the 1st is 14). */
function calendarDays(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  );
}

/**
 * The six periods of action as the dossier gives them (§3): two single December days, then two-day rounds in
 * January and February, the 48-hour March strike (suspended), and the April strike as the court left it. Days are
 * strike days: 1 + 1 + 2 + 2 held by February, 2 for March (never held), and 30 April and 1 May.
 */
const STRIKES = [
  {
    id: 'rcn-strike-2022-12-15',
    called: '2022-11-25',
    start: '2022-12-15T08:00:00+00:00',
    end: '2022-12-15T20:00:00+00:00',
    days: 1,
    status: 'held',
    trusts: 44,
    scope: 'emergency-care-only',
  },
  {
    id: 'rcn-strike-2022-12-20',
    called: '2022-11-25',
    start: '2022-12-20T08:00:00+00:00',
    end: '2022-12-20T20:00:00+00:00',
    days: 1,
    status: 'held',
    trusts: 44,
    scope: 'emergency-care-only',
  },
  {
    id: 'rcn-strike-2023-01-18',
    called: '2022-12-23',
    start: '2023-01-18T08:00:00+00:00',
    end: '2023-01-19T20:00:00+00:00',
    days: 2,
    status: 'held',
    trusts: 55,
    scope: 'emergency-care-only',
  },
  {
    id: 'rcn-strike-2023-02-06',
    called: '2023-01-16',
    start: '2023-02-06T08:00:00+00:00',
    end: '2023-02-07T20:00:00+00:00',
    days: 2,
    status: 'held',
    trusts: 73,
    scope: 'emergency-care-only',
  },
  {
    id: 'rcn-strike-2023-03-01',
    called: '2023-02-16',
    start: '2023-03-01T06:00:00+00:00',
    end: '2023-03-03T06:00:00+00:00',
    days: 2,
    status: 'suspended',
    trusts: 128,
    scope: 'full-walkout',
  },
  {
    id: 'rcn-strike-2023-04-30',
    called: '2023-04-14',
    start: '2023-04-30T20:00:00+01:00',
    end: '2023-05-01T23:59:00+01:00',
    days: 2,
    status: 'held',
    trusts: undefined,
    scope: 'full-walkout',
  },
] as const;

describe('rcn-nurses-2023: the file', () => {
  it('loads by id and by its alias as a historical scenario that must end abandoned', () => {
    const s = scenario('rcn-2023');
    expect(s.id).toBe('rcn-nurses-2023');
    expect(scenario('rcn-nurses-2023').id).toBe('rcn-nurses-2023');
    expect(s.aliases).toEqual(['rcn-2023']);
    expect(s.kind).toBe('historical');
    expect(s.outcome).toBe('abandoned');
    expect(s.period).toEqual({ from: '2022-07-19', to: '2023-06-27' });
  });

  it('cites a known source on every event, and quotes only a source the event cites', () => {
    const s = scenario('rcn-2023');
    for (const e of s.events) {
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      for (const id of e.sources) expect(s.sources, `${e.id} cites ${id}`).toHaveProperty(id);
      if (e.quote) expect(e.sources, `${e.id} quotes ${e.quote.source}`).toContain(e.quote.source);
      expect(e.confidence, e.id).toBeDefined();
    }
  });

  it('gives every uncertain event a note saying why', () => {
    const uncertain = scenario('rcn-2023').events.filter((e) => e.confidence === 'uncertain');
    expect(uncertain.map((e) => e.id)).toEqual([
      'strike-2022-12-15-called',
      'strike-2022-12-20-called',
      'strike-2023-01-called',
      'strike-2023-02-called',
      'strike-2023-03-called',
      'challenge-filed',
      'dispute-ended',
    ]);
    for (const e of uncertain) expect(e.note ?? '', e.id).toMatch(/infer|not found|no source/i);
  });

  it('keeps the original publisher in url and the copy read in archived', () => {
    const { sources } = scenario('rcn-2023');
    expect(sources['guardian-2023-06-27']).toMatchObject({
      url: expect.stringMatching(/^https:\/\/www\.theguardian\.com\//),
      archived: expect.stringMatching(/^https:\/\/inkl\.com\//),
    });
    expect(sources['bbc-2022-12-23']).toMatchObject({
      url: 'https://www.bbc.co.uk/news/health-64076956',
      archived: 'https://feeds.bbci.co.uk/news/health-64076956',
    });
    expect(sources['nhse-2023-05-03']).toMatchObject({
      url: expect.stringMatching(/^https:\/\/www\.england\.nhs\.uk\//),
      archived: expect.stringMatching(/amspar\.org/),
    });
  });

  it('opens with the 2022/23 award on 19 July 2022 and ends with "dispute.ended" on 27 June 2023', () => {
    const events = scenario('rcn-2023').events;
    expect(events.slice(0, 3).map((e) => [e.type, e.at])).toEqual([
      ['award.published', '2022-07-19'],
      ['award.accepted', '2022-07-19'],
      ['dispute.declared', '2022-07-19'],
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'dispute.ended', at: '2023-06-27', confidence: 'uncertain' });
  });
});

describe('rcn-nurses-2023: the replay', () => {
  it('refuses no event of the record', () => {
    expect(refusals(trace)).toEqual([]);
  });

  it('ends "abandoned" on 27 June 2023, the day the failed re-ballot was announced', () => {
    expect(trace.final.outcome).toBe('abandoned');
    expect(final.dispute.endedAt).toBe('2023-06-27T00:00:00+01:00');
  });

  it('records the claim as RPI + 5%, with no percentage invented for it', () => {
    expect(final.dispute.declaredAt).toBe('2022-07-19T00:00:00+01:00');
    expect(final.dispute.claim?.indexPlus).toEqual({ index: 'RPI', plusPct: 5 });
    expect(final.dispute.claim?.payRestorationPct).toBeUndefined();
  });

  it('records the NHSPRB 2022/23 award (£1,400) accepted in full on 19 July 2022', () => {
    const award = final.negotiation.awards.find((a) => a.id === 'nhsprb-2022-23');
    expect(award).toMatchObject({ payYear: '2022/23', acceptedInFull: true });
    expect(award?.summary).toMatch(/£1,400/);
    expect(award?.acceptedAt).toBe('2022-07-19T00:00:00+01:00');
  });
});

describe('rcn-nurses-2023: strike.called / strike.started / strike.ended', () => {
  it('holds the six periods of action as called, March suspended: 8 strike days held', () => {
    expect(final.action.actions.map((a) => a.id)).toEqual(STRIKES.map((s) => s.id));
    for (const s of STRIKES) {
      const a = action(s.id);
      expect(a.calledAt.slice(0, 10), s.id).toBe(s.called);
      expect([a.start, a.end, a.status, a.scope], s.id).toEqual([s.start, s.end, s.status, s.scope]);
      if (s.status === 'held') expect(a.days, s.id).toBe(s.days);
    }
    expect(daysByStatus(final)).toEqual({ held: 8, suspended: 2 });
    expect(final.action.daysOfAction).toBe(8);
  });

  it("gives each call the RCN's count of trusts (44, 44, 55, 73, 128) and none for April, where none was found", () => {
    for (const s of STRIKES) {
      const a = action(s.id);
      if (s.trusts === undefined) expect(a.employers, s.id).toBeUndefined();
      else expect(a.employers, s.id).toEqual({ count: s.trusts, kind: 'NHS trusts' });
      expect(a.employers?.count ?? 0, s.id).toBeLessThanOrEqual(130);
    }
  });

  it('starts and ends each held strike on time ("strike.started", "strike.ended"), and never starts March', () => {
    for (const s of STRIKES) {
      const started = timed('strike.started', s.id).map((t) => t.date);
      const ended = timed('strike.ended', s.id).map((t) => t.date);
      expect([started, ended], s.id).toEqual(s.status === 'held' ? [[s.start], [s.end]] : [[], []]);
    }
  });

  it('runs the January and February rounds as 12-hour day shifts (08:00-20:00)', () => {
    expect(action('rcn-strike-2023-01-18').hours).toBe('08:00-20:00');
    expect(action('rcn-strike-2023-02-06').hours).toBe('08:00-20:00');
  });

  it('keeps the national derogations of the December to February rounds, and none in March or April', () => {
    for (const id of ['rcn-strike-2022-12-15', 'rcn-strike-2022-12-20']) {
      expect(action(id).derogations, id).toMatch(/chemotherapy, dialysis, critical care/);
    }
    expect(action('rcn-strike-2023-01-18').derogations).toMatch(/emergency cancer/);
    expect(action('rcn-strike-2023-02-06').derogations).toMatch(/5,000 local exemptions/);
    expect(action('rcn-strike-2023-03-01').derogations).toMatch(/no wide-ranging derogations/);
    expect(action('rcn-strike-2023-04-30').derogations).toMatch(/no national derogations/);
  });

  it('dates December notice to the employer list of 29 November, and counts January and February from the call', () => {
    for (const id of ['rcn-strike-2022-12-15', 'rcn-strike-2022-12-20']) {
      expect(action(id).noticeServedAt, id).toBe('2022-11-29T00:00:00+00:00');
    }
    expect(action('rcn-strike-2023-01-18').noticeServedAt).toBeUndefined();
    expect(action('rcn-strike-2023-02-06').noticeServedAt).toBeUndefined();
  });

  it('dates March notice to 15 February, the last lawful day: the call on 16 February was 13 days out', () => {
    const march = action('rcn-strike-2023-03-01');
    expect(march.calledAt).toBe('2023-02-16T00:00:00+00:00');
    expect(march.noticeServedAt).toBe('2023-02-15T00:00:00+00:00');
    expect(calendarDays('2023-02-16', '2023-03-01')).toBe(13);
    expect(calendarDays('2023-02-15', '2023-03-01')).toBe(14);
    expect(event('strike-2023-03-called')).toMatchObject({ confidence: 'uncertain' });
  });

  it('suspends the March strike on 21 February when talks were agreed', () => {
    const march = action('rcn-strike-2023-03-01');
    expect(march.changes).toEqual([{ at: '2023-02-21T00:00:00+00:00', change: 'suspended' }]);
    expect(march.impact).toBeUndefined();
  });

  it('has the April strike called on 14 April, notice served that day, to 20:00 on 2 May as the RCN counted its mandate', () => {
    expect(event('strike-2023-04-called')).toMatchObject({
      at: '2023-04-14',
      noticeServed: '2023-04-14',
      start: '2023-04-30T20:00',
      end: '2023-05-02T20:00',
      mandateEndArgued: '2023-05-03T00:00',
    });
    const april = action('rcn-strike-2023-04-30');
    expect(april.noticeServedAt).toBe('2023-04-14T00:00:00+01:00');
    expect(april.mandateEndArgued).toBe('2023-05-03T00:00:00+01:00');
  });

  it('has the court cut the April strike to end at 23:59 on 1 May, after about 28 hours', () => {
    const april = action('rcn-strike-2023-04-30');
    expect(april.end).toBe('2023-05-01T23:59:00+01:00');
    expect(april.court).toBe('dhsc-v-rcn-2023');
    expect(april.changes.map((c) => c.at)).toEqual(['2023-04-27T00:00:00+01:00']);
    expect(april.days).toBe(2);
    expect((Date.parse(april.end) - Date.parse(april.start)) / 3_600_000).toBeCloseTo(28, 0);
  });
});

describe('rcn-nurses-2023: quiet days', () => {
  it('has a strike under way on each strike day and none on the days between them', () => {
    expect(runningAt('2022-12-15T12:00')).toBe('rcn-strike-2022-12-15');
    expect(runningAt('2022-12-16T12:00')).toBeNull();
    expect(runningAt('2022-12-20T12:00')).toBe('rcn-strike-2022-12-20');
    expect(runningAt('2023-01-10')).toBeNull();
    expect(runningAt('2023-01-19T12:00')).toBe('rcn-strike-2023-01-18');
    expect(runningAt('2023-01-25')).toBeNull();
    expect(runningAt('2023-02-07T12:00')).toBe('rcn-strike-2023-02-06');
    expect(runningAt('2023-02-08T12:00')).toBeNull();
    expect(runningAt('2023-05-01T12:00')).toBe('rcn-strike-2023-04-30');
  });

  it('has no strike on 1–3 March 2023 (suspended) or on 2 May 2023 (taken out by the court)', () => {
    for (const instant of ['2023-03-01T12:00', '2023-03-02T12:00', '2023-05-02T00:00', '2023-05-02T12:00']) {
      expect(runningAt(instant), instant).toBeNull();
    }
    expect(final.action.pending).toEqual([]);
  });
});

describe('rcn-nurses-2023: ballot.opened / ballot.closed and the mandate', () => {
  it('opens the first ballot on 6 October 2022 and closes it at noon on 2 November, announced on 9 November', () => {
    const b = ballot('ballot-2022');
    expect(b.openedAt).toBe('2022-10-06T00:00:00+01:00');
    expect(b.closedAt).toBe('2022-11-02T12:00:00+00:00');
    expect(b.announcedAt).toBe('2022-11-09T00:00:00+00:00');
    expect(b.regime).toBe('tua-2016');
    expect(b.mandate).toBe(true);
  });

  it('records it disaggregated: thresholds met at 130 NHS organisations in England, and no national totals', () => {
    const b = ballot('ballot-2022');
    expect(b.constituencies).toEqual({ met: 130, unit: 'NHS organisations in England' });
    for (const field of ['entitled', 'cast', 'yes', 'no', 'turnoutPct', 'yesPct', 'yesOfEntitledPct'] as const) {
      expect(b[field], field).toBeUndefined();
    }
    const e = event('ballot-2022-closes');
    for (const field of ['entitled', 'cast', 'yes', 'no', 'turnoutPct', 'yesPct']) expect(e).not.toHaveProperty(field);
    expect(e.note).toMatch(/176 of 311/);
  });

  it('counts its mandate from 2 November 2022 and has the court end it at 23:59 on 1 May 2023 ("mandate.lapsed")', () => {
    const m = final.balloting.mandate;
    expect(m).toMatchObject({
      ballot: 'ballot-2022',
      grantedAt: '2022-11-02T12:00:00+00:00',
      covers: { count: 130, unit: 'NHS organisations in England' },
      expiresAt: '2023-05-01T23:59:00+01:00',
      endedAt: '2023-05-01T23:59:00+01:00',
      endedBy: 'dhsc-v-rcn-2023',
    });
    expect(timed('mandate.lapsed').map((s) => s.date)).toEqual(['2023-05-01T23:59:00+01:00']);
  });

  it('opens the re-ballot on 23 May 2023, one constituency for England, and closes it before midnight on 23 June', () => {
    const b = ballot('ballot-2023');
    expect(b.openedAt).toBe('2023-05-23T00:00:00+01:00');
    expect(b.closedAt).toBe('2023-06-23T23:59:00+01:00');
    expect(b.announcedAt).toBe('2023-06-27T00:00:00+01:00');
    expect(b.constituencies).toBeUndefined();
  });

  it('fails the re-ballot on turnout: 43.4% (84% yes), with only the published shares and no counts', () => {
    const b = ballot('ballot-2023');
    expect(b).toMatchObject({ turnoutPct: 43.4, yesPct: 84, mandate: false });
    expect(b.reasons?.join('; ')).toMatch(/turnout 43\.4% is under the 50\.0% threshold/);
    for (const field of ['entitled', 'cast', 'yes', 'no'] as const) expect(b[field], field).toBeUndefined();
    expect(final.balloting.ballots).toHaveLength(2);
  });
});

describe('rcn-nurses-2023: talks, the offer and the member vote', () => {
  it('opens talks with the government on 22 February 2023 and concludes them with the offer of 16 March', () => {
    expect(final.negotiation.talks).toEqual([
      {
        with: 'government',
        openedAt: '2023-02-22T00:00:00+00:00',
        closedAt: '2023-03-16T00:00:00+00:00',
        concluded: true,
        offer: 'offer-2023-03-16',
      },
    ]);
  });

  it('makes one offer, 5% for 2023/24 with one-off payments for 2022/23, which the members reject', () => {
    expect(final.negotiation.offers).toHaveLength(1);
    expect(offer('offer-2023-03-16')).toMatchObject({
      madeAt: '2023-03-16T00:00:00+00:00',
      payUpliftPct: 5,
      status: 'rejected',
      decidedBy: 'members',
      decidedAt: '2023-04-14T09:00:00+01:00',
    });
    expect(offer('offer-2023-03-16').summary).toMatch(/£1,655 to £3,789/);
  });

  it('holds the online member vote from 28 March to 09:00 on 14 April 2023: 54% against, 46% for, on 61%', () => {
    expect(final.negotiation.referendums).toHaveLength(1);
    const vote = final.negotiation.referendums[0];
    expect(vote).toMatchObject({
      id: 'rcn-consultation-2023',
      offer: 'offer-2023-03-16',
      openedAt: '2023-03-28T09:00:00+01:00',
      closedAt: '2023-04-14T09:00:00+01:00',
      turnoutPct: 61,
      yesPct: 46,
      noPct: 54,
      result: 'no',
    });
    expect(vote?.cast).toBeUndefined();
    expect(vote?.entitled).toBeUndefined();
  });
});

describe('rcn-nurses-2023: challenge.filed / challenge.decided', () => {
  it('records the Secretary of State’s claim, upheld by the High Court on 27 April 2023', () => {
    expect(final.surroundings.challenges).toHaveLength(1);
    const c = final.surroundings.challenges[0];
    expect(c).toMatchObject({ id: 'dhsc-v-rcn-2023', result: 'upheld', decidedAt: '2023-04-27T00:00:00+01:00' });
    expect(c?.by).toMatch(/Secretary of State/);
    expect(c?.summary).toMatch(/Linden J/);
    expect(event('challenge-decided')).toMatchObject({
      mandateEnds: '2023-05-01T23:59',
      strikes: [{ action: 'rcn-strike-2023-04-30', endsAt: '2023-05-01T23:59' }],
    });
  });
});

describe('rcn-nurses-2023: terms.implemented', () => {
  it('has the NHS Staff Council accept the 16 March offer on 2 May 2023, paid from June, over the RCN’s votes', () => {
    expect(final.surroundings.implementations).toEqual([
      {
        at: '2023-05-02T00:00:00+01:00',
        by: 'NHS Staff Council',
        summary: expect.stringMatching(/RCN/),
        offer: 'offer-2023-03-16',
        effective: '2023-06-01T00:00:00+01:00',
      },
    ]);
    expect(offer('offer-2023-03-16')).toMatchObject({
      implementedAt: '2023-05-02T00:00:00+01:00',
      implementedBy: 'NHS Staff Council',
    });
    expect(final.surroundings.impositions).toEqual([]);
  });
});

describe('rcn-nurses-2023: office.changed', () => {
  it('records the health secretaries in turn: Barclay, Coffey (6 Sep 2022), Barclay again (25 Oct 2022)', () => {
    const secretaries = final.surroundings.officeHolders.filter((o) => o.role === 'Health and Social Care Secretary');
    expect(secretaries.map((o) => [o.holder, o.since.slice(0, 10)])).toEqual([
      ['Steve Barclay', '2022-07-19'],
      ['Thérèse Coffey', '2022-09-06'],
      ['Steve Barclay', '2022-10-25'],
    ]);
  });

  it('records Pat Cullen leading the RCN throughout', () => {
    const leaders = final.surroundings.officeHolders.filter((o) => o.role.startsWith('RCN General Secretary'));
    expect(leaders.map((o) => o.holder)).toEqual(['Pat Cullen']);
  });
});

describe('rcn-nurses-2023: impact.reported', () => {
  it("records NHS England's figures for England per period of action", () => {
    expect(action('rcn-strike-2022-12-15').impact).toEqual({
      by: 'NHS England',
      appointmentsRescheduled: 15779,
      staffAbsentPeak: 9999,
    });
    expect(action('rcn-strike-2023-01-18').impact).toMatchObject({ by: 'NHS England', appointmentsRescheduled: 27826 });
    expect(action('rcn-strike-2023-02-06').impact).toMatchObject({ by: 'NHS England', appointmentsRescheduled: 42897 });
    expect(action('rcn-strike-2023-04-30').impact).toEqual({
      by: 'NHS England',
      appointmentsRescheduled: 7600,
      staffAbsentPeak: 5034,
    });
  });

  it('gives 20 December only as the two-day December total (29,576), never a derived figure for the day', () => {
    const december = action('rcn-strike-2022-12-20').impact;
    expect(december?.appointmentsRescheduled).toBeUndefined();
    expect(december?.summary).toMatch(/29,576/);
  });

  it('adds up to 94,102 appointments with a count of their own (15 Dec, Jan, Feb, Apr)', () => {
    const total = final.action.actions.reduce((sum, a) => sum + (a.impact?.appointmentsRescheduled ?? 0), 0);
    expect(total).toBe(15779 + 27826 + 42897 + 7600);
  });
});
