import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/domain/time.js';
import { ev, withMandate } from '../helpers/replayer.js';

describe('mandates lapse by themselves, on the simulated clock', () => {
  it('a six-month mandate under the 2016 Act stays "mandate.live" for six months and lapses after', () => {
    const r = withMandate('2023-01-09', '2023-02-20T17:00');
    expect(r.snapshot.matches({ active: { mandate: { live: 'term' } } })).toBe(true);
    // "Six months beginning with the date of the ballot": 20 Feb to the end of 19 Aug.
    expect(r.snapshot.context.balloting.mandate?.expiresAt).toBe('2023-08-20T00:00:00+01:00');
    r.advanceTo(parseInstant('2023-08-19T23:59'));
    expect(r.snapshot.matches({ active: { mandate: 'live' } })).toBe(true);
    r.advanceTo(parseInstant('2023-08-21'));
    expect(r.snapshot.matches({ active: { mandate: 'lapsed' } })).toBe(true);
    const lapse = r.steps.at(-1);
    expect(lapse?.event.type).toBe('mandate.lapsed');
    expect(lapse?.cause).toBe('time');
    expect(lapse?.date).toBe('2023-08-20T00:00:00+01:00');
  });

  it('a twelve-month mandate for a ballot opened under the 2025 Act', () => {
    const r = withMandate('2026-03-02', '2026-04-10T12:00');
    expect(r.snapshot.context.balloting.mandate?.expiresAt).toBe('2027-04-10T00:00:00+01:00');
    r.advanceTo(parseInstant('2027-04-09T23:00'));
    expect(r.snapshot.matches({ active: { mandate: 'live' } })).toBe(true);
  });

  it('a mandate extended by agreement ("mandate.extended") lapses on the new date, and no later than nine months', () => {
    const r = withMandate('2023-01-09', '2023-02-20T17:00');
    expect(r.offer(ev({ type: 'mandate.extended', at: '2023-08-01', until: '2023-11-20T17:00' })).accepted).toBe(true);
    r.advanceTo(parseInstant('2023-09-01'));
    expect(r.snapshot.matches({ active: { mandate: 'live' } })).toBe(true);
    const tooLong = r.offer(ev({ type: 'mandate.extended', at: '2023-09-02', until: '2023-12-01' }));
    expect(tooLong.accepted).toBe(false);
    expect(tooLong.reason).toContain('at most 9 months');
    r.advanceTo(parseInstant('2023-11-21'));
    expect(r.steps.at(-1)?.date).toBe('2023-11-20T17:00:00+00:00');
  });

  it('before 2017, action must begin within four weeks ("live.window"), else the mandate lapses', () => {
    const r = withMandate('2015-11-05', '2015-11-18T17:00');
    expect(r.snapshot.matches({ active: { mandate: { live: 'window' } } })).toBe(true);
    r.advanceTo(parseInstant('2016-01-01'));
    expect(r.snapshot.matches({ active: { mandate: 'lapsed' } })).toBe(true);
    expect(r.steps.at(-1)?.date).toBe('2015-12-16T00:00:00+00:00');
  });

  it('before 2017, action begun in the (extended) window keeps the mandate live until given up ("live.openEnded")', () => {
    const r = withMandate('2015-11-05', '2015-11-18T17:00');
    r.offer(ev({ type: 'mandate.extended', at: '2015-11-25', until: '2016-01-13T17:00' }));
    const called = r.offer(
      ev({
        type: 'strike.called',
        at: '2015-11-26',
        action: 's1',
        start: '2016-01-12T08:00',
        end: '2016-01-13T08:00',
        scope: 'emergency-care-only',
      }),
    );
    expect(called.accepted).toBe(true);
    r.advanceTo(parseInstant('2016-09-01'));
    expect(r.snapshot.matches({ active: { mandate: { live: 'openEnded' } } })).toBe(true);
    const late = r.offer(
      ev({
        type: 'strike.called',
        at: '2016-09-01',
        action: 's2',
        start: '2016-09-12T08:00',
        end: '2016-09-17T17:00',
        scope: 'full-walkout',
      }),
    );
    expect(late.accepted).toBe(true);
  });
});

describe('strikes start and end by themselves at their own instants', () => {
  it('a strike called on 24 Feb for 13–16 March starts and ends on its dates though the next event is 1 April', () => {
    const r = withMandate('2023-01-09', '2023-02-20T17:00');
    r.offer(
      ev({
        type: 'strike.called',
        at: '2023-02-24',
        action: 'march',
        start: '2023-03-13T07:00',
        end: '2023-03-16T07:00',
        scope: 'full-walkout',
      }),
    );
    r.offer(ev({ type: 'talks.opened', at: '2023-04-01', with: 'government' }));
    const timed = r.steps.filter((s) => s.cause === 'time').map((s) => [s.event.type, s.event.action, s.date]);
    expect(timed).toEqual([
      ['strike.started', 'march', '2023-03-13T07:00:00+00:00'],
      ['strike.ended', 'march', '2023-03-16T07:00:00+00:00'],
    ]);
    expect(r.snapshot.context.action.daysOfAction).toBe(3);
    expect(r.snapshot.matches({ active: { action: 'ended' } })).toBe(true);
  });

  it('back-to-back strikes called together each start and end in turn, across the change to summer time', () => {
    const r = withMandate('2023-01-09', '2023-02-20T17:00');
    r.offer(
      ev({
        type: 'strike.called',
        at: '2023-03-01',
        action: 'a',
        start: '2023-03-24T07:00',
        end: '2023-03-27T07:00',
        scope: 'full-walkout',
      }),
    );
    r.offer(
      ev({
        type: 'strike.called',
        at: '2023-03-02',
        action: 'b',
        start: '2023-03-27T07:00',
        end: '2023-03-28T07:00',
        scope: 'full-walkout',
      }),
    );
    r.advanceTo(parseInstant('2023-04-01'));
    expect(r.steps.filter((s) => s.cause === 'time').map((s) => `${s.event.type} ${s.event.action} ${s.date}`)).toEqual(
      [
        'strike.started a 2023-03-24T07:00:00+00:00',
        'strike.ended a 2023-03-27T07:00:00+01:00',
        'strike.started b 2023-03-27T07:00:00+01:00',
        'strike.ended b 2023-03-28T07:00:00+01:00',
      ],
    );
  });

  it('a suspended strike ("strike.suspended") never starts', () => {
    const r = withMandate('2023-01-09', '2023-02-20T17:00');
    r.offer(
      ev({
        type: 'strike.called',
        at: '2023-03-01',
        action: 'a',
        start: '2023-03-24T07:00',
        end: '2023-03-27T07:00',
        scope: 'full-walkout',
      }),
    );
    r.offer(ev({ type: 'strike.suspended', at: '2023-03-20', action: 'a' }));
    r.advanceTo(parseInstant('2023-04-01'));
    expect(r.steps.some((s) => s.cause === 'time')).toBe(false);
    expect(r.snapshot.matches({ active: { action: 'none' } })).toBe(true);
  });
});

describe('impossible events are refused with a reason', () => {
  it('"strike.called" without a live mandate', () => {
    const r = withMandate('2023-01-09', '2023-02-20T17:00');
    r.offer(ev({ type: 'mandate.relinquished', at: '2023-03-01' }));
    const step = r.offer(
      ev({
        type: 'strike.called',
        at: '2023-03-02',
        action: 'x',
        start: '2023-04-01',
        end: '2023-04-02',
        scope: 'full-walkout',
      }),
    );
    expect(step.accepted).toBe(false);
    expect(step.reason).toBe('there is no live mandate for industrial action');
  });

  it('"strike.called" with less notice than the law allows (13 days under the 2016 Act; 10 days enough from 18 Feb 2026)', () => {
    const r = withMandate('2023-01-09', '2023-02-20T17:00');
    const step = r.offer(
      ev({
        type: 'strike.called',
        at: '2023-03-01',
        action: 'x',
        start: '2023-03-14',
        end: '2023-03-15',
        scope: 'full-walkout',
      }),
    );
    expect(step.reason).toBe("only 13 days' notice; Trade Union Act 2016 requires 14");
    const later = withMandate('2026-03-02', '2026-04-10T12:00');
    const ok = later.offer(
      ev({
        type: 'strike.called',
        at: '2026-04-11',
        action: 'y',
        start: '2026-04-21',
        end: '2026-04-22',
        scope: 'full-walkout',
      }),
    );
    expect(ok.accepted).toBe(true);
  });

  it('"strike.called" that would run past the mandate’s expiry', () => {
    const r = withMandate('2023-01-09', '2023-02-20T17:00');
    const step = r.offer(
      ev({
        type: 'strike.called',
        at: '2023-08-01',
        action: 'x',
        start: '2023-08-19',
        end: '2023-08-22',
        scope: 'full-walkout',
      }),
    );
    expect(step.reason).toBe('the mandate expires on 2023-08-20: the strike must end before then');
  });

  it('"referendum.opened" on an offer never made', () => {
    const r = withMandate('2023-01-09', '2023-02-20T17:00');
    const step = r.offer(
      ev({ type: 'referendum.opened', at: '2023-03-01', referendum: 'r', kind: 'referendum', offer: 'ghost' }),
    );
    expect(step.reason).toBe('no offer "ghost" was ever made');
  });

  it('an event dated before the clock', () => {
    const r = withMandate('2023-01-09', '2023-02-20T17:00');
    const step = r.offer(ev({ type: 'talks.opened', at: '2023-02-01', with: 'government' }));
    expect(step.accepted).toBe(false);
    expect(step.reason).toBe('dated before the clock (2023-02-20T17:00:00+00:00)');
  });

  it('any event after the dispute is over', () => {
    const r = withMandate('2023-01-09', '2023-02-20T17:00');
    r.offer(ev({ type: 'offer.made', at: '2023-03-01', offer: 'o', by: 'government', summary: '5%' }));
    r.offer(ev({ type: 'offer.accepted', at: '2023-03-02', offer: 'o' }));
    expect(r.snapshot.matches('settled')).toBe(true);
    expect(r.offer(ev({ type: 'talks.opened', at: '2023-03-03', with: 'government' })).reason).toBe(
      'the dispute is over (settled)',
    );
  });

  it('a failed ballot under the 2016 Act gives "mandate.failed", with its reasons recorded', () => {
    const r = withMandate('2023-01-09', '2023-02-20T17:00');
    r.offer(ev({ type: 'mandate.relinquished', at: '2023-03-01' }));
    r.offer(ev({ type: 'ballot.opened', at: '2023-04-01', ballot: 'b2' }));
    r.offer(ev({ type: 'ballot.closed', at: '2023-05-01', ballot: 'b2', entitled: 1000, cast: 450, yes: 400, no: 50 }));
    expect(r.snapshot.matches({ active: { mandate: 'failed' } })).toBe(true);
    expect(r.snapshot.context.balloting.ballots[1]?.reasons).toEqual(['turnout 45.0% is under the 50.0% threshold']);
  });
});

describe('outcomes', () => {
  it('"dispute.ended" after "terms.imposed" is "imposed"; without, "abandoned"', () => {
    const r = withMandate('2015-11-05', '2015-11-18T17:00');
    r.offer(ev({ type: 'terms.imposed', at: '2016-07-06', by: 'Jeremy Hunt', summary: 'new contract' }));
    r.offer(ev({ type: 'dispute.ended', at: '2016-11-10' }));
    expect(r.trace().final.outcome).toBe('imposed');
    const s = withMandate('2015-11-05', '2015-11-18T17:00');
    s.offer(ev({ type: 'dispute.ended', at: '2016-11-10' }));
    expect(s.trace().final.outcome).toBe('abandoned');
  });

  it('terms paused ("terms.paused") are not in force: ending then is "abandoned"; imposed again, "imposed"', () => {
    const r = withMandate('2015-11-05', '2015-11-18T17:00');
    r.offer(ev({ type: 'terms.imposed', at: '2016-02-11', by: 'Jeremy Hunt', summary: 'new contract' }));
    r.offer(ev({ type: 'terms.paused', at: '2016-05-05', by: 'Jeremy Hunt' }));
    expect(r.offer(ev({ type: 'terms.paused', at: '2016-05-06', by: 'Jeremy Hunt' })).reason).toBe(
      'no imposed terms are in force to pause',
    );
    const paused = withMandate('2015-11-05', '2015-11-18T17:00');
    paused.offer(ev({ type: 'terms.imposed', at: '2016-02-11', by: 'Jeremy Hunt', summary: 'new contract' }));
    paused.offer(ev({ type: 'terms.paused', at: '2016-05-05', by: 'Jeremy Hunt' }));
    paused.offer(ev({ type: 'dispute.ended', at: '2016-05-06' }));
    expect(paused.trace().final.outcome).toBe('abandoned');
    r.offer(ev({ type: 'terms.imposed', at: '2016-07-06', by: 'Jeremy Hunt', summary: 'phased in' }));
    r.offer(ev({ type: 'dispute.ended', at: '2016-11-10' }));
    expect(r.trace().final.outcome).toBe('imposed');
  });

  it('a member referendum accepting the offer settles; rejecting it returns to "offer.none"', () => {
    const r = withMandate('2023-01-09', '2023-02-20T17:00');
    r.offer(ev({ type: 'offer.made', at: '2023-03-01', offer: 'o1', by: 'government', summary: '5%' }));
    r.offer(ev({ type: 'referendum.opened', at: '2023-03-02', referendum: 'r1', kind: 'referendum', offer: 'o1' }));
    r.offer(ev({ type: 'referendum.closed', at: '2023-03-20', referendum: 'r1', yesPct: 42, noPct: 58 }));
    expect(r.snapshot.matches({ active: { offer: 'none' } })).toBe(true);
    expect(r.snapshot.context.negotiation.offers[0]?.status).toBe('rejected');
    r.offer(ev({ type: 'offer.made', at: '2023-04-01', offer: 'o2', by: 'government', summary: '7%' }));
    r.offer(ev({ type: 'referendum.opened', at: '2023-04-02', referendum: 'r2', kind: 'referendum', offer: 'o2' }));
    r.offer(ev({ type: 'referendum.closed', at: '2023-04-20', referendum: 'r2', yesPct: 66, noPct: 34 }));
    expect(r.trace().final.outcome).toBe('settled');
  });
});
