/**
 * Exploration (`explore`): what was still possible at a step, proved on hand-worked cases, locked with inline
 * snapshots, and the quick walks it uses (the ending moves, the striking moves) checked against the full walk at
 * every step of every shipped dispute.
 */
import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { type DisputeSnapshot, disputeMachine, outcomeOf } from '../../src/machine/index.js';
import type { DisputeEvent } from '../../src/schemas/events/index.js';
import {
  endingMoves,
  explore,
  SHORTEST_WINDOWS,
  strikingMoves,
  UnknownPointError,
} from '../../src/simulation/explore.js';
import {
  nextTimer,
  serializeDispute,
  shortestPathsToOutcomes,
  shortestPathTo,
} from '../../src/simulation/paths/index.js';
import { replay } from '../../src/simulation/replay.js';
import { scenario } from '../helpers/scenarios.js';

const HISTORICAL = ['2016', '2023', '2025', 'rcn-2023', 'consultants'];

/** Every step's snapshot of a shipped dispute's replay. */
function snapshots(ref: string): DisputeSnapshot[] {
  const out: DisputeSnapshot[] = [];
  replay(scenario(ref), { onStep: (_step, snapshot) => out.push(snapshot) });
  return out;
}

const isStriking = (s: DisputeSnapshot) => s.matches({ active: { action: 'striking' } });
const types = (path: { type: string }[]) => path.map((p) => p.type);

describe('explore: hand-worked cases', () => {
  it('after "dispute.ended" nothing is reachable and nothing is accepted', () => {
    const x = explore(scenario('2016'), { at: '2016-11-10' });
    expect(x.state).toEqual(['imposed']);
    expect(x.accepts).toEqual([]);
    expect(x.outcomes.map((o) => [o.outcome, o.reachable])).toEqual([
      ['settled', false],
      ['imposed', false],
      ['abandoned', false],
    ]);
    expect(x.outcomes.find((o) => o.reached)?.outcome).toBe('imposed');
    expect(x.strike.reachable).toBe(false);
  });

  it('with no mandate and no ballot open, a strike needs a ballot first: open, pass, call, and notice', () => {
    const x = explore(scenario('2023'));
    expect(x.at).toMatchObject({ index: 0, id: 'dispute-declared' });
    expect(types(x.strike.path)).toEqual(['ballot.opened', 'ballot.closed', 'strike.called', 'strike.started']);
    // 14 days of ballot (the shortest on record), then the 14 days' notice of the 2016 Act.
    expect([x.strike.events, x.strike.days]).toEqual([3, 28]);
  });

  it('under the 2016 Act, once a mandate has lapsed mid-dispute, a new strike needs a re-ballot first', () => {
    // The junior doctors' first mandate ran out at the end of 19 August 2023; the re-ballot opened on the 17th.
    // Two days before: the mandate has too little time left for 14 days' notice, so the road to a strike is a
    // new ballot first (opened, closed 14 days later, then the notice).
    const x = explore(scenario('2023'), { at: 'reballot-1-opens' });
    expect(x.state).toContain('active.mandate.live.term');
    expect(x.at.date).toBe('2023-08-17T00:00:00+01:00');
    expect(types(x.strike.path).filter((t) => !t.startsWith('mandate.'))).toEqual([
      'ballot.opened',
      'ballot.closed',
      'strike.called',
      'strike.started',
    ]);
    const after = explore(scenario('2023'), { at: '2023-08-21' });
    expect(after.state).toContain('active.mandate.lapsed');
    expect(types(after.strike.path).slice(0, 2)).toEqual(['ballot.closed', 'strike.called']);
  });

  it('before 2017 notice was 7 days, so the same road to a strike is a week shorter', () => {
    const x = explore(scenario('2016'));
    expect(types(x.strike.path)).toEqual(['ballot.opened', 'ballot.closed', 'strike.called', 'strike.started']);
    expect(x.strike.days).toBe(14 + 7);
  });

  it('an offer on the table is one event from settled; the committee rejecting it takes that away', () => {
    const tabled = explore(scenario('2023'), { at: 'offer-5pct-rejected' });
    expect(tabled.at).toMatchObject({ id: 'offer-5pct-made', before: 'offer-5pct-rejected' });
    expect(tabled.outcomes.find((o) => o.outcome === 'settled')).toMatchObject({ events: 1, days: 0 });
    const rejected = explore(scenario('2023'), { at: 'offer-5pct-rejected', depth: 12 });
    expect(
      rejected.decisionPoints.some((d) => d.id === 'offer-5pct-made' && /one event from settled/.test(d.note)),
    ).toBe(true);
  });

  it('a point that names neither an event nor a date is refused with its own error', () => {
    expect(() => explore(scenario('2023'), { at: 'no-such-event' })).toThrow(UnknownPointError);
  });
});

describe('explore: shortest paths, locked', () => {
  it('just after the 2023 dispute is declared', () => {
    const x = explore(scenario('2023'));
    expect(
      Object.fromEntries(x.outcomes.map((o) => [o.outcome, `${o.events}/${o.days}: ${types(o.path).join(' → ')}`])),
    ).toMatchInlineSnapshot(`
      {
        "abandoned": "1/0: dispute.ended",
        "imposed": "2/0: terms.imposed → dispute.ended",
        "settled": "2/0: offer.made → offer.accepted",
      }
    `);
  });

  it('the RCN after the court cut its mandate (3 May 2023)', () => {
    const x = explore(scenario('rcn-2023'), { at: '2023-05-03' });
    expect(x.state).toContain('active.mandate.lapsed');
    expect({
      outcomes: x.outcomes.map((o) => `${o.outcome} ${o.events}/${o.days}: ${types(o.path).join(' → ')}`),
      strike: x.strike.path.map((p) => `${p.type} ${p.at}`),
    }).toMatchInlineSnapshot(`
      {
        "outcomes": [
          "settled 2/0: offer.made → offer.accepted",
          "imposed 2/0: terms.imposed → dispute.ended",
          "abandoned 1/0: dispute.ended",
        ],
        "strike": [
          "ballot.opened 2023-05-03T23:59:59+01:00",
          "ballot.closed 2023-05-17T23:59:59+01:00",
          "strike.called 2023-05-17T23:59:59+01:00",
          "strike.started 2023-05-31T23:59:59+01:00",
        ],
      }
    `);
  });
});

describe('explore: with five strikes called (autumn 2016)', () => {
  it('ending the dispute means calling each of them off first, so imposed is six events away', () => {
    const x = explore(scenario('2016'), { at: '2016-09-02' });
    expect(x.outcomes.map((o) => `${o.outcome} ${o.events}: ${types(o.path).join(' → ')}`)).toMatchInlineSnapshot(`
      [
        "settled 2: offer.made → offer.accepted",
        "imposed 6: strike.cancelled → strike.cancelled → strike.cancelled → strike.cancelled → strike.cancelled → dispute.ended",
        "abandoned 7: terms.paused → strike.cancelled → strike.cancelled → strike.cancelled → strike.cancelled → strike.cancelled → dispute.ended",
      ]
    `);
    // The strike called for 12 September is ten days away from the end of 2 September.
    expect(x.strike).toMatchObject({ events: 0, days: 10 });
  });
});

describe('explore: the decision points of a replay', () => {
  it('name the RCN’s ballot, the mandate’s end, the failed re-ballot and the end', () => {
    const x = explore(scenario('rcn-2023'));
    const notes = x.decisionPoints.map((d) => `${d.date.slice(0, 10)} ${d.id ?? 'time'}: ${d.note}`);
    expect(notes).toEqual(
      expect.arrayContaining([
        '2022-10-06 ballot-2022-opens: a ballot is open: if it passes, a strike can follow',
        '2023-05-01 time: the mandate has ended: a strike now needs a new ballot',
        '2023-06-23 ballot-2023-closes: the ballot failed: a strike now needs a new ballot',
        '2023-06-27 dispute-ended: the dispute ends abandoned: settled and imposed out of reach',
      ]),
    );
    const last = x.decisionPoints.at(-1);
    expect(last).toMatchObject({ lost: ['settled', 'imposed', 'abandoned'], gained: [] });
  });
});

describe('the quick walks explore uses find what the full walk finds', () => {
  it.each(HISTORICAL)(
    '%s: the ending moves reach the same outcomes by paths as short, at every step',
    (ref) => {
      for (const snapshot of snapshots(ref)) {
        const full = shortestPathsToOutcomes(snapshot);
        const quick = shortestPathsToOutcomes(snapshot, { events: endingMoves });
        const length = (paths: typeof full) =>
          Object.fromEntries(Object.entries(paths).map(([o, p]) => [o, p?.steps.length]));
        expect(length(quick)).toEqual(length(full));
      }
    },
    60_000,
  );

  it.each(HISTORICAL)(
    '%s: the striking moves reach a strike whenever the full walk does, as quickly',
    (ref) => {
      for (const snapshot of snapshots(ref).filter((_, i) => i % 3 === 0)) {
        const full = shortestPathTo(snapshot, isStriking, { limit: 20_000 });
        const quick = shortestPathTo(snapshot, isStriking, { events: strikingMoves, limit: 20_000 });
        if (!full) expect(quick).toBeUndefined();
        else if (quick) expect(quick.steps.length).toBeLessThanOrEqual(full.steps.length);
        else expect.fail(`the full walk reaches a strike from ${snapshot.context.now} and the quick one does not`);
      }
    },
    60_000,
  );

  it('the shortest windows a dated path takes are the shortest the shipped disputes hold', () => {
    const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
    const finals = HISTORICAL.map((ref) => replay(scenario(ref)).final.context);
    const ballots = finals.flatMap((c) =>
      c.balloting.ballots.flatMap((b) => (b.closedAt ? [days(b.openedAt, b.closedAt)] : [])),
    );
    const votes = finals.flatMap((c) =>
      c.negotiation.referendums.flatMap((r) => (r.closedAt ? [days(r.openedAt, r.closedAt)] : [])),
    );
    expect([Math.min(...ballots), Math.min(...votes)]).toEqual([
      SHORTEST_WINDOWS.ballotDays,
      SHORTEST_WINDOWS.voteDays,
    ]);
  });
});

describe('the walks agree with xstate/graph (getShortestPaths) on the same moves', () => {
  /** The fewest moves to each outcome by xstate/graph, from a snapshot, trying the ending moves and the next timer. */
  function byXstateGraph(from: DisputeSnapshot): Record<string, number> {
    const paths = getShortestPaths(disputeMachine, {
      fromState: from,
      events: (s: DisputeSnapshot) => {
        const timer = nextTimer(s);
        return [...endingMoves(s), ...(timer ? [{ type: timer.type } as unknown as DisputeEvent] : [])];
      },
      serializeState: (s: DisputeSnapshot) => serializeDispute(s),
      limit: 20_000,
    });
    const out: Record<string, number> = {};
    for (const p of paths) {
      const o = outcomeOf(p.state);
      // A path's weight is its number of moves (its steps also hold the state it starts from).
      if (o !== 'ongoing' && (out[o] === undefined || p.weight < (out[o] as number))) out[o] = p.weight;
    }
    return out;
  }

  it.each(HISTORICAL)(
    '%s: the same outcomes, by as few moves, at every fourth step',
    (ref) => {
      for (const snapshot of snapshots(ref).filter((s, i) => i % 4 === 0 && s.status === 'active')) {
        const ours = shortestPathsToOutcomes(snapshot, { events: endingMoves });
        const lengths = Object.fromEntries(Object.entries(ours).map(([o, p]) => [o, p?.steps.length]));
        expect(lengths).toEqual(byXstateGraph(snapshot));
      }
    },
    60_000,
  );
});
