/**
 * `dispute-sim branch`: the skeleton validates and replays as written, and each suggested event, uncommented,
 * replays with nothing refused; it never overwrites without --force.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'dispute-sim-branch-'));

/** The skeleton with one suggestion (by its heading) uncommented in place of `[]`. */
function withSuggestion(text: string, heading: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('  # ── ') && l.includes(heading));
  if (start < 0) throw new Error(`no suggestion "${heading}"`);
  let end = start + 1;
  while (end < lines.length && !lines[end]?.startsWith('  # ── ') && lines[end] !== '') end++;
  const events = lines.slice(start + 1, end).map((l) => `  ${l.slice(4)}`);
  const kept = lines.filter((l) => !l.startsWith('  #')).map((l) => (l === 'events: []' ? 'events:' : l));
  return [...kept.filter((l) => l !== ''), ...events, ''].join('\n');
}

describe('dispute-sim branch', () => {
  it('prints a skeleton that extends the base, diverges at the event and lists what the machine accepts there', async () => {
    const r = await cli('branch', '2023', '--at', 'offer-5pct-rejected');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# yaml-language-server: \$schema=/);
    expect(r.stdout).toContain('extends: junior-doctors-2023\ndivergesAt: offer-5pct-rejected\n');
    expect(r.stdout).toContain("  # ── call a strike with the 14 days' notice Trade Union Act 2016 asks");
    expect(r.stdout).toContain('  # ── put the offer on the table (offer-2023-05) to the members');
    expect(r.stdout).toContain('events: []\n');
  });

  it('writes a file that validates and replays as it is, and never overwrites it without --force', async () => {
    const file = join(dir, 'five-percent.yaml');
    const first = await cli('branch', '2023', '--at', 'offer-5pct-rejected', '--out', file);
    expect([first.code, first.stdout.trim()]).toEqual([0, file]);
    expect((await cli('validate', file)).code).toBe(0);
    const replayed = await cli('replay', file, '--strict', '--compact');
    expect(replayed.code).toBe(0);
    expect(replayed.stdout).not.toContain('the committee rejects the offer of 22 May 2023');
    const again = await cli('branch', '2023', '--at', 'offer-5pct-rejected', '--out', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists|--force/);
    expect((await cli('branch', '2023', '--at', 'offer-5pct-rejected', '--out', file, '--force')).code).toBe(0);
  });

  it.each([
    ['2023', 'offer-5pct-rejected', 'call a strike'],
    ['2023', 'offer-5pct-rejected', 'passes'],
    ['2023', 'offer-5pct-rejected', 'to the members'],
    ['2016', 'ballot-opens', 'passes'],
    ['2016', 'ballot-opens', 'fails'],
    ['rcn-2023', '2023-05-10', 'tables an offer'],
    ['2025', 'june-referendum-closes', 'accept the offer they are voting on'],
    ['2016', 'ended', 'passes'],
    ['2016', 'ballot-closes', 'fails'],
    ['2016-tua', 'ended', 'ends the dispute'],
    ['example', 'declared', 'declares a trade dispute'],
  ])('%s at %s: the suggestion "%s", uncommented, replays with nothing refused', async (base, at, heading) => {
    const printed = await cli('branch', base, '--at', at);
    expect(printed.code).toBe(0);
    const file = join(dir, `${base}-${at}-${heading.replaceAll(' ', '-')}.yaml`);
    writeFileSync(file, withSuggestion(printed.stdout, heading));
    const r = await cli('replay', file, '--strict', '--compact');
    expect([r.code, r.stderr]).toEqual([0, '']);
  });

  it('under the law before 2017 the failing ballot fails by a majority against, not by turnout', async () => {
    const printed = await cli('branch', '2016', '--at', 'ballot-closes');
    expect(printed.stdout).toContain('a majority of those voting say yes');
    const file = join(dir, 'fails-1992.yaml');
    writeFileSync(file, withSuggestion(printed.stdout, 'fails'));
    const trace = JSON.parse((await cli('replay', file, '--json')).stdout);
    const ballot = trace.final.context.balloting.ballots.find((b: { id: string }) => b.id === 'ballot-2015-11');
    expect(ballot).toMatchObject({ mandate: false, yes: 2000, no: 2500 });
  });

  it('a branch of a counterfactual keeps the refusals its base expects before the point, so it replays --strict', async () => {
    const r = await cli('branch', '2016-tua', '--at', 'ended');
    expect(r.stdout).toContain('expectRefused:\n  - strike-2015-12-01-called');
    expect(r.stdout).toContain('title: "What if: the 2015–16 dispute under the Trade Union Act 2016, from ended"');
  });

  it('a date diverges at the first event after that day; a date with none after it, or an unknown event, is exit 2', async () => {
    const r = await cli('branch', '2023', '--at', '2023-05-21');
    expect(r.stdout).toContain('divergesAt: offer-5pct-made\n');
    const none = await cli('branch', '2023', '--at', '2030-01-01');
    expect([none.code, none.stderr.split('\n')[0]]).toEqual([
      2,
      'dispute-sim: --at 2030-01-01: junior-doctors-2023 has no event after that day to diverge at',
    ]);
    expect((await cli('branch', '2023', '--at', 'no-such-event')).code).toBe(2);
    expect((await cli('branch', '2023')).code).toBe(2);
  });

  it('a branch of a file names its base by a path relative to where the branch is written', async () => {
    const base = join(dir, 'base.yaml');
    writeFileSync(base, readFileSync('scenarios/examples/porters.yaml', 'utf8'));
    const out = join(dir, 'nested', 'what-if.yaml');
    const events = readFileSync(base, 'utf8').match(/^ {2}- id: (\S+)/gm) ?? [];
    const at = (events[2] ?? '').replace(/^ {2}- id: /, '');
    const r = await cli('branch', base, '--at', at, '--out', out);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('extends: ../base.yaml\n');
    expect((await cli('replay', out, '--strict', '--compact')).code).toBe(0);
  });
});
