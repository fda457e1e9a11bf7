import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'dispute-sim-diagram-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dispute-sim diagram', () => {
  it('prints an SVG by default', async () => {
    const r = await cli('diagram');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="statechart"/);
    expect(r.stdout).toContain('data-path="active.mandate.live.term"');
    expect(r.stdout).not.toContain(' visited"');
  });

  it('--format mermaid, dot and json', async () => {
    const mermaid = await cli('diagram', '--format', 'mermaid');
    expect(mermaid).toMatchObject({ code: 0, stderr: '' });
    expect(mermaid.stdout).toMatch(/^stateDiagram-v2\n {2}direction LR\n/);
    const dot = await cli('diagram', '--format', 'dot');
    expect(dot).toMatchObject({ code: 0, stderr: '' });
    expect(dot.stdout).toMatch(/^digraph "dispute" \{\n/);
    const json = await cli('diagram', '--format', 'json');
    expect(json).toMatchObject({ code: 0, stderr: '' });
    const chart = JSON.parse(json.stdout) as { id: string; root: { children: { key: string }[] }; edges: unknown[] };
    expect(chart.id).toBe('dispute');
    expect(chart.root.children.map((c) => c.key)).toEqual(['grievance', 'active', 'settled', 'imposed', 'abandoned']);
    expect(chart.edges.length).toBeGreaterThan(50);
  });

  it('--scenario example emphasises the replay’s path in every format', async () => {
    const svg = await cli('diagram', '--scenario', 'example');
    expect(svg.code).toBe(0);
    expect(svg.stdout).toContain('<g class="state state-atomic visited" data-path="grievance">');
    expect(svg.stdout).toContain('<g class="edge taken"');
    expect(svg.stdout).toMatch(
      /<title id="sc-title">The dispute statechart, with the path of “[^”]+” \(example-porters\)<\/title>/,
    );
    expect((await cli('diagram', '--format', 'mermaid', '--scenario', 'example')).stdout).toContain('classDef visited');
    expect((await cli('diagram', '--format', 'dot', '--scenario', 'example')).stdout).toContain('style="bold"');
    const json = JSON.parse((await cli('diagram', '--format', 'json', '--scenario', 'example')).stdout);
    expect(json.emphasis.states).toContain('active.action.striking');
    expect(json.emphasis.edges).toContain('e0');
  });

  it('--out writes the file (making its folder) and prints its path', async () => {
    const file = join(dir, 'nested', 'chart.mmd');
    const r = await cli('diagram', '--format', 'mermaid', '--out', file);
    expect(r).toEqual({ code: 0, stdout: `${file}\n`, stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe((await cli('diagram', '--format', 'mermaid')).stdout);
  });

  it('a bad format or a stray argument is a usage error (exit 2); an unknown scenario an input problem (exit 1)', async () => {
    const format = await cli('diagram', '--format', 'png');
    expect(format).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'dispute-sim: --format must be one of svg, mermaid, dot, json, not "png"\n' +
        'Usage: dispute-sim diagram [--format svg|mermaid|dot|json] [--scenario ID] [--out FILE [--force]]\n',
    });
    expect((await cli('diagram', 'extra')).code).toBe(2);
    expect((await cli('diagram', '--format')).code).toBe(2);
    const unknown = await cli('diagram', '--scenario', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^dispute-sim: no scenario "nope"/);
  });

  it('--help explains the formats; the overview lists the command', async () => {
    const help = await cli('diagram', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: dispute-sim diagram /);
    expect(help.stdout).toContain('--scenario ID');
    expect((await cli('--help')).stdout).toMatch(/\n {2}diagram +draw the statechart/);
  });
});
