import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/simulation/engine.js';

/** An engine with a live mandate under the 2016 Act (a ballot closed on 9 Jan 2023). */
function withMandate(): Engine {
  const engine = Engine.start({ rules: 'by-date', start: '2023-01-01' });
  engine.send({ type: 'dispute.declared', at: '2023-01-02', by: 'Union', claim: { summary: 'pay' } });
  engine.send({ type: 'ballot.opened', at: '2023-01-03', ballot: 'b1' });
  engine.send({ type: 'ballot.closed', at: '2023-01-09', ballot: 'b1', entitled: 100, cast: 80, yes: 70, no: 10 });
  return engine;
}

const strike = (extra: Record<string, string>) =>
  ({ type: 'strike.called', action: 's1', scope: 'full-walkout', ...extra }) as Parameters<Engine['send']>[0];

describe('notice as TULRCA s.234A counts it: calendar days before the day the action begins', () => {
  it('notice on 28 Feb (evening) is enough for action on 14 Mar (morning) under the 2016 Act, though under 14 × 24 hours', () => {
    const sent = withMandate().send(strike({ at: '2023-02-28T18:00', start: '2023-03-14T07:00', end: '2023-03-15' }));
    expect(sent.reason).toBeUndefined();
    expect(sent.accepted).toBe(true);
  });

  it('notice on 1 Mar for action on 14 Mar is 13 days: refused', () => {
    const sent = withMandate().send(strike({ at: '2023-03-01', start: '2023-03-14T07:00', end: '2023-03-15' }));
    expect(sent.reason).toBe("only 13 days' notice; Trade Union Act 2016 requires 14");
  });

  it('notice is counted from when it was served on the employers, where that differs from the announcement', () => {
    const late = withMandate().send(
      strike({ at: '2023-02-20', noticeServed: '2023-03-02', start: '2023-03-15', end: '2023-03-16' }),
    );
    expect(late.reason).toBe("only 13 days' notice; Trade Union Act 2016 requires 14");
    const engine = withMandate();
    const served = engine.send(
      strike({ at: '2023-02-20', noticeServed: '2023-03-01', start: '2023-03-15', end: '2023-03-16' }),
    );
    expect(served.accepted).toBe(true);
    expect(engine.snapshot.context.action.actions[0]).toMatchObject({
      calledAt: '2023-02-20T00:00:00+00:00',
      noticeServedAt: '2023-03-01T00:00:00+00:00',
    });
  });

  it('the law of the day notice was served applies: 10 days are enough from 18 Feb 2026', () => {
    const engine = Engine.start({ rules: 'by-date', start: '2026-03-01' });
    engine.send({ type: 'dispute.declared', at: '2026-03-01', by: 'Union', claim: { summary: 'pay' } });
    engine.send({ type: 'ballot.opened', at: '2026-03-02', ballot: 'b1' });
    engine.send({ type: 'ballot.closed', at: '2026-03-20', ballot: 'b1', entitled: 100, cast: 80, yes: 70, no: 10 });
    expect(engine.send(strike({ at: '2026-03-21T20:00', start: '2026-03-31T07:00', end: '2026-04-01' })).accepted).toBe(
      true,
    );
  });
});
