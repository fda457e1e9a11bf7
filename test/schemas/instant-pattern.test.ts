import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantProblem } from '../../src/domain/time.js';
import { INSTANT_PATTERN } from '../../src/schemas/primitives.js';

const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));

/** Strings shaped like instants, right and wrong in every part: year, month, day, time, seconds, offset. */
const nearlyInstants = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
    two(14),
    two(33),
    fc.option(
      fc.tuple(
        fc.constantFrom('T', ' ', 't'),
        two(25),
        two(61),
        fc.option(two(61)),
        fc.option(fc.constantFrom('.5', '.125', '.')),
      ),
    ),
    fc.option(
      fc.oneof(
        fc.constant('Z'),
        fc.tuple(fc.constantFrom('+', '-'), two(16), two(61)).map((p) => `${p[0]}${p[1]}:${p[2]}`),
      ),
    ),
  )
  .map(([y, mo, d, time, zone]) => {
    const clock = time ? `${time[0]}${time[1]}:${time[2]}${time[3] ? `:${time[3]}` : ''}${time[4] ?? ''}` : '';
    return `${y}-${mo}-${d}${clock}${zone ?? ''}`;
  });

describe('INSTANT_PATTERN, the date pattern editors check', () => {
  it.each([
    '2023-03-13',
    '2023-03-13T07:00',
    '2023-03-13T07:00:59',
    '2023-03-13 07:00',
    '2023-03-13T07:00:00.250',
    '2023-07-13T07:00:00+01:00',
    '2023-07-13T07:00Z',
    '2024-02-29',
    '2000-02-29',
    '1000-01-01',
    '9999-12-31T23:59:59-14:00',
  ])('accepts %s, as the loader does', (text) => {
    expect(instantProblem(text)).toBeUndefined();
    expect(INSTANT_PATTERN.test(text)).toBe(true);
  });

  it.each([
    '21/01/2023',
    '2023-3-13',
    '2023-02-30',
    '2023-02-29',
    '1900-02-29',
    '2023-04-31',
    '2023-13-01',
    '2023-00-10',
    '0048-01-01',
    '0999-12-31',
    '2023-03-13T24:00',
    '2023-03-13T07:60',
    '2023-03-13T07',
    '2023-03-13T07:00+14:30',
    '2023-03-13T07:00+01:60',
    '2023-03-13T07:00+0100',
    ' 2023-03-13',
    '2023-03-13\n',
  ])('refuses %j, as the loader does', (text) => {
    expect(instantProblem(text)).toBeDefined();
    expect(INSTANT_PATTERN.test(text)).toBe(false);
  });

  it('agrees with the loader on any string shaped like an instant', () => {
    fc.assert(
      fc.property(nearlyInstants, (text) => {
        expect(INSTANT_PATTERN.test(text), text).toBe(instantProblem(text) === undefined);
      }),
      { numRuns: 5000 },
    );
  });
});
