/** `dispute-sim explore`: the terminal summary, the JSON the README documents, and bad arguments. */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

describe('dispute-sim explore', () => {
  it('prints what is accepted, how near each outcome and a strike are, and the decision points', async () => {
    const r = await cli('explore', '2023', '--at', 'offer-5pct-rejected');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('At 22 May 2023, just before offer-5pct-rejected');
    expect(r.stdout).toMatch(/Accepted now\n(.*\n)*\s+offer\s+table a new offer · the committee rejects the offer/);
    expect(r.stdout).toMatch(/settled\s+1 event, 0 days: offer\.accepted \(22 May 2023\)/);
    expect(r.stdout).toMatch(
      /a strike\s+1 event, 14 days: strike\.called \(22 May 2023\) → strike\.started \(5 Jun 2023\)/,
    );
    expect(r.stdout).toMatch(/Decision points of the replay\n(.*\n)*.*reballot-1-opens\s+a ballot is open/);
  });

  it('--json gives { scenario, at, state, accepts, outcomes, strike, decisionPoints }', async () => {
    const r = await cli('explore', 'rcn-2023', '--json', '--at', '2023-05-03');
    expect(r.code).toBe(0);
    const x = JSON.parse(r.stdout);
    expect(Object.keys(x)).toEqual(['scenario', 'at', 'state', 'accepts', 'outcomes', 'strike', 'decisionPoints']);
    expect(x.at).toMatchObject({ date: '2023-05-03T23:59:59+01:00', id: 'impact-2023-04-30' });
    expect(x.accepts[0]).toEqual({ region: 'ballot', type: 'ballot.opened', label: 'open a ballot' });
    expect(x.outcomes.map((o: { outcome: string }) => o.outcome)).toEqual(['settled', 'imposed', 'abandoned']);
    for (const o of x.outcomes)
      expect(Object.keys(o).sort()).toEqual(['days', 'events', 'outcome', 'path', 'reachable']);
    for (const d of x.decisionPoints) {
      expect(d).toHaveProperty('lost');
      expect(d).toHaveProperty('gained');
      expect(typeof d.note).toBe('string');
    }
  });

  it('a date after the last event still counts the steps time takes by then (the mandate lapsing on 2 Aug 2026)', async () => {
    const x = JSON.parse((await cli('explore', '2025-reject', '--at', '2026-08-31', '--json')).stdout);
    expect(x.state).toContain('active.mandate.lapsed');
    expect(x.at.date).toBe('2026-08-31T23:59:59+01:00');
  });

  it('refuses a point that is neither an event nor a date, and a depth out of range, with exit 2', async () => {
    const bad = await cli('explore', '2023', '--at', 'no-such-event');
    expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([
      2,
      'dispute-sim: --at no-such-event: neither an event of junior-doctors-2023 nor a date such as 2023-05-22',
    ]);
    expect((await cli('explore', '2023', '--depth', '0')).code).toBe(2);
    expect((await cli('explore', '2023', '--at', '2030-01-01')).code).toBe(2);
    expect((await cli('explore')).code).toBe(2);
    expect((await cli('explore', 'no-such-scenario')).code).toBe(1);
  });
});
