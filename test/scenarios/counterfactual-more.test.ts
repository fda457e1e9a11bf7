/**
 * Four more counterfactual branches (issue 11), each held to what its summary claims. The expected values are
 * worked out from each branch's premise and the law (src/domain/regimes.ts), not read off the replay: a mandate's
 * end is counted from its ballot's close, strike days are added up from the record's strikes, refusals are the
 * events the premise takes the ground from under.
 */
import { describe, expect, it } from 'vitest';
import { judgeBallot, regimeById } from '../../src/domain/regimes.js';
import { ScenarioCatalogue } from '../../src/loader/registry.js';
import type { DisputeRecord } from '../../src/schemas/record.js';
import type { Scenario, ScenarioEvent } from '../../src/schemas/scenario.js';
import type { Trace } from '../../src/schemas/trace.js';
import { replay } from '../../src/simulation/replay.js';
import { refusals, replayed, scenario } from '../helpers/scenarios.js';

/** The branch's own events, as its file gives them (before its base's are merged in). */
function ownEvents(alias: string): ScenarioEvent[] {
  return new ScenarioCatalogue().find(alias).data.events;
}

/** The ids of the refused steps. */
function refusedIds(trace: Trace): string[] {
  return trace.steps.filter((s) => !s.accepted).map((s) => String(s.id));
}

/** The steps caused by time of one type. */
function timed(trace: Trace, type: string): string[] {
  return trace.steps.filter((s) => s.cause === 'time' && s.event.type === type).map((s) => s.date);
}

/** Whole calendar days from one day to another, as TULRCA s.234A counts notice (the 15th to the 1st is 14). */
function calendarDays(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  );
}

/** A scenario replayed with more events after its own (each at or after the last). */
function replayWith(s: Scenario, ...extra: ScenarioEvent[]): Trace {
  return replay({ ...s, events: [...s.events, ...extra] });
}

/** A scenario replayed with one event inserted after the event with an id. */
function replayInserting(s: Scenario, afterId: string, extra: ScenarioEvent): Trace {
  const i = s.events.findIndex((e) => e.id === afterId);
  if (i < 0) throw new Error(`no event ${afterId}`);
  return replay({ ...s, events: [...s.events.slice(0, i + 1), extra, ...s.events.slice(i + 1)] });
}

/** Every own event of a branch says, in its note, what is invented or that nothing is. */
function expectEveryOwnEventNoted(alias: string): void {
  for (const e of ownEvents(alias)) {
    expect(e.id, `an event of ${alias} without an id`).toBeTruthy();
    expect(e.note ?? '', `${e.id} has no note`).toMatch(/invented/i);
  }
}

/** The strike days held in the record: the days of each held strike, added up. */
function heldDays(final: DisputeRecord): number {
  return final.action.actions.filter((a) => a.status === 'held').reduce((n, a) => n + (a.days ?? 0), 0);
}

describe('counterfactual 2025-era: the 2025–26 dispute under the Employment Rights Act 2025 from its start', () => {
  const { trace, final } = replayed('2025-era');
  const base = scenario('2025');
  const era = regimeById('era-2025');

  it('judges every ballot and notice by the 2025 Act and keeps the record, less the re-ballot of winter 2025–26', () => {
    expect(trace.scenario.rules).toBe('era-2025');
    const ids = scenario('2025-era').events.map((e) => e.id);
    expect(ids).not.toContain('reballot-opens');
    expect(ids).not.toContain('reballot-closes');
    // Everything else in the record is still there, in the same order.
    expect(ids).toEqual(
      base.events.map((e) => e.id).filter((id) => id !== 'reballot-opens' && id !== 'reballot-closes'),
    );
    expect(final.balloting.ballots.map((b) => b.id)).toEqual(['ballot-pay-2025', 'ballot-fy1-2025']);
    expect(final.balloting.ballots.every((b) => b.regime === 'era-2025')).toBe(true);
    expectEveryOwnEventNoted('2025-era');
  });

  it('gives the July 2025 ballot twelve months, to the end of 6 July 2026, which never lapse before the deal', () => {
    expect(era.mandate).toEqual({ kind: 'fixed', months: 12, maxMonthsByAgreement: 12 });
    // Closed on 7 July 2025: twelve months beginning with that day end with 6 July 2026.
    expect(final.balloting.mandate).toMatchObject({
      ballot: 'ballot-pay-2025',
      regime: 'era-2025',
      grantedAt: '2025-07-07T00:00:00+01:00',
      expiresAt: '2026-07-07T00:00:00+01:00',
    });
    expect(final.balloting.mandate?.endedAt).toBeUndefined();
    // History's lapse of 7 January 2026 does not happen.
    expect(timed(trace, 'mandate.lapsed')).toEqual([]);
    // The first-year doctors' supplementary mandate gets twelve months too (closed 6 October 2025).
    expect(final.balloting.supplementaryMandates).toMatchObject([
      { ballot: 'ballot-fy1-2025', expiresAt: '2026-10-06T00:00:00+01:00' },
    ]);
  });

  it('holds every strike of the record on that one mandate: 5 + 5 + 5 + 6 = 21 days, June suspended', () => {
    expect(final.action.actions.map((a) => [a.id, a.ballot, a.status])).toEqual([
      ['strike-2025-07', 'ballot-pay-2025', 'held'],
      ['strike-2025-11', 'ballot-pay-2025', 'held'],
      ['strike-2025-12', 'ballot-pay-2025', 'held'],
      ['strike-2026-04', 'ballot-pay-2025', 'held'],
      ['strike-2026-06', 'ballot-pay-2025', 'suspended'],
    ]);
    expect(heldDays(final)).toBe(5 + 5 + 5 + 6);
    expect(final.action.daysOfAction).toBe(21);
  });

  it('refuses nothing: every call gave the ten days the Act asks, all but June’s fourteen or more', () => {
    expect(refusals(trace)).toEqual([]);
    expect(scenario('2025-era').expectRefused).toBeUndefined();
    const calls = scenario('2025-era').events.filter((e) => e.type === 'strike.called');
    const notice = calls.map((e) => [e.id, calendarDays(e.noticeServed ?? e.at, e.start)] as const);
    expect(notice.every(([, days]) => days >= era.noticeDays)).toBe(true);
    expect(notice.filter(([, days]) => days < 14).map(([id]) => id)).toEqual(['june-strike-called']);
  });

  it('no longer asks the 40% support test, which the July ballot cleared with 49.8% of those entitled', () => {
    expect(era.importantServicesSupportThreshold).toBeNull();
    const july = final.balloting.ballots.find((b) => b.id === 'ballot-pay-2025');
    expect(july).toMatchObject({ mandate: true, yesOfEntitledPct: 49.8 });
    expect(49.8 - 40).toBeLessThan(10);
  });

  it('could not extend the mandate as the December 2025 offer proposed, and needs no extension', () => {
    const extended = replayInserting(scenario('2025-era'), 'december-offer', {
      id: 'mandate-extended-to-september',
      at: '2025-12-09',
      type: 'mandate.extended',
      until: '2026-09-01',
      sources: [],
    } as ScenarioEvent);
    const step = extended.steps.find((s) => s.id === 'mandate-extended-to-september');
    expect(step?.accepted).toBe(false);
    expect(step?.reason).toContain('allows no extension');
  });

  it('settles as history did, on 29 June 2026 on the members’ yes', () => {
    expect(trace.final.outcome).toBe('settled');
    expect(final.dispute.endedAt).toBe('2026-06-29T00:00:00+01:00');
    expect(final.negotiation.offers.find((o) => o.id === 'offer-2026-06-deal')).toMatchObject({
      status: 'accepted',
      decidedBy: 'members',
    });
  });
});

describe('counterfactual 2025-reject: resident doctors reject the June 2026 deal (diverges at its close)', () => {
  const { trace, final } = replayed('2025-reject');
  const branch = scenario('2025-reject');

  it('keeps the record up to the referendum, whose close alone is invented', () => {
    const ids = branch.events.map((e) => e.id);
    expect(ids).toContain('june-referendum-opens');
    expect(ids).not.toContain('june-referendum-closes');
    expect(ownEvents('2025-reject').map((e) => e.id)).toEqual(['june-referendum-rejects']);
    expect(refusals(trace)).toEqual([]);
    expectEveryOwnEventNoted('2025-reject');
  });

  it('records the members’ rejection: 47% to 53% on the real 57% turnout', () => {
    expect(final.negotiation.referendums.find((r) => r.id === 'referendum-2026-06')).toMatchObject({
      result: 'no',
      yesPct: 47,
      noPct: 53,
      turnoutPct: 57,
    });
    expect(final.negotiation.offers.find((o) => o.id === 'offer-2026-06-deal')).toMatchObject({
      status: 'rejected',
      decidedBy: 'members',
      decidedAt: '2026-06-29T00:00:00+01:00',
    });
  });

  it('stays live to the end of August 2026 after the same 21 strike days, the June strike still suspended', () => {
    expect(trace.final.outcome).toBe('ongoing');
    expect(trace.final.date).toBe('2026-08-31T00:00:00+01:00');
    expect(final.dispute.endedAt).toBeNull();
    expect(final.action.daysOfAction).toBe(5 + 5 + 5 + 6);
    expect(final.action.actions.find((a) => a.id === 'strike-2026-06')?.status).toBe('suspended');
  });

  it('lets the re-ballot’s 2016-Act mandate lapse at the end of 1 August 2026, six months from 2 February', () => {
    expect(regimeById('tua-2016').mandate).toMatchObject({ months: 6 });
    expect(final.balloting.mandate).toMatchObject({
      ballot: 'ballot-jobs-pay-2025',
      regime: 'tua-2016',
      grantedAt: '2026-02-02T00:00:00+00:00',
      expiresAt: '2026-08-02T00:00:00+01:00',
      endedAt: '2026-08-02T00:00:00+01:00',
      end: 'lapsed',
    });
    // The first mandate's lapse of 7 January, as in history, then this one.
    expect(timed(trace, 'mandate.lapsed')).toEqual(['2026-01-07T00:00:00+00:00', '2026-08-02T00:00:00+01:00']);
  });

  it('answers the question it asks: a strike on 1 August must be called by 22 July, ten days ahead', () => {
    const call = (at: string, start: string, end: string) =>
      ({
        id: 'august-call',
        at,
        type: 'strike.called',
        action: 'strike-2026-08',
        start,
        end,
        scope: 'full-walkout',
        sources: [],
      }) as ScenarioEvent;
    const ok = replayWith(branch, call('2026-07-22', '2026-08-01T07:00', '2026-08-01T23:00'));
    expect(ok.steps.find((s) => s.id === 'august-call')?.accepted).toBe(true);
    const late = replayWith(branch, call('2026-07-23', '2026-08-01T07:00', '2026-08-01T23:00'));
    expect(late.steps.find((s) => s.id === 'august-call')?.reason).toContain("only 9 days' notice");
    const past = replayWith(branch, call('2026-07-22', '2026-08-02T07:00', '2026-08-02T23:00'));
    expect(past.steps.find((s) => s.id === 'august-call')?.reason).toContain('the mandate expires on 2026-08-02');
  });
});

describe('counterfactual rcn-aggregated: the RCN’s 2022 ballot counted once across England', () => {
  const { trace, final } = replayed('rcn-aggregated');
  const base = scenario('rcn-2023');
  const tua = regimeById('tua-2016');

  it('would have needed 50% turnout: at 84% yes the 40% support test asks only 47.6%', () => {
    const yesShare = 0.84;
    const needed = Math.max(tua.turnoutThreshold ?? 0, (tua.importantServicesSupportThreshold ?? 0) / yesShare);
    expect(needed).toBe(0.5);
    expect((tua.importantServicesSupportThreshold ?? 0) / yesShare).toBeCloseTo(0.476, 3);
    expect(judgeBallot(tua, { turnoutPct: 50, yesPct: 84 }).mandate).toBe(true);
    expect(judgeBallot(tua, { turnoutPct: 49.9, yesPct: 84 }).mandate).toBe(false);
  });

  it('fails at its invented 48% turnout on the turnout test alone (84% yes is 40.3% of those entitled)', () => {
    const ballot = final.balloting.ballots.find((b) => b.id === 'ballot-2022');
    expect(ballot).toMatchObject({
      regime: 'tua-2016',
      turnoutPct: 48,
      yesPct: 84,
      yesOfEntitledPct: 40.3,
      mandate: false,
      reasons: ['turnout 48.0% is under the 50.0% threshold'],
    });
    expect(ballot?.constituencies).toBeUndefined();
    expect(final.balloting.mandate).toBeNull();
    expectEveryOwnEventNoted('rcn-aggregated');
  });

  it('refuses every strike the record called, each for want of a mandate, and exactly those', () => {
    const calledInHistory = base.events.filter((e) => e.type === 'strike.called').map((e) => e.id);
    expect(calledInHistory).toHaveLength(6);
    expect(refusedIds(trace).sort()).toEqual([...calledInHistory].sort());
    expect([...(scenario('rcn-aggregated').expectRefused ?? [])].sort()).toEqual([...calledInHistory].sort());
    for (const line of refusals(trace)) expect(line).toContain('there is no live mandate for industrial action');
  });

  it('holds no strike day (eight in history), and has nothing for the High Court to cut', () => {
    expect(replayed('rcn-2023').final.action.daysOfAction).toBe(8);
    expect(final.action.daysOfAction).toBe(0);
    expect(final.action.actions).toEqual([]);
    expect(final.surroundings.challenges).toEqual([]);
    expect(trace.steps.some((s) => s.event.type === 'impact.reported' || s.event.type === 'strike.suspended')).toBe(
      false,
    );
  });

  it('follows the record after: the offer rejected, implemented over the RCN’s head, the 2023 ballot failing', () => {
    expect(final.negotiation.offers).toMatchObject([
      { id: 'offer-2023-03-16', status: 'rejected', implementedBy: 'NHS Staff Council' },
    ]);
    expect(final.balloting.ballots.find((b) => b.id === 'ballot-2023')).toMatchObject({
      turnoutPct: 43.4,
      mandate: false,
    });
    expect(trace.final.outcome).toBe('abandoned');
    expect(final.dispute.endedAt).toBe('2023-06-27T00:00:00+01:00');
  });
});

describe('counterfactual consultants-first-offer: consultants accept the first offer in January 2024', () => {
  const { trace, final } = replayed('consultants-first-offer');
  const history = replayed('consultants').final;

  it('turns the 51.1% rejection into a 50.5% acceptance: 1.6 voters in every hundred the other way', () => {
    const real = history.negotiation.referendums.find((r) => r.id === 'cc-referendum-2023-12');
    const here = final.negotiation.referendums.find((r) => r.id === 'cc-referendum-2023-12');
    expect(real).toMatchObject({ noPct: 51.1, turnoutPct: 65, result: 'no' });
    expect(here).toMatchObject({ yesPct: 50.5, noPct: 49.5, turnoutPct: 65, result: 'yes' });
    expect((real?.noPct ?? 0) - (here?.noPct ?? 0)).toBeCloseTo(1.6, 5);
    expect(ownEvents('consultants-first-offer').map((e) => e.id)).toEqual(['referendum-1-accepts']);
    expectEveryOwnEventNoted('consultants-first-offer');
  });

  it('settles on 25 January 2024, ten weeks before history’s 5 April, on the first offer alone', () => {
    expect(refusals(trace)).toEqual([]);
    expect(trace.final.outcome).toBe('settled');
    expect(final.dispute.endedAt).toBe('2024-01-25T00:00:00+00:00');
    expect(history.dispute.endedAt).toBe('2024-04-05T00:00:00+01:00');
    const days = (Date.parse('2024-04-05') - Date.parse('2024-01-25')) / 86_400_000;
    expect(Math.round(days / 7)).toBe(10);
    expect(final.negotiation.offers).toMatchObject([
      { id: 'cc-offer-2023-11', status: 'accepted', decidedBy: 'members' },
    ]);
    expect(final.negotiation.offers.some((o) => o.id === 'cc-offer-2024-03')).toBe(false);
  });

  it('after the same nine strike days, with the December mandate (to 17 June 2024) live and unused', () => {
    expect(final.action.daysOfAction).toBe(2 + 2 + 2 + 3);
    expect(final.action.actions.every((a) => a.ballot === 'cc-ballot-2023-05')).toBe(true);
    // Six months beginning with 18 December 2023 end with 17 June 2024.
    expect(final.balloting.mandate).toMatchObject({
      ballot: 'cc-ballot-2023-11',
      expiresAt: '2024-06-18T00:00:00+01:00',
    });
    expect(final.balloting.mandate?.endedAt).toBeUndefined();
  });
});
