import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isModeline, modelineFor, withModeline } from '../../src/schemas/modeline.js';

const PREFIX = '# yaml-language-server: $schema=';

describe('modelineFor', () => {
  it('points a file at a schema beside it, above it or below it, relatively', () => {
    expect(modelineFor('/u/my/a.yaml', '/u/my/scenario.schema.json')).toBe(`${PREFIX}./scenario.schema.json`);
    expect(modelineFor('/u/my/drafts/a.yaml', '/u/my/scenario.schema.json')).toBe(`${PREFIX}../scenario.schema.json`);
    expect(modelineFor('/u/a.yaml', '/u/my/schemas/s.json')).toBe(`${PREFIX}./my/schemas/s.json`);
  });

  it('gives the shipped scenarios the modeline they carry', () => {
    expect(modelineFor('scenarios/historical/2016-contract.yaml', 'scenarios/scenario.schema.json')).toBe(
      `${PREFIX}../scenario.schema.json`,
    );
  });

  it('reads relative paths from the working folder', () => {
    expect(modelineFor('out/a.yaml', join(process.cwd(), 'out', 's.json'))).toBe(`${PREFIX}./s.json`);
  });

  it('uses a file URL where a relative path would hold whitespace or #, which a modeline cannot carry', () => {
    expect(modelineFor('/u/a.yaml', '/u/My Schemas/s.json')).toBe(`${PREFIX}file:///u/My%20Schemas/s.json`);
    expect(modelineFor('/u/a.yaml', '/u/c#/s.json')).toBe(`${PREFIX}file:///u/c%23/s.json`);
  });
});

describe('withModeline', () => {
  it('adds a modeline to text without one, and replaces an old one', () => {
    const schema = '/u/my/scenario.schema.json';
    expect(withModeline('id: x\n', '/u/my/a.yaml', schema)).toBe(`${PREFIX}./scenario.schema.json\nid: x\n`);
    expect(withModeline(`${PREFIX}../scenario.schema.json\nid: x\n`, '/u/my/a.yaml', schema)).toBe(
      `${PREFIX}./scenario.schema.json\nid: x\n`,
    );
    expect(withModeline('# a comment\nid: x\n', '/u/my/a.yaml', schema)).toBe(
      `${PREFIX}./scenario.schema.json\n# a comment\nid: x\n`,
    );
    expect(isModeline('# yaml-language-server: $schema=x.json')).toBe(true);
    expect(isModeline('# a comment')).toBe(false);
  });
});
