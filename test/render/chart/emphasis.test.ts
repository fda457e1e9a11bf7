import { describe, expect, it } from 'vitest';
import { initialContext } from '../../../src/machine/context.js';
import { disputeMachine } from '../../../src/machine/dispute.machine.js';
import { emphasisFromTrace, initialConfiguration } from '../../../src/render/chart/emphasis.js';
import { type ChartModel, chartModel } from '../../../src/render/chart/model.js';
import { TRACE_VERSION, type Trace, type TraceStep } from '../../../src/schemas/trace.js';
import { replayed } from '../../helpers/scenarios.js';

const model = chartModel(disputeMachine);

/** The id of the chart edge from `source` to `target` on `event` (one guard alternative: the first). */
function edge(source: string, target: string, event: string, m: ChartModel = model): string {
  const found = m.edges.find((e) => e.source === source && e.target === target && e.event === event);
  if (!found) throw new Error(`no edge ${source} → ${target} on ${event}`);
  return found.id;
}

const LIVE = ['active', 'active.ballot', 'active.ballot.idle', 'active.negotiation', 'active.negotiation.noTalks'];
const REST = ['active.offer', 'active.offer.none', 'active.action', 'active.action.none'];

function step(type: string, active: string[], extra: Partial<TraceStep> = {}): TraceStep {
  return {
    index: 0,
    date: '',
    event: { type },
    cause: 'scenario',
    accepted: true,
    state: '',
    active,
    patch: [],
    sources: [],
    ...extra,
  };
}

function trace(steps: TraceStep[]): Trace {
  const scenario = { id: 't', title: 't', kind: 'example' as const, rules: 'by-date' };
  const initial = { date: '', state: '', active: [], context: initialContext({ start: '2023-01-01' }) };
  return { version: TRACE_VERSION, scenario, initial, steps, final: { ...initial, outcome: 'ongoing' } };
}

describe('emphasisFromTrace', () => {
  it('the machine starts in grievance, and only there', () => {
    expect(initialConfiguration(model.root)).toEqual(['grievance']);
  });

  it('the example replay visits grievance, active.mandate.live.term and settled, never active.mandate.failed', () => {
    const { states } = emphasisFromTrace(replayed('example').trace, model);
    for (const path of ['grievance', 'active', 'active.mandate.live', 'active.mandate.live.term', 'settled'])
      expect(states).toContain(path);
    for (const path of ['active.mandate.failed', 'active.negotiation.brokenDown', 'imposed', 'abandoned'])
      expect(states).not.toContain(path);
  });

  it('takes dispute.declared, and the timed transitions under the trace’s names (strike.started, strike.ended)', () => {
    const { edges } = emphasisFromTrace(replayed('example').trace, model);
    expect(edges).toContain(edge('grievance', 'active', 'dispute.declared'));
    expect(edges).toContain(edge('active.mandate.none', 'active.mandate.live.term', 'ballot.closed'));
    expect(edges).toContain(edge('active.action.announced', 'active.action.striking', 'after untilNextStrike'));
    expect(edges).toContain(edge('active.action.striking', 'active.action.ended', 'after untilStrikeEnds'));
    expect(edges).toContain(edge('active.offer.putToMembers', 'settled', 'referendum.closed'));
    // The guarded alternatives the replay did not take stay plain.
    expect(edges).not.toContain(edge('active.mandate.none', 'active.mandate.failed', 'ballot.closed'));
    expect(edges).not.toContain(edge('active.action.striking', 'active.action.announced', 'after untilStrikeEnds'));
    expect(edges).not.toContain(edge('active.offer.putToMembers', 'active.offer.none', 'referendum.closed'));
  });

  it('maps mandate.lapsed to after untilMandateExpires; a refused event takes nothing', () => {
    const lives = (mandate: string[], talks = 'active.negotiation.noTalks'): string[] => [
      ...LIVE.filter((p) => p !== 'active.negotiation.noTalks'),
      talks,
      'active.mandate',
      ...mandate,
      ...REST,
    ];
    const term = lives(['active.mandate.live', 'active.mandate.live.term']);
    const lapsed = lives(['active.mandate.lapsed'], 'active.negotiation.talking');
    const { states, edges } = emphasisFromTrace(
      trace([
        step('dispute.declared', lives(['active.mandate.none'])),
        step('ballot.closed', term),
        step('mandate.lapsed', lives(['active.mandate.lapsed']), { cause: 'time' }),
        step('talks.opened', lapsed),
        // Refused: had it been accepted, it would have taken the loop talking → talking.
        step('talks.opened', lapsed, { accepted: false, reason: 'talks are already open' }),
      ]),
      model,
    );
    expect([...edges].sort()).toEqual(
      [
        edge('grievance', 'active', 'dispute.declared'),
        edge('active.mandate.none', 'active.mandate.live.term', 'ballot.closed'),
        edge('active.mandate.live.term', 'active.mandate.lapsed', 'after untilMandateExpires'),
        edge('active.negotiation.noTalks', 'active.negotiation.talking', 'talks.opened'),
      ].sort(),
    );
    expect(states).toContain('active.mandate.lapsed');
  });
});
