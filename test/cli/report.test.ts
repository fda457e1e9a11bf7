/** `dispute-sim report`: its formats and files, and clear errors for a bad call or a file that must not be lost. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliWith } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'dispute-sim-report-'));

describe('dispute-sim report', () => {
  it('prints a teacher’s pack as one self-contained HTML file: no script, nothing fetched', async () => {
    const r = await cli('report', 'example');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^<!doctype html>/);
    expect(r.stdout).toContain('Teacher’s pack');
    expect(r.stdout).toContain('Epilogue: what actually happened');
    expect(r.stdout).not.toMatch(/<script|<link|src="http|url\(http/);
    expect(r.stdout).toContain("default-src 'none'");
  });

  it('writes a student handout to --out and keeps it unless --force', async () => {
    const out = join(dir, 'handout.html');
    const first = await cli('report', '2023', '--student', '--until', 'offer-5pct-rejected', '--out', out);
    expect([first.code, first.stdout.trim()]).toEqual([0, out]);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('Student handout, to 22 May 2023');
    expect(text).not.toContain('Epilogue');
    const again = await cli('report', '2023', '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('exists (the file); add --force to replace it');
    expect(readFileSync(out, 'utf8')).toBe(text);
    expect((await cli('report', '2023', '--out', out, '--force')).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Teacher’s pack');
  });

  it('writes Markdown with its charts as SVG files beside it, and checks every file before writing any', async () => {
    const out = join(dir, 'pack.md');
    const r = await cli('report', 'example', '--format', 'md', '--out', out);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('![');
    for (const name of ['example-porters-pay.svg', 'example-porters-days.svg', 'example-porters-ballots.svg']) {
      const svg = join(dir, 'pack-figures', name);
      expect(readFileSync(svg, 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
      expect(md).toContain(`pack-figures/${name}`);
    }
    // A chart file in the way stops the whole run, and the Markdown is not replaced.
    writeFileSync(out, 'keep me');
    const blocked = await cli('report', 'example', '--format', 'md', '--out', out);
    expect(blocked.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
  });

  it('prints Markdown to standard output, its charts given by their tables', async () => {
    const r = await cli('report', 'example', '--format', 'md');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Hospital porters/);
    expect(r.stdout).not.toContain('![');
  });

  it('makes a comparison pack of several scenarios', async () => {
    const r = await cli('report', '2016', '2023', '2025', '--format', 'md');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Comparison pack');
    expect(r.stdout).toMatch(/\| days of action \| 8 \| 44 \| 21 \|/);
  });

  it.each([
    [['report'], 'name a scenario'],
    [['report', '2023', '--format', 'docx'], '--format must be one of html, md, pdf, not "docx"'],
    [['report', '2023', '--format', 'pdf'], '--format pdf writes a file: add --out FILE.pdf'],
    [['report', '2023', '--until', 'offer-5pct-rejected'], '--until sets where a handout stops: add --student'],
    [['report', '2016', '2023', '--student'], '--student takes one scenario'],
    [['report', '2023', '--student', '--until', 'nope'], '--until nope is neither an event id of junior-doctors-2023'],
    [['report', '2023', '--bogus'], 'bogus'],
  ])('%j is a usage error (exit 2): %s', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('never writes onto its own input, even with --force', async () => {
    const input = join(dir, 'input.yaml');
    writeFileSync(input, readFileSync(new URL('../../scenarios/examples/porters.yaml', import.meta.url)));
    const r = await cli('report', input, '--out', input, '--force');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('it is an input of this command');
  });

  it('says what to do when there is no Chromium to print a PDF with', async () => {
    const out = join(dir, 'no.pdf');
    const r = await cliWith(
      { env: { CHROME_PATH: join(dir, 'no-such-browser') } },
      'report',
      'example',
      '--format',
      'pdf',
      '--out',
      out,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PDF needs Chromium');
    expect(r.stderr).toContain('--format html');
    expect(existsSync(out)).toBe(false);
  });
});
