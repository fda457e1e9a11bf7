import { describe, expect, it } from 'vitest';
import { timeTicks, valueTicks } from '../../src/render/axis.js';

describe('chart axes', () => {
  it('ticks values at round steps from 0 to the first tick above the largest value', () => {
    expect(valueTicks(44 * 1.0, 5, true)).toEqual({ ticks: [0, 10, 20, 30, 40, 50], top: 50 });
    expect(valueTicks(35.3)).toEqual({ ticks: [0, 10, 20, 30, 40], top: 40 });
    expect(valueTicks(8.8)).toEqual({ ticks: [0, 2, 4, 6, 8, 10], top: 10 });
    expect(valueTicks(3, 5, true)).toEqual({ ticks: [0, 1, 2, 3], top: 3 });
    expect(valueTicks(0, 5, true).ticks).toEqual([0, 1]);
    expect(valueTicks(Number.NaN).top).toBeGreaterThan(0);
  });

  it('never ticks a fraction of a day, nor an odd value, whatever the maximum', () => {
    for (let i = 5; i < 4000; i += 7) {
      const max = i / 10;
      const { ticks, top } = valueTicks(max, 5, true);
      expect(top).toBeGreaterThanOrEqual(max);
      expect(ticks.every(Number.isInteger)).toBe(true);
      const step = (ticks[1] ?? 0) - (ticks[0] ?? 0);
      expect(String(step)).toMatch(/^(1|2|5)0*$/);
      expect(ticks.length).toBeLessThanOrEqual(11);
    }
  });

  it('labels months by quarter over two years, every January with its year, and the first tick too', () => {
    const ticks = timeTicks(Date.UTC(2022, 9, 1), Date.UTC(2024, 8, 16));
    expect(ticks.map((t) => t.label)).toEqual(['Jan 2023', 'Apr', 'Jul', 'Oct', 'Jan 2024', 'Apr', 'Jul']);
  });

  it('labels every month of a short dispute, and the first and last days of one of a few weeks', () => {
    expect(timeTicks(Date.UTC(2023, 0, 10), Date.UTC(2023, 4, 5)).map((t) => t.label)).toEqual([
      'Feb 2023',
      'Mar',
      'Apr',
      'May',
    ]);
    expect(timeTicks(Date.UTC(2023, 2, 2), Date.UTC(2023, 2, 20)).map((t) => t.label)).toEqual([
      '2 Mar 2023',
      '20 Mar 2023',
    ]);
  });

  it('keeps to about ten labels for a dispute of any length', () => {
    for (let months = 1; months < 200; months += 5) {
      const ticks = timeTicks(Date.UTC(2015, 8, 26), Date.UTC(2015, 8 + months, 10));
      expect(ticks.length).toBeLessThanOrEqual(11);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
    }
  });
});
