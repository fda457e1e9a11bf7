import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/render/compare.js';
import { claimWords } from '../../src/render/describe.js';
import { Claim } from '../../src/schemas/events/dispute.js';
import { replay } from '../../src/simulation/replay.js';
import { scenario } from '../helpers/scenarios.js';

describe('claims that are not one percentage', () => {
  it('are written as the union put them, never as an invented figure', () => {
    expect(claimWords({ summary: 'RPI plus 5%', indexPlus: { index: 'RPI', plusPct: 5 } })).toBe('RPI + 5%');
    expect(claimWords({ summary: 'full restoration', restorationSince: '2008/09' })).toBe(
      'full pay restoration since 2008/09',
    );
    expect(claimWords({ summary: 'full restoration', payRestorationPct: 35, restorationSince: '2008/09' })).toBe(
      '35% (restoration since 2008/09)',
    );
    expect(claimWords({ summary: 'a new contract' })).toBe('a new contract');
  });

  it('validate as part of the claim, and only with a known index', () => {
    expect(Claim.safeParse({ summary: 'RPI + 5%', indexPlus: { index: 'RPI', plusPct: 5 } }).success).toBe(true);
    expect(Claim.safeParse({ summary: 'x', indexPlus: { index: 'RPIX', plusPct: 5 } }).success).toBe(false);
  });

  it('the comparison shows an RPI + 5% claim as such', () => {
    const s = scenario('example');
    const events = s.events.map((e) =>
      e.type === 'dispute.declared'
        ? { ...e, claim: { summary: 'RPI plus 5%', indexPlus: { index: 'RPI' as const, plusPct: 5 } } }
        : e,
    );
    expect(summarize(replay({ ...s, events })).claim).toBe('RPI + 5%');
  });
});
