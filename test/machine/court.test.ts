/**
 * The model beyond the first three disputes (issue 10), on the real engine: ballots judged from the figures that
 * were published, ballots run employer by employer, a court that ends a mandate or stops and shortens strikes, and
 * terms implemented over a union's head. The dates are the RCN's of 2022–23 where the case is theirs.
 */
import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../src/domain/time.js';
import { outcomeOf } from '../../src/machine/explain.js';
import { describeEvent, scopeAt } from '../../src/render/describe.js';
import type { DisputeEvent } from '../../src/schemas/events/index.js';
import { Engine } from '../../src/simulation/engine.js';

/** An engine through the RCN's first ballot (closed 2 Nov 2022 at noon), run at 130 English organisations. */
function rcnAfterBallot(): Engine {
  const engine = Engine.start({ rules: 'by-date', start: '2022-07-19' });
  const sent = [
    { type: 'dispute.declared', at: '2022-07-19', by: 'RCN', claim: { summary: 'RPI + 5%' } },
    { type: 'ballot.opened', at: '2022-10-06', ballot: 'b1' },
    {
      type: 'ballot.closed',
      at: '2022-11-02T12:00',
      ballot: 'b1',
      announced: '2022-11-09',
      constituencies: { met: 130, unit: 'NHS organisations in England' },
    },
  ] as DisputeEvent[];
  for (const e of sent) expect(engine.send(e).reason, e.type).toBeUndefined();
  return engine;
}

const APRIL: DisputeEvent = {
  type: 'strike.called',
  at: '2023-04-14',
  noticeServed: '2023-04-14',
  action: 'april',
  start: '2023-04-30T20:00',
  end: '2023-05-02T20:00',
  scope: 'full-walkout',
  mandateEndArgued: '2023-05-03T00:00',
};

describe('a ballot judged from the figures that were published', () => {
  it('a ballot run employer by employer gives a mandate covering the constituencies that met the thresholds, and no totals', () => {
    const engine = rcnAfterBallot();
    const { ballots, mandate } = engine.snapshot.context.balloting;
    expect(ballots[0]).toMatchObject({
      mandate: true,
      constituencies: { met: 130, unit: 'NHS organisations in England' },
    });
    for (const total of ['entitled', 'cast', 'yes', 'no', 'turnoutPct', 'yesPct', 'yesOfEntitledPct']) {
      expect(ballots[0], total).not.toHaveProperty(total);
    }
    expect(mandate).toMatchObject({ covers: { count: 130, unit: 'NHS organisations in England' } });
    expect(mandate?.expiresAt).toBe('2023-05-02T00:00:00+01:00');
    expect(engine.snapshot.matches({ active: { mandate: { live: 'term' } } })).toBe(true);
  });

  it('a strike at no more employers than the mandate covers is accepted; at more, refused with the count', () => {
    const engine = rcnAfterBallot();
    const call = (employers: number, action: string) =>
      engine.send({
        type: 'strike.called',
        at: '2022-11-25',
        action,
        start: '2022-12-15T08:00',
        end: '2022-12-15T20:00',
        scope: 'emergency-care-only',
        employers: { count: employers, kind: 'NHS trusts' },
      });
    expect(call(131, 'too-many')).toMatchObject({
      accepted: false,
      reason: 'the mandate covers 130 NHS organisations in England, fewer than the 131 NHS trusts called',
    });
    expect(call(44, 'dec-15').accepted).toBe(true);
    expect(engine.snapshot.context.action.actions[0]?.employers).toEqual({ count: 44, kind: 'NHS trusts' });
  });

  it('published shares alone decide a ballot: 43.4% turnout is under the 50% threshold (the RCN, June 2023)', () => {
    const engine = Engine.start({ rules: 'by-date', start: '2023-05-01' });
    engine.send({ type: 'dispute.declared', at: '2023-05-01', by: 'RCN', claim: { summary: 'pay' } });
    engine.send({ type: 'ballot.opened', at: '2023-05-23', ballot: 'b2' });
    const sent = engine.send({
      type: 'ballot.closed',
      at: '2023-06-23T23:59',
      ballot: 'b2',
      turnoutPct: 43.4,
      yesPct: 84,
    });
    expect(sent.accepted).toBe(true);
    const ballot = engine.snapshot.context.balloting.ballots[0];
    expect(ballot).toMatchObject({ mandate: false, turnoutPct: 43.4, yesPct: 84, yesOfEntitledPct: 36.5 });
    expect(ballot).not.toHaveProperty('entitled');
    expect(ballot?.reasons).toEqual([
      'turnout 43.4% is under the 50.0% threshold',
      'yes votes are 36.5% of those entitled, under the 40.0% threshold',
    ]);
    expect(engine.snapshot.matches({ active: { mandate: 'failed' } })).toBe(true);
  });

  it('with no figures published, the result as announced gives the mandate, and the record says so', () => {
    const engine = Engine.start({ rules: 'by-date', start: '2023-11-01' });
    engine.send({ type: 'dispute.declared', at: '2023-11-01', by: 'BMA', claim: { summary: 'pay' } });
    engine.send({ type: 'ballot.opened', at: '2023-11-06', ballot: 'b2' });
    expect(engine.send({ type: 'ballot.closed', at: '2023-12-18', ballot: 'b2' })).toMatchObject({
      accepted: false,
      reason:
        'the figures given do not decide the majority, turnout, support tests: give the result as announced (result: mandate or no-mandate)',
    });
    expect(engine.send({ type: 'ballot.closed', at: '2023-12-18', ballot: 'b2', result: 'mandate' }).accepted).toBe(
      true,
    );
    expect(engine.snapshot.context.balloting.ballots[0]).toMatchObject({ mandate: true, asAnnounced: true });
    expect(engine.snapshot.context.balloting.mandate?.expiresAt).toBe('2024-06-18T00:00:00+01:00');
  });
});

describe('a court that ends a mandate, and stops or shortens strikes', () => {
  it('the RCN’s call to 2 May 20:00 is accepted as argued; the court’s order of 27 April cuts it to 23:59 on 1 May', () => {
    const engine = rcnAfterBallot();
    expect(engine.send({ ...APRIL, mandateEndArgued: undefined } as DisputeEvent)).toMatchObject({
      accepted: false,
      reason: 'the mandate expires on 2023-05-02: the strike must end before then',
    });
    expect(engine.send(APRIL).reason).toBeUndefined();
    engine.send({
      type: 'challenge.filed',
      at: '2023-04-21',
      challenge: 'c',
      by: 'the Secretary of State',
      summary: 'x',
    });
    const decided = engine.send({
      type: 'challenge.decided',
      at: '2023-04-27',
      challenge: 'c',
      result: 'upheld',
      mandateEnds: '2023-05-01T23:59',
    });
    expect(decided.reason).toBeUndefined();
    const { mandate } = engine.snapshot.context.balloting;
    expect(mandate).toMatchObject({ expiresAt: '2023-05-01T23:59:00+01:00', endedBy: 'c' });
    expect(engine.snapshot.context.action.actions[0]).toMatchObject({
      end: '2023-05-01T23:59:00+01:00',
      court: 'c',
      mandateEndArgued: '2023-05-03T00:00:00+01:00',
    });
    // The timers were re-armed: the strike ends, and the mandate lapses, at 23:59 on 1 May, not later.
    const steps = engine.advanceTo(Date.parse('2023-05-10T00:00:00+01:00'));
    expect(steps.map((s) => [s.type, formatInstant(s.atMs)])).toEqual([
      ['strike.started', '2023-04-30T20:00:00+01:00'],
      ['mandate.lapsed', '2023-05-01T23:59:00+01:00'],
      ['strike.ended', '2023-05-01T23:59:00+01:00'],
    ]);
    const april = engine.snapshot.context.action.actions[0];
    expect(april).toMatchObject({ status: 'held', days: 2, endAsCalled: '2023-05-02T20:00:00+01:00' });
    expect(engine.snapshot.context.balloting.mandate).toMatchObject({
      end: 'court',
      endedAt: '2023-05-01T23:59:00+01:00',
    });
    expect(engine.snapshot.context.surroundings.challenges[0]).toMatchObject({
      result: 'upheld',
      decidedAt: '2023-04-27T00:00:00+01:00',
    });
  });

  it('a court can stop a called strike, leaving the next one called', () => {
    const engine = rcnAfterBallot();
    const call = (action: string, start: string, end: string) =>
      engine.send({ type: 'strike.called', at: '2022-11-25', action, start, end, scope: 'full-walkout' });
    call('first', '2022-12-15T08:00', '2022-12-15T20:00');
    call('second', '2022-12-20T08:00', '2022-12-20T20:00');
    engine.send({ type: 'challenge.filed', at: '2022-12-01', challenge: 'c', by: 'an employer', summary: 'x' });
    const sent = engine.send({
      type: 'challenge.decided',
      at: '2022-12-10',
      challenge: 'c',
      result: 'upheld',
      strikes: [{ action: 'first' }],
    });
    expect(sent.reason).toBeUndefined();
    expect(engine.snapshot.context.action.pending).toEqual(['second']);
    expect(engine.snapshot.context.action.actions[0]).toMatchObject({ status: 'cancelled', court: 'c' });
    expect(engine.snapshot.matches({ active: { action: 'announced' } })).toBe(true);
    const steps = engine.advanceTo(Date.parse('2022-12-21T00:00:00Z'));
    expect(steps.map((s) => [s.type, s.action])).toEqual([
      ['strike.started', 'second'],
      ['strike.ended', 'second'],
    ]);
  });

  it('a court can end a strike under way at once, and ending a mandate at once leaves none live', () => {
    const engine = rcnAfterBallot();
    engine.send({
      type: 'strike.called',
      at: '2022-11-25',
      action: 'dec',
      start: '2022-12-15T08:00',
      end: '2022-12-17T08:00',
      scope: 'full-walkout',
    });
    engine.send({ type: 'challenge.filed', at: '2022-12-01', challenge: 'c', by: 'an employer', summary: 'x' });
    engine.advanceTo(Date.parse('2022-12-16T08:00:00Z'));
    const sent = engine.send({
      type: 'challenge.decided',
      at: '2022-12-16T08:00',
      challenge: 'c',
      result: 'upheld',
      mandateEnds: '2022-12-16T08:00',
    });
    expect(sent.reason).toBeUndefined();
    const { action, balloting } = engine.snapshot.context;
    expect(action.actions[0]).toMatchObject({ status: 'held', end: '2022-12-16T08:00:00+00:00', days: 1 });
    expect(action.running).toBeNull();
    expect(balloting.mandate).toMatchObject({ end: 'court', endedBy: 'c', endedAt: '2022-12-16T08:00:00+00:00' });
    expect(engine.snapshot.matches({ active: { action: 'ended', mandate: 'lapsed' } })).toBe(true);
    expect(engine.advanceTo(Date.parse('2023-06-01T00:00:00Z'))).toEqual([]);
  });

  it('a dismissed challenge orders nothing, and a court cannot extend a mandate', () => {
    const engine = rcnAfterBallot();
    engine.send({ type: 'challenge.filed', at: '2022-12-01', challenge: 'c', by: 'an employer', summary: 'x' });
    expect(
      engine.send({
        type: 'challenge.decided',
        at: '2022-12-10',
        challenge: 'c',
        result: 'upheld',
        mandateEnds: '2023-06-01',
      }),
    ).toMatchObject({
      accepted: false,
      reason: "the mandate expires on 2023-05-02: a court's decision cannot extend it",
    });
    expect(
      engine.send({
        type: 'challenge.decided',
        at: '2022-12-10',
        challenge: 'c',
        result: 'dismissed',
        mandateEnds: '2023-01-01',
      }),
    ).toMatchObject({ accepted: false, reason: expect.stringMatching(/^a dismissed challenge orders nothing/) });
    expect(
      engine.send({ type: 'challenge.decided', at: '2022-12-10', challenge: 'c', result: 'dismissed' }).accepted,
    ).toBe(true);
    expect(engine.snapshot.context.balloting.mandate?.expiresAt).toBe('2023-05-02T00:00:00+01:00');
  });
});

describe('terms implemented over the union’s head (the NHS Staff Council, 2 May 2023)', () => {
  it('records the terms on the offer the members rejected; a dispute then ended is abandoned, not settled or imposed', () => {
    const engine = rcnAfterBallot();
    const events = [
      { type: 'offer.made', at: '2023-03-16', offer: 'o', by: 'the government', summary: '5% for 2023/24' },
      { type: 'referendum.opened', at: '2023-03-28T09:00', referendum: 'r', kind: 'referendum', offer: 'o' },
      { type: 'referendum.closed', at: '2023-04-14T09:00', referendum: 'r', yesPct: 46, noPct: 54, turnoutPct: 61 },
    ] as DisputeEvent[];
    for (const e of events) expect(engine.send(e).reason, e.type).toBeUndefined();
    const implemented = engine.send({
      type: 'terms.implemented',
      at: '2023-05-02',
      by: 'NHS Staff Council',
      summary: 'the 16 March offer, for all staff',
      offer: 'o',
      effective: '2023-06-01',
    });
    expect(implemented.reason).toBeUndefined();
    const offer = engine.snapshot.context.negotiation.offers[0];
    expect(offer).toMatchObject({ status: 'rejected', decidedBy: 'members', implementedBy: 'NHS Staff Council' });
    expect(engine.snapshot.context.surroundings.implementations).toEqual([
      {
        at: '2023-05-02T00:00:00+01:00',
        by: 'NHS Staff Council',
        summary: 'the 16 March offer, for all staff',
        offer: 'o',
        effective: '2023-06-01T00:00:00+01:00',
      },
    ]);
    expect(
      engine.send({ type: 'terms.implemented', at: '2023-05-03', by: 'x', summary: 'y', offer: 'o' }),
    ).toMatchObject({ accepted: false, reason: 'the terms of offer "o" were already implemented' });
    engine.advanceTo(Date.parse('2023-06-27T00:00:00+01:00'));
    expect(engine.send({ type: 'dispute.ended', at: '2023-06-27' }).accepted).toBe(true);
    expect(outcomeOf(engine.snapshot)).toBe('abandoned');
  });
});

describe('a call that declares its scope by day (20 Sep 2023 under Christmas Day cover, 21–22 Sep full walkouts)', () => {
  const call: DisputeEvent = {
    type: 'strike.called',
    at: '2023-08-31',
    action: 'sep',
    start: '2023-09-20T07:00',
    end: '2023-09-23T07:00',
    scope: 'emergency-care-only',
    scopeChanges: [{ from: '2023-09-21T07:00', scope: 'full-walkout' }],
    derogations: 'Christmas Day cover on the joint day',
  };

  function called(): Engine {
    const engine = Engine.start({ rules: 'by-date', start: '2023-08-01' });
    for (const e of [
      { type: 'dispute.declared', at: '2023-08-01', by: 'BMA', claim: { summary: 'pay' } },
      { type: 'ballot.opened', at: '2023-08-02', ballot: 'b' },
      { type: 'ballot.closed', at: '2023-08-30', ballot: 'b', entitled: 100, cast: 80, yes: 70, no: 10 },
      call,
    ] as DisputeEvent[]) {
      expect(engine.send(e).reason, e.type).toBeUndefined();
    }
    return engine;
  }

  it('keeps the scope at the start and the declared change, with no event on the 21st', () => {
    const action = called().snapshot.context.action.actions[0];
    expect(action).toMatchObject({
      scope: 'emergency-care-only',
      scopeChanges: [{ from: '2023-09-21T07:00:00+01:00', scope: 'full-walkout' }],
      derogations: 'Christmas Day cover on the joint day',
      changes: [],
    });
    expect(action && [scopeAt(action, '2023-09-20T12:00'), scopeAt(action, '2023-09-22T12:00')]).toEqual([
      'emergency-care-only',
      'full-walkout',
    ]);
    expect(describeEvent(call)).toBe(
      'a strike is called: 20 Sep 2023 07:00 → 23 Sep 2023 07:00, emergency care only; full walkout from 21 Sep 2023 07:00',
    );
  });

  it('moved to new dates, a declared change stays only if it still falls inside the strike', () => {
    const engine = called();
    const moved = (start: string, end: string) =>
      engine.send({ type: 'strike.rescheduled', at: '2023-09-01', action: 'sep', start, end }).snapshot.context.action
        .actions[0]?.scopeChanges;
    expect(moved('2023-09-20T07:00', '2023-09-24T07:00')).toEqual([
      { from: '2023-09-21T07:00:00+01:00', scope: 'full-walkout' },
    ]);
    expect(moved('2023-09-27T07:00', '2023-09-30T07:00')).toBeUndefined();
  });
});
