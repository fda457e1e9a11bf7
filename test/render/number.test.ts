import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/render/describe.js';

describe('formatNumber', () => {
  it('writes numbers as en-GB does', () => {
    expect(formatNumber(175122)).toBe('175,122');
    expect(formatNumber(8.8)).toBe('8.8');
    expect(formatNumber(1234567.891)).toBe('1,234,567.891');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-4500)).toBe('-4,500');
  });

  it('agrees with toLocaleString("en-GB") on any number a record holds', () => {
    const n = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ min: -1e7, max: 1e7, noNaN: true }));
    fc.assert(
      fc.property(n, (x) => {
        expect(formatNumber(x)).toBe(x.toLocaleString('en-GB'));
      }),
      { numRuns: 3000 },
    );
  });
});
