import { describe, expect, it } from 'vitest';
import { ReplayClock } from '../../src/simulation/clock.js';

describe('ReplayClock', () => {
  it('fires each due timer at its own instant, earliest first, and chained timers from their parent’s instant', () => {
    const clock = new ReplayClock(0);
    const fired: [string, number][] = [];
    clock.setTimeout(() => {
      fired.push(['parent', clock.now()]);
      clock.setTimeout(() => fired.push(['child', clock.now()]), 30);
    }, 100);
    clock.setTimeout(() => fired.push(['other', clock.now()]), 120);
    clock.advanceTo(1000, (at) => fired.push(['after', at]));
    expect(fired).toEqual([
      ['parent', 100],
      ['after', 100],
      ['other', 120],
      ['after', 120],
      ['child', 130],
      ['after', 130],
    ]);
    expect(clock.now()).toBe(1000);
  });

  it('fires timers due at the same instant in the order they were armed, and not the cleared ones', () => {
    const clock = new ReplayClock(0);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('a'), 50);
    const b = clock.setTimeout(() => fired.push('b'), 50);
    clock.setTimeout(() => fired.push('c'), 50);
    clock.clearTimeout(b);
    clock.advanceTo(50);
    expect(fired).toEqual(['a', 'c']);
  });

  it('leaves timers due later armed, and reports the next one', () => {
    const clock = new ReplayClock(0);
    clock.setTimeout(() => {}, 500);
    clock.advanceTo(100);
    expect(clock.nextDue()).toBe(500);
  });

  it('refuses to run backwards', () => {
    const clock = new ReplayClock(100);
    expect(() => clock.advanceTo(99)).toThrow('cannot run backwards');
  });
});
