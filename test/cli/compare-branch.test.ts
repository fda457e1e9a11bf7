/** `dispute-sim compare <counterfactual> [<base>]`: a branch set against what it extends, the differences marked. */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

describe('dispute-sim compare with a counterfactual', () => {
  it('alone, it is set against its base: where it diverges, then both side by side with ≠ on what differs', async () => {
    const r = await cli('compare', '2023-5pct');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Diverges at offer-5pct-rejected (22 May 2023): the committee rejects the offer of 22 May 2023',
    );
    expect(r.stdout).toMatch(/≠ ends\s+16 Sep 2024\s+12 Jun 2023/);
    expect(r.stdout).toMatch(/≠ days of action\s+44\s+7\n/);
    expect(r.stdout).toMatch(/ {2}claim\s+35\.3% pay restoration\s+35\.3% pay restoration/);
    expect(r.stdout).toMatch(/≠ pay review awards\s+8\.8% 2023\/24, 8% 2024\/25\s+none/);
  });

  it('a branch that inserts events and rejoins the record says when its own events begin, and where it rejoins', async () => {
    const r = await cli('compare', '2023-acas');
    expect(r.stdout).toContain('Diverges at talks-2-open (1 May 2023): ');
    expect(r.stdout).toContain('; its own events from 19 Apr 2023');
    expect(r.stdout).toContain('Rejoins the record at talks-2-open');
  });

  it('with its base named, the same; with another scenario, the ordinary comparison', async () => {
    expect((await cli('compare', '2023-5pct', '2023')).stdout).toBe((await cli('compare', '2023-5pct')).stdout);
    expect((await cli('compare', '2023-5pct', '2016')).stdout).toMatch(/^Comparison/);
  });

  it('a branch that only changes the rules says so, and lists the refusals that are its lesson', async () => {
    const r = await cli('compare', '2016-tua', '--json');
    const c = JSON.parse(r.stdout);
    expect(c.rules).toEqual({ base: 'by-date', branch: 'tua-2016' });
    expect(c.divergesAt).toBeUndefined();
    expect(c.refused).toHaveLength(17);
    expect(c.differences).toEqual(expect.arrayContaining(['strikes held', 'days of action']));
    expect(c.base.id).toBe('junior-doctors-2016');
    expect(c.branch.id).toBe('junior-doctors-2016-under-tua');
  });
});
