import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/simulation/engine.js';

describe('"talks.concluded": talks that end with an offer, not a collapse', () => {
  it('closes the talks as concluded, naming the offer, and leaves the table free ("noTalks", not "brokenDown")', () => {
    const engine = Engine.start({ start: '2023-02-01' });
    const send = (e: Record<string, unknown>) => engine.send(e as Parameters<Engine['send']>[0]);
    send({ type: 'dispute.declared', at: '2023-02-01', by: 'RCN', claim: { summary: 'RPI + 5%' } });
    send({ type: 'talks.opened', at: '2023-03-08', with: 'government' });
    expect(send({ type: 'talks.concluded', at: '2023-03-16', offer: 'offer-2023-03' }).reason).toBeUndefined();
    expect(engine.snapshot.matches({ active: { negotiation: 'noTalks' } })).toBe(true);
    expect(engine.snapshot.context.negotiation.talks[0]).toMatchObject({
      closedAt: '2023-03-16T00:00:00+00:00',
      concluded: true,
      offer: 'offer-2023-03',
    });
  });

  it('is refused when no talks are under way', () => {
    const engine = Engine.start({ start: '2023-02-01' });
    engine.send({ type: 'dispute.declared', at: '2023-02-01', by: 'RCN', claim: { summary: 'pay' } });
    expect(engine.send({ type: 'talks.concluded', at: '2023-03-16' })).toMatchObject({
      accepted: false,
      reason: 'no talks are under way',
    });
  });
});
