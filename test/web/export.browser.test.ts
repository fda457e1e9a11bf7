/**
 * `inspect --export`: one self-contained HTML file, opened from file:// in real Chromium with every network
 * request refused — it loads with no CSP violation, steps, switches to classroom mode, and forks a branch.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsRun, launch } from '../helpers/browser.js';
import { cli } from '../helpers/cli.js';

const runs = browserTestsRun('the export browser tests');

describe.runIf(runs)('the exported inspector, from file:// with the network blocked', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'dispute-sim-export-'));
  const file = join(dir, 'rcn.html');

  beforeAll(async () => {
    const r = await cli('inspect', 'rcn-2023', '--export', file);
    expect(r.code).toBe(0);
    browser = await launch();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('is one file: no script, style or data fetched from anywhere', () => {
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/);
    expect(html).toContain('<meta http-equiv="Content-Security-Policy"');
    expect(html).toContain('id="inspection-data"');
  });

  it('works offline: steps, classroom mode and a fork, with no error and no request leaving the page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    await page.goto(`${pathToFileURL(file).href}?mode=class`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.isVisible('#outcome')).toBe(false);
    expect(await page.isVisible('#live')).toBe(false);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => Number(document.body.dataset.step))).toBe(1);
    await page.click('#classroom');
    expect(await page.textContent('#outcome')).toBe('outcome: abandoned');
    // A fork: the first road from here, taken as suggested.
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await page.click('#try-roads');
    await page.click('#roads-forms .road >> nth=0');
    await page.click('#roads-forms form.fork-form button[type="submit"]');
    await page.waitForSelector('#branch-banner:not([hidden])');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#branch-download')]);
    const saved = join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    expect((await cli('replay', saved, '--strict', '--compact')).code).toBe(0);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
