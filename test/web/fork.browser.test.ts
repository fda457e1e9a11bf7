/**
 * Forking in the page, in real Chromium: at the 5% offer of May 2023 a reader takes a road not taken (the offer
 * put to the members, who accept), the page runs the engine on the branch and goes on along it, shows it beside
 * history, and downloads it as a file the command line validates and replays to the same steps.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInspection, inlineStyles } from '../../src/web/inspection.js';
import { type InspectorServer, startServer } from '../../src/web/server.js';
import { browserTestsRun, launch } from '../helpers/browser.js';
import { cli } from '../helpers/cli.js';
import { scenario } from '../helpers/scenarios.js';

const runs = browserTestsRun('the fork browser tests');

describe.runIf(runs)('forking the 2023 dispute in the page', () => {
  let server: InspectorServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'dispute-sim-fork-'));

  beforeAll(async () => {
    const inspection = await buildInspection(scenario('2023'));
    server = await startServer({ inspection: JSON.stringify(inspection), styles: inlineStyles(inspection.chart.svg) });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('takes the offer to the members, goes on along the branch, and downloads it for the CLI to replay the same', async () => {
    // The step of the offer, found by its words in "Every step".
    const index = await page.$$eval('#log li', (lis) =>
      // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees, hidden parts left out
      lis.findIndex((li) => (li as HTMLElement).innerText.includes('an offer from')),
    );
    expect(index).toBeGreaterThan(0);
    await page.click(`#log li[data-index="${index}"]`);
    await page.click('#try-roads');
    await page.click('#roads-forms .road:has-text("to the members")');
    const form = page.locator('#roads-forms form.fork-form');
    await form.locator('input[name="1.yesPct"]').fill('55');
    await form.locator('input[name="1.noPct"]').fill('45');
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector('#branch-banner:not([hidden])');
    const banner = await page.textContent('#branch-banner');
    expect(banner).toContain('Outcome so far: settled (history: settled)');
    expect(banner).toMatch(/Days of action: 7 \(history: 44\)/);
    expect(await page.textContent('#step')).toContain('this branch’s own event');
    // History's decision points are not the branch's.
    expect(await page.textContent('#step')).not.toContain('A decision point');
    const shown = await page.$$eval('#log li', (lis) =>
      // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees, hidden parts left out
      lis.map((li) => (li as HTMLElement).innerText.replace(/^\S+ /, '')),
    );

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#branch-download')]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect((await cli('validate', file)).code).toBe(0);
    const replayed = await cli('replay', file, '--json', '--strict');
    expect(replayed.code).toBe(0);
    const trace = JSON.parse(replayed.stdout) as { steps: { date: string; event: { type: string } }[] };
    expect(trace.steps).toHaveLength(shown.length);
    expect(readFileSync(file, 'utf8')).toContain('"divergesAt": "offer-5pct-rejected"');

    // The address now carries the branch: opened elsewhere, the same branch replays there.
    const link = page.url();
    expect(link).toContain('#branch=');
    const other = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await other.goto(link);
    await other.waitForSelector('body[data-ready="true"]');
    expect(await other.textContent('#branch-banner')).toBe(banner);
    expect(await other.$$eval('#log li', (lis) => lis.length)).toBe(shown.length);
    await other.close();

    await page.click('#branch-back');
    expect(await page.isHidden('#branch-banner')).toBe(true);
    expect(await page.$$eval('#log li', (lis) => lis.length)).toBeGreaterThan(shown.length);
    expect(problems).toEqual([]);
  });
});
