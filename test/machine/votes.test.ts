import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/simulation/engine.js';

describe('a member vote on an offer', () => {
  it('"referendum.closed" on an offer withdrawn while members voted leaves it withdrawn (found by the random runs)', () => {
    const engine = Engine.start({ rules: 'tulrca-1992', start: '2015-09-01' });
    const send = (e: Record<string, unknown>) =>
      engine.send({ at: '2015-09-01', ...e } as Parameters<Engine['send']>[0]);
    send({ type: 'dispute.declared', by: 'the union', claim: { summary: 'pay' } });
    send({ type: 'offer.made', offer: 'o1', by: 'the government', summary: 'an offer' });
    expect(send({ type: 'referendum.opened', referendum: 'v1', kind: 'survey', offer: 'o1' }).reason).toBeUndefined();
    expect(send({ type: 'offer.withdrawn', at: '2015-09-10', offer: 'o1' }).reason).toBeUndefined();
    // A second offer goes before the members; the first vote then closes.
    send({ type: 'offer.made', at: '2015-09-11', offer: 'o2', by: 'the government', summary: 'a better offer' });
    send({ type: 'referendum.opened', at: '2015-09-11', referendum: 'v2', kind: 'referendum', offer: 'o2' });
    const closed = send({ type: 'referendum.closed', at: '2015-09-12', referendum: 'v1', yesPct: 60, noPct: 40 });
    expect(closed.reason).toBeUndefined();
    const [first, second] = engine.snapshot.context.negotiation.offers;
    expect(first?.status).toBe('withdrawn');
    expect(second?.status).toBe('putToMembers');
    expect(engine.snapshot.context.negotiation.referendums[0]?.result).toBe('yes');
  });

  it('a binding referendum on an offer withdrawn since settles nothing, and leaves the new offer before the members (found by the random runs)', () => {
    const engine = Engine.start({ rules: 'tulrca-1992', start: '2015-09-01' });
    const send = (e: Record<string, unknown>) =>
      engine.send({ at: '2015-09-01', ...e } as Parameters<Engine['send']>[0]);
    send({ type: 'dispute.declared', by: 'the union', claim: { summary: 'pay' } });
    send({ type: 'offer.made', offer: 'o1', by: 'the government', summary: 'an offer' });
    send({ type: 'referendum.opened', referendum: 'v1', kind: 'referendum', offer: 'o1' });
    send({ type: 'offer.withdrawn', at: '2015-09-10', offer: 'o1' });
    send({ type: 'offer.made', at: '2015-09-11', offer: 'o2', by: 'the government', summary: 'a better offer' });
    send({ type: 'referendum.opened', at: '2015-09-11', referendum: 'v2', kind: 'referendum', offer: 'o2' });
    expect(
      send({ type: 'referendum.closed', at: '2015-09-12', referendum: 'v1', yesPct: 60, noPct: 40 }).accepted,
    ).toBe(true);
    expect(engine.snapshot.status).toBe('active');
    expect(engine.snapshot.matches({ active: { offer: 'putToMembers' } })).toBe(true);
    expect(engine.snapshot.context.negotiation.offers.map((o) => o.status)).toEqual(['withdrawn', 'putToMembers']);
    // The vote on the offer before the members still decides it.
    send({ type: 'referendum.closed', at: '2015-09-20', referendum: 'v2', yesPct: 70, noPct: 30 });
    expect(engine.snapshot.matches('settled')).toBe(true);
  });
});
