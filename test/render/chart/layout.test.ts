import { describe, expect, it } from 'vitest';
import { disputeMachine } from '../../../src/machine/dispute.machine.js';
import { type Box, type LaidOutState, layoutChart, textWidth } from '../../../src/render/chart/layout.js';
import { allNodes, chartModel } from '../../../src/render/chart/model.js';
import { groupTransitions, labelLines } from '../../../src/render/chart/transitions.js';

const model = chartModel(disputeMachine);
const laid = await layoutChart(model);

const flat = (states: LaidOutState[]): LaidOutState[] => states.flatMap((s) => [s, ...flat(s.children)]);
const placed = new Map(flat(laid.states).map((s) => [s.path, s]));
const at = (path: string): LaidOutState => {
  const s = placed.get(path);
  if (!s) throw new Error(`${path} not laid out`);
  return s;
};
const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

describe('layoutChart', () => {
  it('measures text by characters: 7 px a character at 12 px', () => {
    expect(textWidth('ballot.opened', 12)).toBe(91);
    expect(textWidth('', 12)).toBe(0);
  });

  it('is deterministic: the same chart gives the same numbers', async () => {
    expect(await layoutChart(chartModel(disputeMachine))).toEqual(laid);
  });

  it('places every state once, each inside its parent', () => {
    expect([...placed.keys()].sort()).toEqual(
      allNodes(model.root)
        .map((n) => n.path)
        .filter(Boolean)
        .sort(),
    );
    for (const s of placed.values()) {
      expect(s.width, s.path).toBeGreaterThan(0);
      for (const c of s.children) expect(inside(c, s), `${c.path} inside ${s.path}`).toBe(true);
    }
  });

  it('reads left to right along the main path, the regions stacked in story order', () => {
    const x = (path: string): number => at(path).x;
    expect(x('grievance')).toBeLessThan(x('active'));
    expect(x('active') + at('active').width).toBeLessThan(x('settled'));
    expect(x('active.ballot.idle')).toBeLessThan(x('active.ballot.open'));
    expect(x('active.mandate.none')).toBeLessThan(x('active.mandate.live'));
    expect(x('active.mandate.live')).toBeLessThan(x('active.mandate.lapsed'));
    expect(x('active.negotiation.noTalks')).toBeLessThan(x('active.negotiation.talking'));
    expect(x('active.offer.none')).toBeLessThan(x('active.offer.tabled'));
    expect(x('active.offer.tabled')).toBeLessThan(x('active.offer.putToMembers'));
    const action = ['none', 'announced', 'striking', 'ended'].map((k) => x(`active.action.${k}`));
    expect(action).toEqual([...action].sort((a, b) => a - b));
    const regions = at('active').children;
    expect(regions.map((r) => r.key)).toEqual(['ballot', 'mandate', 'negotiation', 'offer', 'action']);
    for (const [i, r] of regions.entries()) {
      const below = regions[i + 1];
      if (below) expect(r.y + r.height, `${r.key} above ${below.key}`).toBeLessThanOrEqual(below.y);
      expect([r.x, r.width]).toEqual([regions[0]?.x, regions[0]?.width]);
    }
  });

  it('keeps labels clear of each other, of state boxes and of compound headers', () => {
    const labels = laid.transitions.flatMap((t) =>
      t.label ? [{ ...t.label, name: `${t.source} → ${t.target}` }] : [],
    );
    expect(labels).toHaveLength(laid.transitions.length);
    const obstacles = flat(laid.states).map((s) => (s.children.length > 0 ? { ...s, height: 30 } : s));
    for (const [i, a] of labels.entries()) {
      for (const s of obstacles) expect(overlaps(a, s), `${a.name} over ${s.path}`).toBe(false);
      for (const b of labels.slice(i + 1)) expect(overlaps(a, b), `${a.name} over ${b.name}`).toBe(false);
    }
  });

  it('routes every transition and every initial arrow', () => {
    for (const t of laid.transitions) expect(t.route.length, `${t.source} → ${t.target}`).toBeGreaterThanOrEqual(2);
    const initials = laid.markers.filter((m) => m.kind === 'initial');
    expect(initials.map((m) => m.of)).toEqual(
      allNodes(model.root)
        .filter((n) => n.initial)
        .map((n) => n.path),
    );
    for (const m of initials) expect(m.route.length).toBeGreaterThanOrEqual(2);
  });
});

describe('groupTransitions', () => {
  const groups = groupTransitions(model);

  it('draws a transition every mandate state has once, from an “any state” marker', () => {
    const fixed = groups.find((g) => g.target === 'active.mandate.live.term' && g.from === 'any');
    expect(fixed?.source).toBe('active.mandate');
    expect(fixed?.members.map((m) => m.edges.map((e) => e.source))).toEqual([
      [
        'active.mandate.none',
        'active.mandate.failed',
        'active.mandate.live',
        'active.mandate.lapsed',
        'active.mandate.relinquished',
      ],
    ]);
    // A failed ballot leads to `failed` from every state but `live`: drawn from each.
    expect(groups.filter((g) => g.target === 'active.mandate.failed').map((g) => g.from)).toEqual([
      'state',
      'state',
      'state',
      'state',
    ]);
  });

  it('puts the events that share a guard and an arrow on one line, and keeps every edge once', () => {
    const loop = groups.find((g) => g.source === 'active.action.announced' && g.target === 'active.action.announced');
    expect(loop?.members.map((m) => m.lines.map((l) => l.text))).toEqual([
      ['strike.called', '[isNewAction && hasMandateAndNotice &&', 'isCoveredByMandate]'],
      ['strike.rescheduled', '[isPendingAction && hasMandateAndNotice]'],
      ['strike.suspended, strike.cancelled', '[isCalledOrRunningAction &&', 'hasStrikesPendingAfterThis]'],
      [
        'challenge.decided',
        '[isPendingChallenge &&',
        'hasPossibleOrders &&',
        'courtChangesStrikes &&',
        'courtLeavesStrikesPending]',
      ],
      ['after untilNextStrike', '[hasMoreThanOneStrikePending]'],
    ]);
    const ids = groups.flatMap((g) => g.members.flatMap((m) => m.edges.map((e) => e.id)));
    expect(ids.sort()).toEqual(model.edges.map((e) => e.id).sort());
  });

  it('wraps long guards at && and keeps short labels on one line', () => {
    expect(labelLines(['ballot.opened'], 'isNewBallot')).toEqual([
      { text: 'ballot.opened [isNewBallot]', kind: 'event' },
    ]);
    expect(labelLines(['referendum.closed'], 'isVoteOnOffer && isOpenVote && membersAcceptOffer')).toEqual([
      { text: 'referendum.closed', kind: 'event' },
      { text: '[isVoteOnOffer && isOpenVote &&', kind: 'guard' },
      { text: 'membersAcceptOffer]', kind: 'guard' },
    ]);
  });
});
