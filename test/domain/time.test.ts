import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysOfAction,
  formatInstant,
  instantProblem,
  londonOffsetMs,
  parseInstant,
  zoneOffsetMs,
} from '../../src/domain/time.js';

describe('UK local instants', () => {
  it.each([
    ['2023-03-13T07:00', '2023-03-13T07:00:00+00:00'],
    ['2023-07-13T07:00', '2023-07-13T07:00:00+01:00'],
    ['2016-01-12', '2016-01-12T00:00:00+00:00'],
    ['2023-03-26T00:30', '2023-03-26T00:30:00+00:00'],
    ['2023-03-26T01:30', '2023-03-26T02:30:00+01:00'], // no such UK time: the clocks jump from 01:00 to 02:00
    ['2023-07-13T06:00:00Z', '2023-07-13T07:00:00+01:00'],
    ['2023-07-13T07:00+01:00', '2023-07-13T07:00:00+01:00'],
  ])('%s is %s', (text, iso) => {
    expect(formatInstant(parseInstant(text))).toBe(iso);
  });

  it.each([
    ['2023-02-30', 'is not a day of the calendar'],
    ['2023-13-01', 'is not a day of the calendar'],
    ['13/03/2023', 'expected a date like'],
    ['2023-03-13T25:00', 'is not a time of day'],
  ])('%s is refused: %s', (text, message) => {
    expect(instantProblem(text)).toContain(message);
  });

  it('adds calendar months at the same UK wall-clock time, clamping to the month end', () => {
    expect(formatInstant(addMonths(parseInstant('2023-02-20T17:00'), 6))).toBe('2023-08-20T17:00:00+01:00');
    expect(formatInstant(addMonths(parseInstant('2023-08-31'), 6))).toBe('2024-02-29T00:00:00+00:00');
    expect(formatInstant(addDays(parseInstant('2015-11-19'), 28))).toBe('2015-12-17T00:00:00+00:00');
  });

  it('counts whole days of action', () => {
    expect(daysOfAction(parseInstant('2023-03-13T07:00'), parseInstant('2023-03-16T07:00'))).toBe(3);
    expect(daysOfAction(parseInstant('2016-04-26T08:00'), parseInstant('2016-04-27T17:00'))).toBe(2);
    expect(daysOfAction(parseInstant('2016-01-12T08:00'), parseInstant('2016-01-13T08:00'))).toBe(1);
    expect(daysOfAction(parseInstant('2016-01-12T08:00'), parseInstant('2016-01-12T08:00'))).toBe(0);
  });
});

describe('the summer-time rule agrees with the time-zone database', () => {
  it('at every hour around each clock change from 1996 to 2040', () => {
    for (let year = 1996; year <= 2040; year++) {
      for (const month of [2, 9]) {
        for (let day = 24; day <= 31; day++) {
          for (let hour = 0; hour < 3; hour++) {
            const t = Date.UTC(year, month, day, hour, 30);
            expect(londonOffsetMs(t), new Date(t).toISOString()).toBe(zoneOffsetMs(t));
          }
        }
      }
    }
  });
});
