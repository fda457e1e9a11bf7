import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/domain/time.js';
import { Engine } from '../../src/simulation/engine.js';
import { Replayer, replay } from '../../src/simulation/replay.js';
import { scenario } from '../helpers/scenarios.js';

describe('the engine', () => {
  it('refuses a strike with no mandate, with the reason, and leaves the snapshot as it was', () => {
    const engine = Engine.start({ rules: 'by-date', start: '2023-01-01' });
    expect(
      engine.send({ type: 'dispute.declared', at: '2023-01-02', by: 'Union', claim: { summary: 'pay' } }).accepted,
    ).toBe(true);
    const before = engine.snapshot;
    const sent = engine.send({
      type: 'strike.called',
      at: '2023-01-03',
      action: 's1',
      scope: 'full-walkout',
      start: '2023-02-01',
      end: '2023-02-02',
    });
    expect(sent).toMatchObject({ accepted: false, reason: 'there is no live mandate for industrial action' });
    expect(engine.snapshot).toBe(before);
  });

  it('an event dated before the clock is refused', () => {
    const engine = Engine.start({ start: '2023-01-01' });
    engine.advanceTo(parseInstant('2023-02-01'));
    const sent = engine.send({ type: 'dispute.declared', at: '2023-01-15', by: 'U', claim: { summary: 'pay' } });
    expect(sent.accepted).toBe(false);
    expect(sent.reason).toMatch(/^dated before the clock/);
  });

  it('time-caused steps come back from send, each at its own instant, naming the strike', () => {
    const s = scenario('example');
    const engine = Engine.start({ rules: s.rules, start: s.period.from });
    const timed = [];
    for (const e of s.events) {
      const { id: _id, sources: _s, note: _n, quote: _q, confidence: _c, ...event } = e;
      timed.push(...engine.send(event as Parameters<Engine['send']>[0]).timed);
    }
    const strikes = timed.filter((t) => t.type.startsWith('strike.'));
    expect(strikes.length).toBeGreaterThan(0);
    for (const t of strikes) expect(t.action).toBeTruthy();
    const times = timed.map((t) => t.atMs);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});

describe('time-caused steps are what the machine emits', () => {
  it('under the rules before 2017, a window that closes with no action begun ends the mandate, and a strike called after it lapses on its day', () => {
    const engine = Engine.start({ rules: 'tulrca-1992', start: '2015-01-01' });
    const send = (e: Record<string, unknown>) => engine.send(e as Parameters<Engine['send']>[0]);
    send({ type: 'dispute.declared', at: '2015-01-02', by: 'U', claim: { summary: 'pay' } });
    send({ type: 'ballot.opened', at: '2015-01-05', ballot: 'b1' });
    send({ type: 'ballot.closed', at: '2015-02-01', ballot: 'b1', entitled: 100, cast: 80, yes: 60, no: 20 });
    const call = (action: string, start: string, end: string) =>
      send({ type: 'strike.called', at: '2015-02-05', action, scope: 'full-walkout', start, end });
    expect(call('s1', '2015-02-20', '2015-02-21').accepted).toBe(true);
    expect(call('s2', '2015-03-10', '2015-03-11').accepted).toBe(true);
    expect(send({ type: 'strike.cancelled', at: '2015-02-10', action: 's1' }).accepted).toBe(true);
    const timed = engine.advanceTo(parseInstant('2015-04-01'));
    expect(timed.map(({ type, action, ballot }) => ({ type, action, ballot }))).toEqual([
      { type: 'mandate.windowClosed', ballot: 'b1', action: undefined },
      { type: 'strike.lapsed', action: 's2', ballot: undefined },
    ]);
    expect(timed[1]?.atMs).toBe(parseInstant('2015-03-10'));
  });
});

describe('forking', () => {
  it('forks the 2023 replay at every step, replays the rest on the fork, and gets the original Trace', () => {
    const s = scenario('2023');
    const original = replay(s);
    for (let k = 0; k <= s.events.length; k++) {
      const head = new Replayer(s, s.period.from);
      for (const e of s.events.slice(0, k)) head.offer(e);
      const fork = head.fork();
      // What is sent to the original after the fork does not reach the fork.
      head.offer({ ...s.events[0], id: 'noise', at: s.events[s.events.length - 1]?.at ?? s.period.to } as never);
      for (const e of s.events.slice(k)) fork.offer(e);
      if (fork.snapshot.status === 'active') fork.advanceTo(parseInstant(s.period.to));
      expect(fork.trace(), `forked before event ${k}`).toEqual(original);
      head.stop();
      fork.stop();
    }
  });

  it('a fork keeps a strike called weeks ahead: it starts and ends on its own dates on the fork', () => {
    const s = scenario('2023');
    const call = s.events.findIndex((e) => e.type === 'strike.called');
    const head = new Replayer(s, s.period.from);
    for (const e of s.events.slice(0, call + 1)) head.offer(e);
    const fork = head.fork();
    const called = s.events[call] as { start: string; end: string; action: string };
    fork.advanceTo(parseInstant(called.end) + 1);
    const timed = fork.steps.filter((step) => step.cause === 'time' && step.event.action === called.action);
    expect(timed.map((t) => [t.event.type, t.date])).toEqual([
      ['strike.started', replay(s).steps.find((x) => x.event.type === 'strike.started')?.date],
      ['strike.ended', replay(s).steps.find((x) => x.event.type === 'strike.ended')?.date],
    ]);
    // The original, not advanced, has neither.
    expect(head.steps.filter((step) => step.cause === 'time')).toHaveLength(0);
  });
});
