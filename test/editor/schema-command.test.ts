import { lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/schemas/json-schema.js';
import { cli } from '../helpers/cli.js';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dispute-sim-schema-'));
  folders.push(dir);
  return dir;
}

const SCHEMA_TEXT = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;

describe('dispute-sim schema', () => {
  it('without --out prints the schema to stdout, as `npm run schema` expects', async () => {
    expect(await cli('schema')).toEqual({ code: 0, stdout: SCHEMA_TEXT, stderr: '' });
  });

  it('--out FILE writes it (making the folder) and prints its path and the modeline for files beside it', async () => {
    const dir = folder();
    const file = join(dir, 'my-scenarios', 'scenario.schema.json');
    const run = await cli('schema', '--out', file);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(SCHEMA_TEXT);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(file);
    expect(lines.at(-1)).toBe('# yaml-language-server: $schema=./scenario.schema.json');
  });

  it('keeps an existing FILE (exit 1) unless --force is given; --force replaces it', async () => {
    const file = join(folder(), 'scenario.schema.json');
    writeFileSync(file, 'mine');
    const refused = await cli('schema', '--out', file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe('mine');
    expect((await cli('schema', '--out', file, '--force')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(SCHEMA_TEXT);
  });

  it('never writes through a symbolic link: refused without --force, the link itself replaced with it', async () => {
    const dir = folder();
    const target = join(dir, 'elsewhere.json');
    const link = join(dir, 'scenario.schema.json');
    writeFileSync(target, 'keep me');
    symlinkSync(target, link);
    expect((await cli('schema', '--out', link)).code).toBe(1);
    expect((await cli('schema', '--out', link, '--force')).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(lstatSync(link).isSymbolicLink()).toBe(false);
    expect(readFileSync(link, 'utf8')).toBe(SCHEMA_TEXT);
  });

  it('--force without --out is a usage error (exit 2)', async () => {
    const run = await cli('schema', '--force');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });
});
