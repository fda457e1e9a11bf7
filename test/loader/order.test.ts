import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioCatalogue } from '../../src/loader/registry.js';
import { replay } from '../../src/simulation/replay.js';
import { problemsOf } from '../helpers/problems.js';

/** A small scenario with these events (each a YAML flow mapping after `type`). */
function file(events: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'dispute-sim-order-')), 'order.yaml');
  writeFileSync(
    path,
    'id: order\ntitle: Order\nkind: example\nperiod: { from: 2023-01-01, to: 2023-12-31 }\nsummary: s\noutcome: ongoing\nevents:\n' +
      events.map((e, i) => `  - { id: e${i}, ${e} }\n`).join(''),
  );
  return path;
}

const poll = (at: string) => `at: ${at}, type: poll.published, pollster: P, supportPct: 50`;

describe('events out of date order', () => {
  it('one mistyped date is one problem, naming the event it conflicts with, not one at every event after it', () => {
    const problems = problemsOf(
      file([poll('2023-01-10'), poll('2023-02-01'), poll('2033-03-01'), poll('2023-04-01'), poll('2023-05-01')]),
    );
    expect(problems.map((p) => [p.field, p.code])).toEqual([['events[2].at', 'event.order']]);
    expect(problems[0]?.message).toBe('2033-03-01 is later than events[3] "e3" (2023-04-01), which comes after it');
  });

  it('an event dated too early names the event before it', () => {
    const problems = problemsOf(file([poll('2023-01-10'), poll('2023-02-01'), poll('2023-01-05'), poll('2023-03-01')]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'events[2].at', code: 'event.order' });
    expect(problems[0]?.message).toBe('2023-01-05 is earlier than events[1] "e1" (2023-02-01), which comes before it');
  });

  it('of two events in conflict, the first is taken as right', () => {
    const problems = problemsOf(file([poll('2023-01-10'), poll('2023-01-05')]));
    expect(problems.map((p) => p.field)).toEqual(['events[1].at']);
  });
});

describe('same-day events need no invented times', () => {
  it('a bare day after an event earlier that day validates and replays as later that day', () => {
    const path = file([
      'at: 2023-01-10, type: dispute.declared, by: U, claim: { summary: pay }',
      'at: "2023-03-13T12:00", type: office.changed, role: minister, holder: A',
      poll('2023-03-13'),
      poll('2023-03-14'),
    ]);
    expect(problemsOf(path)).toEqual([]);
    const trace = replay(new ScenarioCatalogue().resolve(path));
    expect(trace.steps.map((s) => [s.id, s.accepted, s.date])).toEqual([
      ['e0', true, '2023-01-10T00:00:00+00:00'],
      ['e1', true, '2023-03-13T12:00:00+00:00'],
      ['e2', true, '2023-03-13T12:00:00+00:00'],
      ['e3', true, '2023-03-14T00:00:00+00:00'],
    ]);
  });

  it('a bare day of another, earlier day is still out of order', () => {
    const path = file(['at: "2023-03-13T12:00", type: office.changed, role: minister, holder: A', poll('2023-03-12')]);
    expect(problemsOf(path).map((p) => p.code)).toEqual(['event.order']);
  });
});
