import { describe, expect, it } from 'vitest';
import type { AnyStateNode } from 'xstate';
import { type DisputeSnapshot, disputeMachine } from '../../src/machine/index.js';
import { initialSnapshot, reachableFrom } from '../../src/simulation/paths/index.js';

/** The chart's state nodes, as dot-joined paths. */
function allStateNodes(node: AnyStateNode = disputeMachine.root): string[] {
  const own = node.path.length > 0 ? [node.path.join('.')] : [];
  return [...own, ...Object.values(node.states).flatMap((child) => allStateNodes(child))];
}

describe('the dispute chart as a graph (walkDispute)', () => {
  const reach = reachableFrom(initialSnapshot({ start: '2023-01-01', rules: 'tua-2016' }));
  const states: DisputeSnapshot[] = reach.states;

  it('walks every state it can reach, within its limit', () => {
    expect(reach.complete).toBe(true);
  });

  it('reaches every state node of the chart, from "grievance" to "settled", "imposed" and "abandoned"', () => {
    const missing = allStateNodes().filter(
      (path) => !reach.stateNodes.has(path) && !path.endsWith('live.window') && !path.endsWith('live.openEnded'),
    );
    expect(missing).toEqual([]);
  });

  it('reaches every outcome', () => {
    expect(reach.outcomes).toEqual(new Set(['ongoing', 'settled', 'imposed', 'abandoned']));
  });

  it('never holds "action.striking" without "mandate.live" in any reachable state', () => {
    const bad = states.filter(
      (s) => s.matches({ active: { action: 'striking' } }) && !s.matches({ active: { mandate: 'live' } }),
    );
    expect(bad.map((s) => JSON.stringify(s.value))).toEqual([]);
  });

  it('reaches "settled" only with an accepted offer', () => {
    const settled = states.filter((s) => s.matches('settled'));
    expect(settled.length).toBeGreaterThan(0);
    for (const s of settled) expect(s.context.negotiation.offers.some((o) => o.status === 'accepted')).toBe(true);
  });
});

describe('the chart under the rules before 2017 (walkDispute)', () => {
  it('reaches "mandate.live.window" and "mandate.live.openEnded"', () => {
    const { stateNodes } = reachableFrom(initialSnapshot({ start: '2015-09-01', rules: 'tulrca-1992' }));
    expect(stateNodes).toContain('active.mandate.live.window');
    expect(stateNodes).toContain('active.mandate.live.openEnded');
    expect(stateNodes).toContain('active.mandate.lapsed');
  });
});
