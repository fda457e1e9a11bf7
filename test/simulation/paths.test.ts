import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { type DisputeSnapshot, disputeMachine } from '../../src/machine/index.js';
import type { DisputeEvent } from '../../src/schemas/events/index.js';
import {
  type DisputePath,
  initialSnapshot,
  movesFrom,
  type PathStep,
  pathTo,
  reachableFrom,
  serializeDispute,
  shortestPathsToOutcomes,
  shortestPathTo,
  takeMove,
  walkDispute,
} from '../../src/simulation/paths/index.js';

const START = { start: '2023-01-01', rules: 'tua-2016' } as const;
const at = '2023-01-01T00:00:00+00:00';

/** The snapshot after some outside events, each of which the machine must accept. */
function reached(snapshot: DisputeSnapshot, ...events: DisputeEvent[]): DisputeSnapshot {
  return events.reduce((s, event) => {
    const next = takeMove(s, { cause: 'scenario', event });
    if (!next) throw new Error(`refused: ${event.type}`);
    return next;
  }, snapshot);
}

const declared: DisputeEvent = { type: 'dispute.declared', at, by: 'BMA', claim: { summary: 'pay' } };
const ballotOpened: DisputeEvent = { type: 'ballot.opened', at, ballot: 'b1' };
const ballotPassed: DisputeEvent = {
  type: 'ballot.closed',
  at,
  ballot: 'b1',
  entitled: 1000,
  cast: 700,
  yes: 650,
  no: 50,
};

/** A step as one line: an event and its instant, or ◷ a timer and the instant it fires. */
const line = (s: PathStep): string => (s.cause === 'time' ? `◷ ${s.timer} ${s.at}` : `${s.event.type} ${s.event.at}`);
const lines = (path: DisputePath | undefined): string[] => path?.steps.map(line) ?? [];
const isStriking = (s: DisputeSnapshot) => s.matches({ active: { action: 'striking' } });
const anyStrike = (s: DisputeSnapshot) => s.context.action.actions.length > 0;

describe('shortestPathsToOutcomes from the initial state ("grievance")', () => {
  const paths = shortestPathsToOutcomes(initialSnapshot(START));

  it('reaches "settled", "imposed" and "abandoned", each by the fewest moves', () => {
    expect(
      Object.fromEntries(Object.entries(paths).map(([outcome, path]) => [outcome, lines(path)])),
    ).toMatchInlineSnapshot(`
      {
        "abandoned": [
          "dispute.declared 2023-01-01T00:00:00+00:00",
          "dispute.ended 2023-01-01T00:00:00+00:00",
        ],
        "imposed": [
          "dispute.declared 2023-01-01T00:00:00+00:00",
          "terms.imposed 2023-01-01T00:00:00+00:00",
          "dispute.ended 2023-01-01T00:00:00+00:00",
        ],
        "settled": [
          "dispute.declared 2023-01-01T00:00:00+00:00",
          "offer.made 2023-01-01T00:00:00+00:00",
          "offer.accepted 2023-01-01T00:00:00+00:00",
        ],
      }
    `);
  });

  it('each path replays move by move to the state it ends in', () => {
    for (const path of Object.values(paths)) {
      let snapshot = path.from;
      for (const step of path.steps) {
        snapshot = takeMove(snapshot, step) ?? snapshot;
        expect(serializeDispute(snapshot)).toBe(serializeDispute(step.snapshot));
      }
      expect(snapshot.value).toEqual(path.state.value);
    }
  });
});

describe('shortestPathTo: time passes only by the chart’s own timers', () => {
  it('from "grievance" to "action.striking": a ballot, a strike called with notice, then its start on its date', () => {
    expect(lines(shortestPathTo(initialSnapshot(START), isStriking))).toMatchInlineSnapshot(`
      [
        "dispute.declared 2023-01-01T00:00:00+00:00",
        "ballot.opened 2023-01-01T00:00:00+00:00",
        "ballot.closed 2023-01-01T00:00:00+00:00",
        "strike.called 2023-01-01T00:00:00+00:00",
        "◷ untilNextStrike 2023-01-16T00:00:00+00:00",
      ]
    `);
  });

  it('from a strike called on 1 January for the 16th, the one move to "action.striking" is time, to the 16th', () => {
    const called = reached(initialSnapshot(START), declared, ballotOpened, ballotPassed, {
      type: 'strike.called',
      at,
      action: 's1',
      start: '2023-01-16',
      end: '2023-01-18',
      scope: 'full-walkout',
    });
    expect(lines(shortestPathTo(called, isStriking))).toEqual(['◷ untilNextStrike 2023-01-16T00:00:00+00:00']);
  });

  it('the empty path when the snapshot is already there, none when the walk cannot get there', () => {
    const start = initialSnapshot(START);
    expect(shortestPathTo(start, (s) => s.matches('grievance'))?.steps).toEqual([]);
    expect(shortestPathTo(start, (s) => s.context.balloting.ballots.length > 5)).toBeUndefined();
  });
});

describe('reachableFrom a given snapshot (hand-worked)', () => {
  it('after "dispute.ended" nothing is reachable beyond "abandoned" itself', () => {
    const ended = reached(initialSnapshot(START), declared, { type: 'dispute.ended', at });
    expect(movesFrom(ended)).toEqual([]);
    const reach = reachableFrom(ended);
    expect(reach).toMatchObject({
      complete: true,
      outcomes: new Set(['abandoned']),
      stateNodes: new Set(['abandoned']),
    });
    expect(reach.states).toHaveLength(1);
    expect(Object.keys(shortestPathsToOutcomes(ended))).toEqual(['abandoned']);
    expect(shortestPathsToOutcomes(ended).abandoned?.steps).toEqual([]);
  });

  it('from a fresh active dispute with no mandate, the shortest path to any strike opens and wins a ballot first', () => {
    const fresh = reached(initialSnapshot(START), declared);
    expect(fresh.matches({ active: { mandate: 'none' } })).toBe(true);
    const types = shortestPathTo(fresh, anyStrike)?.steps.map((s) => (s.cause === 'scenario' ? s.event.type : s.timer));
    expect(types).toEqual(['ballot.opened', 'ballot.closed', 'strike.called']);
  });

  it('from a fresh active dispute, every state with a strike called is reached through a closed ballot', () => {
    const graph = walkDispute(reached(initialSnapshot(START), declared));
    const withStrikes = [...graph.states.values()].filter((s) => anyStrike(s.snapshot));
    expect(withStrikes.length).toBeGreaterThan(10);
    for (const state of withStrikes) {
      const types = lines(pathTo(graph, state.key)).map((l) => l.split(' ')[0]);
      expect(types.indexOf('ballot.closed')).toBeGreaterThanOrEqual(0);
      expect(types.indexOf('ballot.closed')).toBeLessThan(types.indexOf('strike.called'));
    }
  });

  it('with a live mandate, every outcome and "action.striking" are still reachable', () => {
    const reach = reachableFrom(reached(initialSnapshot(START), declared, ballotOpened, ballotPassed));
    expect(reach.complete).toBe(true);
    expect(reach.outcomes).toEqual(new Set(['ongoing', 'settled', 'imposed', 'abandoned']));
    expect(reach.stateNodes).toContain('active.action.striking');
    expect(reach.stateNodes).not.toContain('grievance');
  });

  it('walks from a snapshot a running actor reached, as from one it computed itself', () => {
    const actor = createActor(disputeMachine, { input: START }).start();
    actor.send(declared);
    const paths = shortestPathsToOutcomes(actor.getSnapshot());
    actor.stop();
    expect(Object.keys(paths)).toEqual(['settled', 'imposed', 'abandoned']);
    expect(lines(paths.abandoned)).toEqual([`dispute.ended ${at}`]);
  });
});

describe('walkDispute options', () => {
  it('stops at its limit and says the walk is incomplete', () => {
    const graph = walkDispute(initialSnapshot(START), { limit: 20 });
    expect(graph.states.size).toBe(20);
    expect(graph.complete).toBe(false);
  });

  it('tries only the outside events it is given, besides the timers', () => {
    const reach = reachableFrom(initialSnapshot(START), { events: (s) => (s.matches('grievance') ? [declared] : []) });
    expect(reach.states.map((s) => s.value)).toEqual([
      'grievance',
      expect.objectContaining({ active: expect.anything() }),
    ]);
    expect(reach.outcomes).toEqual(new Set(['ongoing']));
  });
});

/** The relative imports of a source file, followed to the bottom, and every bare specifier among them. */
function specifiersOf(file: string, seen = new Set<string>()): Set<string> {
  const out = new Set<string>();
  if (seen.has(file)) return out;
  seen.add(file);
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
    if (!spec) continue;
    if (!spec.startsWith('.')) out.add(spec);
    else for (const s of specifiersOf(resolve(dirname(file), spec.replace(/\.js$/, '.ts')), seen)) out.add(s);
  }
  return out;
}

describe('paths and branches run in the browser', () => {
  it.each(['src/simulation/paths/index.ts', 'src/simulation/branch.ts'])(
    '%s imports nothing from Node (no node: modules, however deep), only xstate and zod',
    (entry) => {
      const specs = [...specifiersOf(resolve(entry))];
      expect(specs.length).toBeGreaterThan(0);
      expect(specs.filter((s) => !['xstate', 'zod'].includes(s))).toEqual([]);
    },
  );
});
