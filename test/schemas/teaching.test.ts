/**
 * A scenario's `teaching`: a few sentences, or a block a teaching pack prints (objectives, questions keyed to
 * events, role briefs, a debrief, glossary entries), with its event ids checked like any other reference.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioCatalogue } from '../../src/loader/registry.js';
import { teachingOf } from '../../src/schemas/scenario.js';
import { cli } from '../helpers/cli.js';
import { problemsOf } from '../helpers/problems.js';

const dir = mkdtempSync(join(tmpdir(), 'dispute-sim-teaching-'));
const porters = readFileSync(new URL('../../scenarios/examples/porters.yaml', import.meta.url), 'utf8');

/** The porters' example with a teaching block put in before its events. */
function withTeaching(name: string, block: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    porters.replace('\nevents:\n', `\n${block}\nevents:\n`).replace('aliases: [example]', 'aliases: []'),
  );
  return file;
}

describe('a scenario’s teaching block', () => {
  it('is read whole, and a string is the block’s summary', () => {
    const file = withTeaching(
      'block',
      [
        'teaching:',
        '  audience: a sixth-form politics class',
        '  objectives: [Explain what a mandate is and how long it lasts]',
        '  questions:',
        '    first-offer: [Should the branch put 3% to its members?]',
        '  rolesAt: first-offer',
        '  briefs: { union: [Members want 10%.], employer: [The budget allows 4%.] }',
        '  debrief: [The union never balloted on the first offer.]',
        '  glossary: [{ term: branch, meaning: The union at one workplace. }]',
      ].join('\n'),
    );
    expect(problemsOf(file)).toEqual([]);
    const teaching = teachingOf(new ScenarioCatalogue().resolve(file));
    expect(teaching.questions).toEqual({ 'first-offer': ['Should the branch put 3% to its members?'] });
    expect(teaching.briefs?.employer).toEqual(['The budget allows 4%.']);
    expect(teachingOf({ teaching: 'A lesson. A question?' })).toEqual({ summary: 'A lesson. A question?' });
    expect(teachingOf({})).toEqual({});
  });

  it('names only events of the scenario: an unknown one is a problem at its line, with its code', async () => {
    const file = withTeaching(
      'unknown',
      [
        'teaching:',
        '  questions:',
        '    no-such-event: [Why?]',
        '  rolesAt: nor-this',
        '  glossary: [{ term: x, meaning: y, introducedAt: not-either }]',
      ].join('\n'),
    );
    const r = await cli('validate', '--json', file);
    expect(r.code).toBe(1);
    const problems = JSON.parse(r.stdout).files[0].problems as { line: number; field: string; code: string }[];
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['teaching.questions.no-such-event', 'teaching.unknown-event'],
      ['teaching.rolesAt', 'teaching.unknown-event'],
      ['teaching.glossary[0].introducedAt', 'teaching.unknown-event'],
    ]);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines[(problems[0]?.line ?? 0) - 1]).toContain('no-such-event');
  });

  it('keeps entries short and objectives few, with the field and a stable code', async () => {
    const long = 'x'.repeat(601);
    const file = withTeaching('long', ['teaching:', `  debrief: [${long}]`].join('\n'));
    const r = await cli('validate', '--json', file);
    const problems = JSON.parse(r.stdout).files[0].problems as { field: string; code: string }[];
    expect(problems.map((p) => [p.field, p.code])).toEqual([['teaching.debrief[0]', 'field.range']]);
  });

  it('is a branch’s own: a branch does not inherit its base’s questions, keyed to events it may replace', () => {
    withTeaching(
      'base',
      ['teaching:', '  questions:', '    first-offer: [Should the branch put 3% to its members?]'].join('\n'),
    );
    const file = join(dir, 'branch.yaml');
    writeFileSync(
      file,
      [
        'id: porters-branch',
        'title: A branch',
        'kind: counterfactual',
        'extends: base.yaml',
        'divergesAt: first-offer',
        'period: { from: 2023-01-01, to: 2023-12-31 }',
        'summary: For tests.',
        'outcome: ongoing',
        'events:',
        '  - { id: own-offer, at: 2023-01-20, type: offer.made, offer: offer-5, by: Riverside Hospitals Trust, summary: 5% }',
        '',
      ].join('\n'),
    );
    expect(problemsOf(file)).toEqual([]);
    expect(new ScenarioCatalogue().resolve(file).teaching).toBeUndefined();
  });
});
