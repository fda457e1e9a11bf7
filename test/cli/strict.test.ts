/**
 * `replay --strict` and a scenario's `expectRefused`: a branch states the refusals that are its lesson, and strict
 * mode holds it to exactly those, no fewer and no more.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'dispute-sim-strict-'));

/** A branch of the 2016 dispute under the 2016 Act, expecting these refusals. */
function branch(name: string, expect: string[]): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    [
      `id: ${name}`,
      'title: A branch',
      'kind: counterfactual',
      'extends: junior-doctors-2016',
      'rules: tua-2016',
      'period: { from: 2015-05-11, to: 2016-11-10 }',
      'summary: For tests.',
      'outcome: imposed',
      `expectRefused: [${expect.join(', ')}]`,
      'events: []',
      '',
    ].join('\n'),
  );
  return file;
}

describe('replay --strict with expectRefused', () => {
  it('the shipped 2016-tua branch passes: it lists exactly what the 2016 Act refuses', async () => {
    const r = await cli('replay', '2016-tua', '--strict', '--compact');
    expect([r.code, r.stderr]).toEqual([0, '']);
  });

  it('a refusal the branch did not expect fails, naming the event and why', async () => {
    const r = await cli('replay', branch('too-few', ['mandate-given-up']), '--strict', '--compact');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "too-few: event strike-2015-12-01-called (strike.called) refused: only 12 days' notice; Trade Union Act 2016 requires 14",
    );
    expect(r.stderr).not.toContain('mandate-given-up');
  });

  it('an expected refusal that was accepted fails too', async () => {
    const r = await cli('replay', branch('wrong', ['declared']), '--strict', '--compact');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /wrong: event declared \(dispute\.declared\) was accepted, but the scenario expects it refused/,
    );
  });

  it('an expected refusal that names no event is a load problem with its code', async () => {
    const r = await cli('validate', '--json', branch('unknown', ['no-such-event']));
    const problems = JSON.parse(r.stdout).files[0].problems as { field: string; code: string }[];
    expect(problems.map((p) => [p.field, p.code])).toEqual([['expectRefused[0]', 'expect-refused.unknown']]);
  });
});
