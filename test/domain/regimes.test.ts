import { describe, expect, it } from 'vitest';
import { judgeBallot, regimeAt, regimeById, regimeForBallot, regimeForNotice } from '../../src/domain/regimes.js';
import { parseInstant } from '../../src/domain/time.js';

describe('which law applies on a date', () => {
  it.each([
    ['2015-11-05', 'tulrca-1992'],
    ['2017-02-28', 'tulrca-1992'],
    ['2017-02-28T23:59', 'tulrca-1992'],
    ['2017-03-01', 'tua-2016'],
    ['2023-01-09', 'tua-2016'],
    ['2026-02-17', 'tua-2016'],
    ['2026-02-17T23:59', 'tua-2016'],
    ['2026-02-18', 'era-2025'],
    ['2026-06-01', 'era-2025'],
  ])('a ballot opened on %s falls under %s', (date, id) => {
    expect(regimeAt(parseInstant(date)).id).toBe(id);
    expect(regimeForBallot('by-date', parseInstant(date)).id).toBe(id);
  });

  it('a scenario that fixes its rules keeps them whatever the date', () => {
    expect(regimeForBallot('tua-2016', parseInstant('2015-11-05')).id).toBe('tua-2016');
    expect(regimeForNotice('tulrca-1992', parseInstant('2026-03-01')).id).toBe('tulrca-1992');
  });

  it.each([
    ['tulrca-1992', 7, 'until-given-up'],
    ['tua-2016', 14, 'fixed'],
    ['era-2025', 10, 'fixed'],
  ] as const)('%s: %i days of notice and a %s mandate', (id, notice, kind) => {
    const r = regimeById(id);
    expect(r.noticeDays).toBe(notice);
    expect(r.mandate.kind).toBe(kind);
    expect(r.sources.length).toBeGreaterThan(0);
  });

  it('mandates last 6 months (9 by agreement) under the 2016 Act and 12 with no extension under the 2025 Act', () => {
    expect(regimeById('tua-2016').mandate).toEqual({ kind: 'fixed', months: 6, maxMonthsByAgreement: 9 });
    expect(regimeById('era-2025').mandate).toEqual({ kind: 'fixed', months: 12, maxMonthsByAgreement: 12 });
    expect(regimeById('tulrca-1992').mandate).toEqual({ kind: 'until-given-up', startWithinWeeks: 4 });
  });
});

describe('judging a ballot', () => {
  const tua = regimeById('tua-2016');
  const era = regimeById('era-2025');
  const old = regimeById('tulrca-1992');

  it.each([
    // entitled, cast, yes, no, mandate?
    [1000, 499, 480, 19, false], // 49.9% turnout
    [1000, 500, 480, 20, true], // 50% turnout, 48% of entitled yes
    [1000, 600, 399, 201, false], // 39.9% of entitled yes
    [1000, 600, 400, 200, true], // 40% of entitled yes
    [1000, 900, 400, 500, false], // no majority
  ])('under the 2016 Act: %i entitled, %i cast, %i yes, %i no → mandate %s', (entitled, cast, yes, no, mandate) => {
    expect(judgeBallot(tua, { entitled, cast, yes, no }).mandate).toBe(mandate);
  });

  it('says why a ballot fails', () => {
    const verdict = judgeBallot(tua, { entitled: 1000, cast: 499, yes: 300, no: 199 });
    expect(verdict.reasons).toEqual([
      'turnout 49.9% is under the 50.0% threshold',
      'yes votes are 30.0% of those entitled, under the 40.0% threshold',
    ]);
  });

  it('the 40% threshold applies only to important public services', () => {
    expect(judgeBallot(tua, { entitled: 1000, cast: 600, yes: 350, no: 250 }, false).mandate).toBe(true);
    expect(judgeBallot(tua, { entitled: 1000, cast: 600, yes: 350, no: 250 }, true).mandate).toBe(false);
  });

  it('from 18 Feb 2026 the 40% threshold is gone and the 50% turnout rule stays', () => {
    expect(judgeBallot(era, { entitled: 1000, cast: 600, yes: 350, no: 250 }).mandate).toBe(true);
    expect(judgeBallot(era, { entitled: 1000, cast: 499, yes: 480, no: 19 }).mandate).toBe(false);
  });

  it('before 2017 a simple majority of a small turnout is enough', () => {
    expect(judgeBallot(old, { entitled: 1000, cast: 100, yes: 51, no: 49 }).mandate).toBe(true);
  });
});
