import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioCatalogue } from '../../src/loader/registry.js';
import { problemsOf } from '../helpers/problems.js';

const PORTERS = readFileSync('scenarios/examples/porters.yaml', 'utf8').replace(/^aliases: .*$/m, 'aliases: []');

/** A branch of the worked example that extends `ref`. */
const branchOf = (ref: string) =>
  `id: my-branch\ntitle: A branch\nkind: counterfactual\nextends: ${JSON.stringify(ref)}\n` +
  'period: { from: 2023-01-01, to: 2023-12-31 }\nsummary: s\noutcome: ongoing\nevents: []\n';

describe('"extends" is read from the extending file’s folder, never the working directory', () => {
  it('a branch extends a sibling file and one a folder up, wherever the command runs from', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dispute-sim-extends-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'base.yaml'), PORTERS.replace('id: example-porters', 'id: my-base'));
    writeFileSync(join(dir, 'sibling.yaml'), branchOf('base.yaml'));
    writeFileSync(join(dir, 'sub', 'below.yaml'), branchOf('../base.yaml'));
    const catalogue = new ScenarioCatalogue();
    for (const file of [join(dir, 'sibling.yaml'), join(dir, 'sub', 'below.yaml')]) {
      const s = catalogue.resolve(file);
      expect(s.id).toBe('my-branch');
      expect(s.events.length).toBeGreaterThan(5);
    }
  });

  it('a name that is neither a shipped id nor a .yaml file is not looked for in the working directory', () => {
    // package.json and README.md exist in the working directory (the project root) during the tests.
    const dir = mkdtempSync(join(tmpdir(), 'dispute-sim-extends-'));
    for (const ref of ['package.json', 'README.md', 'passwd']) {
      const file = join(dir, `${ref}.branch.yaml`);
      writeFileSync(file, branchOf(ref));
      expect(problemsOf(file)[0]).toMatchObject({ file, field: 'extends', code: 'extends.not-found', line: 4 });
    }
  });

  it('an absolute path is refused at the field', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dispute-sim-extends-')), 'abs.yaml');
    writeFileSync(file, branchOf('/etc/passwd.yaml'));
    expect(problemsOf(file)[0]).toMatchObject({ field: 'extends', code: 'field.format', line: 4 });
  });

  it('a base that is not a valid scenario is reported at "extends", naming the base’s first problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dispute-sim-extends-'));
    writeFileSync(join(dir, 'broken.yaml'), 'id: [\n');
    writeFileSync(join(dir, 'branch.yaml'), branchOf('broken.yaml'));
    const [p] = problemsOf(join(dir, 'branch.yaml'));
    expect(p).toMatchObject({
      file: join(dir, 'branch.yaml'),
      line: 4,
      col: 10,
      field: 'extends',
      code: 'extends.invalid',
    });
    expect(p?.message).toContain('broken.yaml');
  });
});
