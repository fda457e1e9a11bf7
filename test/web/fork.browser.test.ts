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
import { ScenarioCatalogue } from '../../src/loader/registry.js';
import { replay } from '../../src/simulation/replay.js';
import { buildInspection, inlineStyles } from '../../src/web/inspection.js';
import { type InspectorServer, startServer } from '../../src/web/server.js';
import { inspectionSteps } from '../../src/web/steps.js';
import { browserTestsRun, launch } from '../helpers/browser.js';
import { cli } from '../helpers/cli.js';

const runs = browserTestsRun('the fork browser tests');

describe.runIf(runs)('forking the 2023 dispute in the page, and opening its shipped what-ifs', () => {
  let server: InspectorServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'dispute-sim-fork-'));
  const catalogue = new ScenarioCatalogue();
  const base = catalogue.resolve('2023');
  const whatIfs = catalogue.whatIfsOf(base);

  beforeAll(async () => {
    // The page as `inspect 2023` serves it: with the what-ifs that ship with the dispute.
    const inspection = await buildInspection(base, { whatIfs: whatIfs.map((w) => w.file) });
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

  it('lists every shipped counterfactual of 2023, and each replays in the page to the CLI’s steps and outcome', async () => {
    expect(whatIfs.map((w) => w.file.id).sort()).toEqual([
      'junior-doctors-2023-acas',
      'junior-doctors-2023-low-turnout',
      'junior-doctors-2023-take-5pct',
    ]);
    for (const w of whatIfs) {
      await page.click(`#whatifs button[data-whatif="${w.file.id}"]`);
      await page.waitForSelector('#branch-banner:not([hidden])');
      const { steps } = inspectionSteps(w.scenario);
      const shown = await page.$$eval('#log li', (lis) =>
        // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees, hidden parts left out
        lis.map((li) => (li as HTMLElement).innerText),
      );
      expect(shown.length, w.file.id).toBe(steps.length);
      for (const [i, s] of steps.entries()) expect(shown[i], `${w.file.id} step ${i + 1}`).toContain(s.description);
      const trace = replay(w.scenario);
      expect(await page.textContent('#branch-banner')).toContain(`Outcome so far: ${trace.final.outcome}`);
      expect(new URL(page.url()).hash).toBe(`#whatif=${w.file.id}`);
    }
    expect(problems).toEqual([]);
  });

  it('opens a what-if from its link, leaving history where it diverges, with the offers set against the claim', async () => {
    const other = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await other.goto(`${server.url}#whatif=junior-doctors-2023-take-5pct`);
    await other.waitForSelector('#branch-banner:not([hidden])');
    const banner = await other.textContent('#branch-banner');
    expect(banner).toContain('leaves history on 22 May 2023');
    expect(banner).toContain('Offers against the 35.3% claim: 5% accepted');
    expect(banner).not.toMatch(/offer-2023|offer-5pct/);
    await other.close();
  });
});
