import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioLoadError } from '../../src/loader/problems.js';
import { ScenarioCatalogue } from '../../src/loader/registry.js';
import { describeEvent } from '../../src/render/describe.js';
import { Engine } from '../../src/simulation/engine.js';

/** The RCN's first ballot of 2022 as the sources give it: closed 2 Nov 2022 at noon, announced 9 Nov. */
const closed = {
  type: 'ballot.closed',
  at: '2022-11-02T12:00',
  ballot: 'b1',
  entitled: 1000,
  cast: 600,
  yes: 500,
  no: 100,
  announced: '2022-11-09',
} as const;

describe('"ballot.closed" with the day its result was announced', () => {
  it('keeps the announcement in the record; the mandate still runs from the close (to 23:59 on 1 May 2023)', () => {
    const engine = Engine.start({ rules: 'by-date', start: '2022-09-01' });
    engine.send({ type: 'dispute.declared', at: '2022-09-01', by: 'RCN', claim: { summary: 'RPI + 5%' } });
    engine.send({ type: 'ballot.opened', at: '2022-10-06', ballot: 'b1' });
    const sent = engine.send(closed);
    expect(sent.reason).toBeUndefined();
    const { ballots, mandate } = engine.snapshot.context.balloting;
    expect(ballots[0]?.announcedAt).toBe('2022-11-09T00:00:00+00:00');
    expect(ballots[0]?.closedAt).toBe('2022-11-02T12:00:00+00:00');
    expect(mandate?.expiresAt).toBe('2023-05-02T00:00:00+01:00');
  });

  it('the timeline says when the result was known', () => {
    expect(describeEvent(closed)).toMatch(/; result announced 9 Nov 2022$/);
  });

  it('a result announced before the ballot closed is refused at its field, by the loader and by the machine', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dispute-sim-announced-')), 'early.yaml');
    writeFileSync(
      file,
      'id: early\ntitle: Early\nkind: example\nperiod: { from: 2022-01-01, to: 2022-12-31 }\nsummary: s\noutcome: ongoing\nevents:\n' +
        '  - { id: o, at: 2022-10-06, type: ballot.opened, ballot: b1 }\n' +
        '  - { id: c, at: "2022-11-02T12:00", type: ballot.closed, ballot: b1, entitled: 10, cast: 6, yes: 5, no: 1, announced: 2022-11-01 }\n',
    );
    let problems: ScenarioLoadError['problems'] = [];
    try {
      new ScenarioCatalogue().resolve(file);
    } catch (error) {
      if (error instanceof ScenarioLoadError) problems = error.problems;
    }
    expect(problems.map((p) => [p.field, p.code])).toEqual([['events[1].announced', 'ballot.announced-before-close']]);
    const engine = Engine.start({ start: '2022-09-01' });
    engine.send({ type: 'dispute.declared', at: '2022-09-01', by: 'RCN', claim: { summary: 'pay' } });
    engine.send({ type: 'ballot.opened', at: '2022-10-06', ballot: 'b1' });
    const sent = engine.send({ ...closed, announced: '2022-11-01' });
    expect(sent).toMatchObject({ accepted: false, reason: 'the result is announced before the ballot closes' });
  });
});
