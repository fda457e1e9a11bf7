/**
 * The fast table is proved equal to the XState actor, never trusted: from every step of every historical
 * dispute, random sequences of moves (fresh and reused names, instants around the notice, the mandate's end and
 * the next strike, impossible figures, moves dated before the clock) and passing time go through both, and after
 * each the two must agree on whether the move was taken and on the whole state: the chart's regions, both
 * clocks, every part of the record a move reads or writes, and the timers armed. Then whole simulated runs, with
 * random strategies, from random steps, must come out the same on both tables, event for event.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDays, DAY_MS, formatDay } from '../../src/domain/time.js';
import { SCENARIO_DIR } from '../../src/loader/files.js';
import { shippedStrategy } from '../../src/loader/strategy.js';
import type { Scenario } from '../../src/schemas/scenario.js';
import type { Strategy } from '../../src/schemas/strategy.js';
import { ActorTable, engineState, fastStartOf } from '../../src/simulation/actor-table.js';
import type { Engine } from '../../src/simulation/engine.js';
import { FastDispute } from '../../src/simulation/fast.js';
import { Replayer } from '../../src/simulation/replay.js';
import { type RunResult, simulateRuns } from '../../src/simulation/simulate.js';
import type { Move, Table, TableState } from '../../src/simulation/table.js';
import { scenario } from '../helpers/scenarios.js';

const HISTORICAL = ['2016', '2023', '2025', 'rcn-2023', 'consultants'] as const;
const MINUTE = 60_000;

/** An engine at every step of a scenario's replay (each a fork, so each can be forked again). */
function enginesAtEveryStep(s: Scenario): Engine[] {
  const replayer = new Replayer(s, s.period.from);
  const out = [replayer.engine.fork()];
  for (const e of s.events) {
    replayer.offer(e);
    out.push(replayer.engine.fork());
  }
  replayer.stop();
  return out;
}

/** The shipped counterfactuals and examples, by path: starts the record never reached (other rules, other sectors). */
const OTHERS = ['counterfactual', 'examples'].flatMap((folder) =>
  readdirSync(join(SCENARIO_DIR, folder))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(SCENARIO_DIR, folder, f)),
);

/** 2023 as if doctors were not an important public service: no 40% support test. */
const OUTSIDE = '2023, outside important public services';
OTHERS.push(OUTSIDE);

const steps = new Map<string, Engine[]>(
  [...HISTORICAL, ...OTHERS].map((ref) => [
    ref,
    enginesAtEveryStep(ref === OUTSIDE ? { ...scenario('2023'), importantPublicService: false } : scenario(ref)),
  ]),
);

/** A name: one the record already holds (by position), the one live now (`@live`), or a fresh one. */
const nameArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant('@live') },
  { weight: 2, arbitrary: fc.constantFrom('n1', 'n2', 'n3') },
  { weight: 1, arbitrary: fc.nat(30).map((i) => `@old${i}`) },
);

/** How far a move comes after the one before: the same instant, minutes, days, weeks, or before the clock. */
const stepArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 600 }).map((m) => m * MINUTE) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 45 }).map((d) => d * DAY_MS) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }).map((w) => w * 7 * DAY_MS) },
  { weight: 1, arbitrary: fc.constant(-MINUTE) },
);

/** An instant near something that matters, as an anchor and an offset in minutes. */
const nearArb = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      anchor: fc.oneof(
        { weight: 4, arbitrary: fc.constant('notice') },
        { weight: 1, arbitrary: fc.constantFrom('at', 'expiry', 'startBy', 'nextStart', 'runningEnd') },
      ),
      minutes: fc.oneof(
        fc.integer({ min: -3, max: 3 }),
        fc.integer({ min: -3 * 1440, max: 20 * 1440 }),
        fc.constantFrom(-1440, 1440, 7 * 60),
      ),
    }),
  },
  // Before 2017, a strike starting in the last days of the window, still under way as the window closes.
  {
    weight: 1,
    arbitrary: fc.record({ anchor: fc.constant('startBy'), minutes: fc.integer({ min: -6 * 1440, max: 0 }) }),
  },
);

/** A strike's end: near the mandate's expiry (before, at, after it) or near anything else. */
const endArb = fc.record({
  anchor: fc.oneof(
    { weight: 3, arbitrary: fc.constant('expiry') },
    { weight: 1, arbitrary: fc.constantFrom('at', 'startBy', 'nextStart', 'runningEnd', 'notice') },
  ),
  minutes: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -2, max: 2 }) }, fc.integer({ min: -4000, max: 4000 })),
});

/** A move as the generator writes it: names and instants still to be read off the table it is played at. */
type Spec =
  | { kind: 'advance'; step: number }
  | {
      kind: Exclude<Move['type'], 'strike.called' | 'ballot.opened'>;
      step: number;
      name: string;
      other: string;
      a: number;
      b: number;
      c: number;
      d: number;
    }
  | { kind: 'strike.called'; step: number; name: string; start: Near; end: Near; days: number }
  | { kind: 'ballot.opened'; step: number; name: string; weeks: number };
type Near = { anchor: string; minutes: number };

const specArb: fc.Arbitrary<Spec> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), step: stepArb }) },
  {
    weight: 14,
    arbitrary: fc.record({
      // Moves that end the dispute are rarer, so that sequences go on long enough to reach the rest.
      kind: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom('referendum.opened', 'referendum.closed', 'offer.made') },
        { weight: 2, arbitrary: fc.constant('ballot.closed' as const) },
        { weight: 1, arbitrary: fc.constantFrom('award.published', 'award.accepted', 'offer.rejected') },
        { weight: 1, arbitrary: fc.constantFrom('offer.accepted', 'terms.imposed', 'dispute.ended') },
      ),
      step: stepArb,
      name: nameArb,
      other: nameArb,
      a: fc.integer({ min: 0, max: 1000 }),
      b: fc.integer({ min: 0, max: 1000 }),
      c: fc.integer({ min: 0, max: 1000 }),
      d: fc.integer({ min: 0, max: 1000 }),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('strike.called' as const),
      step: stepArb,
      name: nameArb,
      start: nearArb,
      end: endArb,
      // Whole days from the start, or (below 0) an end near something that matters.
      days: fc.integer({ min: -4, max: 6 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('ballot.opened' as const),
      step: stepArb,
      name: nameArb,
      weeks: fc.integer({ min: -1, max: 8 }),
    }),
  },
);

/** The names of a kind the table's record holds, and the one live now. */
function names(s: TableState, kind: string): { live: string | undefined; all: string[] } {
  switch (kind) {
    case 'award':
      return { live: s.awards.find((a) => a.acceptedMs === null)?.id, all: s.awards.map((a) => a.id) };
    case 'offer':
      return { live: s.offers.at(-1)?.id, all: s.offers.map((o) => o.id) };
    case 'vote':
      return { live: s.referendums.find((v) => v.closedMs === null)?.id, all: s.referendums.map((v) => v.id) };
    case 'ballot':
      return { live: s.ballots.find((b) => b.closedMs === null)?.id, all: s.ballots.map((b) => b.id) };
    default:
      return { live: s.pending[0] ?? s.running ?? undefined, all: s.actions.map((a) => a.id) };
  }
}

function nameOf(s: TableState, kind: string, name: string): string {
  const known = names(s, kind);
  if (name === '@live') return known.live ?? `${kind}-none`;
  if (name.startsWith('@old')) return known.all[Number(name.slice(4)) % Math.max(1, known.all.length)] ?? 'x';
  return `${kind}-${name}`;
}

/** An instant near an anchor of the table's state (whole minutes, as scenario instants are). */
function instantNear(s: TableState, at: number, near: Near): number {
  const m = s.mandate;
  const next = s.actions.find((a) => a.id === s.pending[0]);
  const running = s.actions.find((a) => a.id === s.running);
  const base =
    near.anchor === 'expiry'
      ? (m?.expiresMs ?? at)
      : near.anchor === 'startBy'
        ? (m?.startByMs ?? at)
        : near.anchor === 'nextStart'
          ? (next?.startMs ?? at)
          : near.anchor === 'runningEnd'
            ? (running?.endMs ?? at)
            : near.anchor === 'notice'
              ? Date.parse(`${formatDay(at)}T07:00:00Z`) + 14 * DAY_MS
              : at;
  return Math.floor(base / MINUTE) * MINUTE + near.minutes * MINUTE;
}

/** The concrete move a spec makes at a table in a state, at an instant. */
function moveOf(spec: Exclude<Spec, { kind: 'advance' }>, s: TableState, at: number): Move {
  switch (spec.kind) {
    case 'strike.called': {
      const start = instantNear(s, at, spec.start);
      const end = spec.days >= 0 ? start + spec.days * DAY_MS + 9 * 60 * MINUTE : instantNear(s, at, spec.end);
      return { type: spec.kind, at, action: nameOf(s, 'action', spec.name), start, end };
    }
    case 'ballot.opened':
      return { type: spec.kind, at, ballot: nameOf(s, 'ballot', spec.name), closes: at + spec.weeks * 7 * DAY_MS };
  }
  const { a, b, c, d } = spec;
  switch (spec.kind) {
    case 'award.published':
      return {
        type: spec.kind,
        at,
        award: nameOf(s, 'award', spec.name),
        body: 'DDRB',
        pct: a / 100,
        payYear: '2024/25',
      };
    case 'award.accepted':
      return { type: spec.kind, at, award: nameOf(s, 'award', spec.name) };
    case 'referendum.opened':
      return {
        type: spec.kind,
        at,
        referendum: nameOf(s, 'vote', spec.name),
        offer: nameOf(s, 'offer', spec.other),
        kind: a % 4 === 0 ? 'survey' : 'referendum',
      };
    case 'referendum.closed': {
      // Shares of a whole, now and then a tie, or over 100% together (which no vote can have).
      const yes = Math.round(a) / 10;
      const no = b % 5 === 0 ? Math.round(c) / 10 : b % 5 === 1 ? yes : Math.round((100 - yes) * 10) / 10;
      return { type: spec.kind, at, referendum: nameOf(s, 'vote', spec.name), yesPct: yes, noPct: no };
    }
    case 'offer.made':
      return { type: spec.kind, at, offer: nameOf(s, 'offer', spec.name), pct: a / 50 };
    case 'offer.accepted':
    case 'offer.rejected':
      return { type: spec.kind, at, offer: nameOf(s, 'offer', spec.name) };
    case 'ballot.closed': {
      // Counts around the thresholds, now and then impossible (more cast than entitled, more votes than cast).
      // A third on the thresholds to a vote (half turning out, 40% of those entitled voting yes), a third around
      // them, the rest anywhere.
      const mode = a % 3;
      const entitled = a % 2 === 0 ? 10 * (a + 1) : 1 + a * 10;
      const edge = (share: number, k: number) => Math.round(entitled * share) + (k % 3) - 1;
      const cast =
        d % 9 === 0
          ? entitled + 1
          : mode === 0
            ? edge(0.5, b)
            : Math.round((entitled * (mode === 1 ? 400 + b / 5 : b)) / 1000);
      const yes =
        mode === 0 ? Math.min(cast, edge(0.4, c)) : Math.round((cast * (mode === 1 ? 600 + c / 5 : c)) / 1000);
      const no = d % 11 === 0 ? cast : cast - yes;
      return { type: spec.kind, at, ballot: nameOf(s, 'ballot', spec.name), entitled, cast, yes, no };
    }
    default:
      return { type: spec.kind, at } as Move;
  }
}

/** How often each kind of move was taken, and each step time causes was seen, in one test. */
const TAKEN = new Map<string, number>();
const MOVE_TYPES: readonly Move['type'][] = [
  'award.published',
  'award.accepted',
  'referendum.opened',
  'referendum.closed',
  'offer.made',
  'offer.accepted',
  'offer.rejected',
  'terms.imposed',
  'ballot.opened',
  'ballot.closed',
  'strike.called',
  'dispute.ended',
];

/** Counts what time did between two states: strikes started, held and lapsed, mandates lapsed or secured. */
function noteTimed(before: TableState, after: TableState): void {
  const count = (st: TableState, status: string) => st.actions.filter((a) => a.status === status).length;
  const note = (what: string, n: number) => n > 0 && TAKEN.set(what, (TAKEN.get(what) ?? 0) + n);
  note('strike started', after.running !== null && after.running !== before.running ? 1 : 0);
  note('strike held', count(after, 'held') - count(before, 'held'));
  note('strike lapsed', count(after, 'lapsed') - count(before, 'lapsed'));
  const same = before.mandate && after.mandate && before.mandate.ballot === after.mandate.ballot;
  note('mandate lapsed', same && before.mandate?.endedMs === null && after.mandate?.end === 'lapsed' ? 1 : 0);
  note('window secured', same && before.mandate?.startByMs !== null && after.mandate?.startByMs === null ? 1 : 0);
}

/** Plays specs at both tables, checking after each that they agree; returns how many moves were taken. */
function playBoth(fast: Table, actor: Table, specs: readonly Spec[]): number {
  let taken = 0;
  for (const spec of specs) {
    const before = fast.state();
    const at = before.clockMs + spec.step;
    if (spec.kind === 'advance') {
      fast.advanceTo(at);
      actor.advanceTo(at);
      const after = fast.state();
      expect(after, 'after time passes').toEqual(actor.state());
      noteTimed(before, after);
      continue;
    }
    const move = moveOf(spec, before, at);
    const took = fast.play(move);
    expect(took, `${move.type} taken by one table and not the other: ${JSON.stringify(move)}`).toBe(actor.play(move));
    if (took) {
      taken++;
      TAKEN.set(move.type, (TAKEN.get(move.type) ?? 0) + 1);
    }
    const after = fast.state();
    expect(after, `after ${JSON.stringify(move)}`).toEqual(actor.state());
    noteTimed(before, after);
  }
  return taken;
}

describe('the fast table against the XState actor', () => {
  it('starts from any step of a replay in the same state as the actor', () => {
    expect(OTHERS.length).toBeGreaterThanOrEqual(12);
    for (const ref of [...HISTORICAL, ...OTHERS]) {
      for (const engine of steps.get(ref) ?? []) {
        expect(new FastDispute(fastStartOf(engine)).state()).toEqual(engineState(engine));
      }
    }
  });

  it.each(HISTORICAL)(
    '%s: random moves from every step are taken, refused and recorded alike, with the same timers',
    (ref) => {
      const engines = steps.get(ref) ?? [];
      let taken = 0;
      fc.assert(
        fc.property(fc.nat(engines.length - 1), fc.array(specArb, { minLength: 1, maxLength: 60 }), (i, specs) => {
          const engine = (engines[i] as Engine).fork();
          try {
            taken += playBoth(new FastDispute(fastStartOf(engine)), new ActorTable(engine), specs);
          } finally {
            engine.stop();
          }
        }),
        { numRuns: 1000, seed: 20261202 + ref.length },
      );
      // The moves are not all refused: every kind of move is taken, and time starts and ends strikes and ends
      // mandates, so the sequences reach the states where each rule is tested.
      const seen = Object.fromEntries(TAKEN);
      TAKEN.clear();
      for (const type of MOVE_TYPES) expect(seen[type] ?? 0, type).toBeGreaterThanOrEqual(5);
      expect(seen['strike held'] ?? 0).toBeGreaterThanOrEqual(20);
      expect(seen['mandate lapsed'] ?? 0).toBeGreaterThanOrEqual(5);
      if (ref === '2016') expect(seen['window secured'] ?? 0).toBeGreaterThanOrEqual(5);
      expect(taken).toBeGreaterThan(800);
    },
    120_000,
  );

  it('from every step of the counterfactuals and examples (one regime throughout), and of 2023 outside important public services, random moves agree too', () => {
    for (const ref of OTHERS) {
      const engines = steps.get(ref) ?? [];
      fc.assert(
        fc.property(fc.nat(engines.length - 1), fc.array(specArb, { minLength: 1, maxLength: 60 }), (i, specs) => {
          const engine = (engines[i] as Engine).fork();
          try {
            playBoth(new FastDispute(fastStartOf(engine)), new ActorTable(engine), specs);
          } finally {
            engine.stop();
          }
        }),
        { numRuns: 150, seed: 77 },
      );
    }
    TAKEN.clear();
  }, 120_000);

  it('counts notice in UK calendar days, as the rules read it, across the clock changes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.integer({ min: -40 * DAY_MS, max: 40 * DAY_MS }),
        (from, span) => {
          const utcDay = (ms: number) => Date.parse(`${formatDay(ms)}T00:00:00Z`);
          expect(calendarDays(from, from + span)).toBe(Math.round((utcDay(from + span) - utcDay(from)) / DAY_MS));
        },
      ),
      { numRuns: 2000, seed: 7 },
    );
  });
});

/** A strategy with its parameters drawn anywhere in the ranges a strategy file allows that a dispute may use. */
const strategyArb = (base: Strategy): fc.Arbitrary<Strategy> =>
  fc
    .record({
      tau: fc.double({ min: 0, max: 0.3, noNaN: true }),
      e: fc.double({ min: 0.2, max: 5, noNaN: true }),
      attrition: fc.boolean(),
      impose: fc.constantFrom(0, 0.01, 0.2),
      putToMembers: fc.double({ min: 0, max: 1, noNaN: true }),
      strikeEvery: fc.integer({ min: 1, max: 12 }),
      turnout: fc.integer({ min: 30, max: 90 }),
      abandon: fc.double({ min: 0, max: 1, noNaN: true }),
      giveUp: fc.constantFrom(0, 0.05, 0.5),
    })
    .map((p) => ({
      ...base,
      members: { ...base.members, tauPerMonth: p.tau },
      employer: {
        ...base.employer,
        family: p.attrition ? 'attrition' : 'time-dependent',
        e: p.e,
        imposeHazardPerWeek: p.impose,
        concedeHazardPerWeek: 0.05,
      },
      union: {
        ...base.union,
        putToMembers: p.putToMembers,
        strikeEveryWeeks: p.strikeEvery,
        abandonAfterFailedBallot: p.abandon,
        giveUpAfterImpositionPerWeek: p.giveUp,
        reballot: { ...base.union.reballot, turnoutPct: p.turnout },
      },
    }));

describe('simulated runs on both tables', () => {
  it.each(HISTORICAL)(
    '%s: runs from random steps with random strategies come out the same, event for event',
    (ref) => {
      const s = scenario(ref);
      const base = shippedStrategy([s.id]).strategy;
      fc.assert(
        fc.property(fc.nat(s.events.length - 1), fc.nat(1000), strategyArb(base), (step, seed, strategy) => {
          const from = s.events[step]?.id;
          const keep = [0, 1, 2, 3, 4, 5];
          const play = (engine: 'fast' | 'actor') => {
            const out: RunResult[] = [];
            simulateRuns(s, { runs: 6, seed, strategy, keep, engine, ...(from ? { from } : {}) }, (r) => out.push(r));
            return out;
          };
          expect(play('fast')).toEqual(play('actor'));
        }),
        { numRuns: 25, seed: 4242 + ref.length },
      );
    },
    120_000,
  );
});
