import { describe, expect, it } from 'vitest';
import type { AnyStateNode } from 'xstate';
import { getAdjacencyMap } from 'xstate/graph';
import { parseInstant } from '../../src/domain/time.js';
import { pendingActions } from '../../src/machine/checks.js';
import { TIMERS } from '../../src/machine/dispute.setup.js';
import { type DisputeSnapshot, disputeMachine, outcomeOf } from '../../src/machine/index.js';
import type { DisputeEvent } from '../../src/schemas/events/index.js';
import { RECORD_ONLY } from '../../src/simulation/branches.js';
import { candidateEvents } from '../helpers/events.js';

/** The chart's state nodes, as dot-joined paths. */
function allStateNodes(node: AnyStateNode = disputeMachine.root): string[] {
  const own = node.path.length > 0 ? [node.path.join('.')] : [];
  return [...own, ...Object.values(node.states).flatMap((child) => allStateNodes(child))];
}

/** The events the walk tries from a snapshot: the plausible ones that can change state, and the armed timers. */
function walkEvents(snapshot: DisputeSnapshot): DisputeEvent[] {
  return [...candidateEvents(snapshot.context).filter((e) => !RECORD_ONLY.has(e.type)), ...timerEvents(snapshot)];
}

/** The timer due first, as the event the graph walk can take: time runs in order, as on the replay clock. */
function timerEvents(snapshot: DisputeSnapshot): DisputeEvent[] {
  const armed = snapshot._nodes
    .flatMap((n) => n.ownEvents)
    .filter((type) => type.startsWith('xstate.after.'))
    .map((type) => {
      const delay = type.split('.')[2] as keyof typeof TIMERS;
      return { type, due: parseInstant(TIMERS[delay](snapshot.context) ?? snapshot.context.now) };
    })
    .sort((a, b) => a.due - b.due);
  return armed.slice(0, 1).map(({ type }) => ({ type }) as unknown as DisputeEvent);
}

/** The state, plus the few facts that decide guards, so the walk is finite but misses no branch. */
function serialize(snapshot: DisputeSnapshot): string {
  const c = snapshot.context;
  return JSON.stringify([snapshot.value, c.impositions.length > 0, pendingActions(c).length > 1]);
}

describe('the dispute chart as a graph (xstate/graph)', () => {
  const map = getAdjacencyMap(disputeMachine, {
    input: { start: '2023-01-01', rules: 'tua-2016' },
    events: walkEvents,
    serializeState: (snapshot) => serialize(snapshot),
    limit: 100_000,
  });
  const states = Object.values(map).map((entry) => entry.state as DisputeSnapshot);

  it('reaches every state node of the chart, from "grievance" to "settled", "imposed" and "abandoned"', () => {
    const visited = new Set(states.flatMap((s) => s._nodes.map((n) => n.path.join('.'))));
    const missing = allStateNodes().filter(
      (path) => !visited.has(path) && !path.endsWith('live.window') && !path.endsWith('live.openEnded'),
    );
    expect(missing).toEqual([]);
  });

  it('reaches every outcome', () => {
    expect(new Set(states.map((s) => outcomeOf(s)))).toEqual(new Set(['ongoing', 'settled', 'imposed', 'abandoned']));
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
    for (const s of settled) expect(s.context.offers.some((o) => o.status === 'accepted')).toBe(true);
  });
});

describe('the chart under the rules before 2017 (xstate/graph)', () => {
  it('reaches "mandate.live.window" and "mandate.live.openEnded"', () => {
    const map = getAdjacencyMap(disputeMachine, {
      input: { start: '2015-09-01', rules: 'tulrca-1992' },
      events: walkEvents,
      serializeState: (snapshot) => serialize(snapshot),
      stopWhen: (snapshot) => snapshot.status !== 'active',
      limit: 100_000,
    });
    const visited = new Set(
      Object.values(map).flatMap((e) => (e.state as DisputeSnapshot)._nodes.map((n) => n.path.join('.'))),
    );
    expect(visited).toContain('active.mandate.live.window');
    expect(visited).toContain('active.mandate.live.openEnded');
    expect(visited).toContain('active.mandate.lapsed');
  });
});
