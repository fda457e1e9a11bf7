import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, formatInstant, parseInstant } from '../../src/domain/time.js';
import type { DisputeContext } from '../../src/machine/context.js';
import type { DisputeEvent } from '../../src/schemas/events/index.js';
import { Replayer } from '../../src/simulation/replay.js';
import { candidateEvents, impossibleEvents } from '../helpers/events.js';

/** One move of a random run: take the nth plausible event, an impossible one, a backdated one, or let days pass. */
type Move =
  | { kind: 'event'; pick: number }
  | { kind: 'impossible'; pick: number }
  | { kind: 'backdated'; pick: number }
  | { kind: 'final'; pick: number }
  | { kind: 'wait'; days: number };

const move: fc.Arbitrary<Move> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('event' as const), pick: fc.nat(60) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('impossible' as const), pick: fc.nat(10) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('backdated' as const), pick: fc.nat(60) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('final' as const), pick: fc.nat(3) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 120 }) }) },
);

/** Events that can end a run at once; kept rare so runs go deep. */
const FINAL = new Set(['dispute.ended', 'offer.accepted']);

const start = fc.constantFrom('2015-09-01', '2023-01-01', '2026-01-15');

/** Runs moves through a replay; returns the replayer and every step's snapshot facts. */
function run(startsAt: string, moves: Move[]) {
  const rules = 'by-date' as const;
  const r = new Replayer(
    { id: 'random', title: 'random', kind: 'example', rules, importantPublicService: true },
    startsAt,
  );
  const snapshots: { striking: boolean; live: boolean; settled: boolean; context: DisputeContext }[] = [];
  let i = 0;
  const observe = () => {
    const s = r.snapshot;
    snapshots.push({
      striking: s.matches({ active: { action: 'striking' } }),
      live: s.matches({ active: { mandate: 'live' } }),
      settled: s.matches('settled'),
      context: s.context,
    });
  };
  for (const m of moves) {
    const c = r.snapshot.context;
    const now = formatInstant(r.clock.now());
    let event: DisputeEvent | undefined;
    if (m.kind === 'wait') {
      r.advanceTo(addDays(r.clock.now(), m.days));
      observe();
      continue;
    }
    const all = candidateEvents({ ...c, now });
    const pool =
      m.kind === 'impossible'
        ? impossibleEvents({ ...c, now })
        : m.kind === 'final'
          ? all.filter((e) => FINAL.has(e.type))
          : all.filter((e) => !FINAL.has(e.type));
    event = pool[m.pick % pool.length];
    if (!event) continue;
    if (m.kind === 'backdated') event = { ...event, at: formatInstant(addDays(r.clock.now(), -3)) };
    r.offer({ ...event, id: `e${i++}`, sources: [] });
    observe();
  }
  return { r, snapshots };
}

/**
 * The facts the record keeps ready for the checks are those the rest of it implies: the strikes pending are the
 * called ones, earliest start first (in call order when they start together), the one running is the only one
 * with that status, and only the newest offer can be on the table and only the latest talks open.
 */
function expectKeptFacts(c: DisputeContext): void {
  const { actions, pending, running } = c.action;
  const called = actions.filter((a) => a.status === 'called');
  expect(pending).toEqual(called.sort((a, b) => parseInstant(a.start) - parseInstant(b.start)).map((a) => a.id));
  const under = actions.filter((a) => a.status === 'running').map((a) => a.id);
  expect(under).toEqual(running === null ? [] : [running]);
  const onTable = c.negotiation.offers.filter((o) => o.status === 'open' || o.status === 'putToMembers');
  expect(onTable.every((o) => o === c.negotiation.offers.at(-1))).toBe(true);
  expect(c.negotiation.talks.slice(0, -1).every((t) => t.closedAt)).toBe(true);
}

describe('random runs of up to 200 moves (fast-check)', () => {
  it('never strike without a live mandate, never settle without an accepted offer, never run the clock backwards, never count below zero, never throw; the facts kept for the checks follow from the record', () => {
    fc.assert(
      fc.property(start, fc.array(move, { maxLength: 200, size: 'max' }), (startsAt, moves) => {
        const { r, snapshots } = run(startsAt, moves);
        for (const s of snapshots) {
          expect(s.striking && !s.live).toBe(false);
          if (s.settled) expect(s.context.negotiation.offers.some((o) => o.status === 'accepted')).toBe(true);
          expect(s.context.action.daysOfAction).toBeGreaterThanOrEqual(0);
          for (const a of s.context.action.actions) expect(a.days ?? 0).toBeGreaterThanOrEqual(0);
          expect(parseInstant(s.context.now)).toBeLessThanOrEqual(r.clock.now());
          expectKeptFacts(s.context);
        }
        const dates = r.steps.filter((s) => s.accepted).map((s) => parseInstant(s.date));
        for (let k = 1; k < dates.length; k++) expect(dates[k]).toBeGreaterThanOrEqual(dates[k - 1] ?? 0);
        const nows = snapshots.map((s) => parseInstant(s.context.now));
        for (let k = 1; k < nows.length; k++) expect(nows[k]).toBeGreaterThanOrEqual(nows[k - 1] ?? 0);
        r.stop();
      }),
      { numRuns: 150 },
    );
  });

  it('refuses every impossible event, whatever came before', () => {
    fc.assert(
      fc.property(start, fc.array(move, { maxLength: 60, size: 'max' }), fc.nat(10), (startsAt, moves, pick) => {
        const { r } = run(startsAt, moves);
        const now = formatInstant(r.clock.now());
        const pool = impossibleEvents({ ...r.snapshot.context, now });
        const event = pool[pick % pool.length] as DisputeEvent;
        const step = r.offer({ ...event, id: 'impossible', sources: [] });
        expect(step.accepted).toBe(false);
        expect(step.reason).toBeTruthy();
        r.stop();
      }),
      { numRuns: 100 },
    );
  });
});
