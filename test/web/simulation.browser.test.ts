/** The simulation's HTML report in real Chromium: it loads with no error or request, and its drawing is drawn. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsRun, launch } from '../helpers/browser.js';
import { cli } from '../helpers/cli.js';

const runs = browserTestsRun('the simulation report browser test');

describe.runIf(runs)('the simulation report in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    [1280, 900],
    [390, 844],
  ])(
    'at %ix%i: no error, the drawing at full size or more (sideways in its own region on a phone), every block drawn',
    async (width, height) => {
      const file = join(mkdtempSync(join(tmpdir(), 'dispute-sim-sim-')), 'sim.html');
      const r = await cli('simulate', '2023', '--runs', '60', '--sweep', 'employer.maxPct=8..20:3', '--out', file);
      expect(r.code).toBe(0);
      const page = await browser.newPage({ viewport: { width, height } });
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('request', (q) => !q.url().startsWith('data:') && problems.push(`request ${q.url()}`));
      await page.setContent(readFileSync(file, 'utf8'), { waitUntil: 'load' });
      const box = await page.$eval('svg', (svg) => svg.getBoundingClientRect().toJSON() as DOMRect);
      const region = await page.$eval('.drawing', (d) => d.getBoundingClientRect().toJSON() as DOMRect);
      // The page keeps to a readable measure (820 px) and never scrolls sideways; the drawing is never shrunk below
      // its own size (its 11 px labels stay 11 px), and on a phone it scrolls sideways inside its own region.
      const viewBoxWidth = await page.$eval('svg', (svg) => (svg as SVGSVGElement).viewBox.baseVal.width);
      expect(box.width).toBeGreaterThanOrEqual(viewBoxWidth - 1);
      expect(region.right).toBeLessThanOrEqual(width + 1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      if (width >= 820) expect(box.width).toBeGreaterThan(820 * 0.85);
      // Printed, nothing scrolls: the drawing shrinks to the page instead of being cut at its edge.
      await page.emulateMedia({ media: 'print' });
      const printed = await page.$eval('svg', (svg) => svg.getBoundingClientRect().toJSON() as DOMRect);
      expect(printed.right).toBeLessThanOrEqual(width + 1);
      expect(await page.$eval('.drawing', (d) => getComputedStyle(d).overflowX)).toBe('visible');
      await page.emulateMedia({ media: 'screen' });
      expect(await page.$$eval('svg rect', (rs) => rs.length)).toBeGreaterThan(20);
      expect(await page.$$eval('h2', (hs) => hs.map((h) => h.textContent))).toContain('employer.maxPct');
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it('writes a standalone SVG that Chromium opens as XML, with no parser error', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dispute-sim-sim-')), 'sim.svg');
    expect(
      (await cli('simulate', '2023', '--runs', '40', '--sweep', 'employer.maxPct=8..20:3', '--out', file)).code,
    ).toBe(0);
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    await page.goto(pathToFileURL(file).href);
    expect(await page.evaluate(() => document.documentElement.localName)).toBe('svg');
    expect(await page.$$eval('parsererror', (e) => e.length)).toBe(0);
    expect(await page.$$eval('rect', (rs) => rs.length)).toBeGreaterThan(20);
    await page.close();
  });
});
