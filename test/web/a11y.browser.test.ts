/**
 * Accessibility in real Chromium, audited by axe-core (WCAG 2.1 A and AA): the inspector at a projector's,
 * a laptop's and a phone's size, in both modes, on the "What would you do?" card and on a branch.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioCatalogue } from '../../src/loader/registry.js';
import { buildInspection, inlineStyles } from '../../src/web/inspection.js';
import { type InspectorServer, startServer } from '../../src/web/server.js';
import { browserTestsRun, launch } from '../helpers/browser.js';

const runs = browserTestsRun('the accessibility browser tests');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** The page's axe violations, one line each with the elements at fault, so a failure says what to fix. */
async function audit(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  });
  return (violations as Violation[]).map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 4)
        .map(
          (n) =>
            `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.split('\n').slice(1, 2).join('').trim()}]` : ''}`,
        )
        .join('; ')}`,
  );
}

describe.runIf(runs)('the inspector, audited by axe-core', () => {
  let server: InspectorServer;
  let browser: Browser;

  beforeAll(async () => {
    const catalogue = new ScenarioCatalogue();
    const base = catalogue.resolve('2023');
    const inspection = await buildInspection(base, { whatIfs: catalogue.whatIfsOf(base).map((w) => w.file) });
    server = await startServer({ inspection: JSON.stringify(inspection), styles: inlineStyles(inspection.chart.svg) });
    browser = await launch();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A page at a size, its CSP bypassed only so that the test can inject axe itself. */
  async function open(width: number, height: number, query = ''): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}${query}`);
    await page.waitForSelector('body[data-ready="true"]');
    return page;
  }

  it.each([
    [1920, 1080, ''],
    [1366, 768, '#step=40'],
    [1280, 720, '?mode=class#step=12'],
    [390, 844, '?mode=class'],
    [390, 844, '#step=83'],
  ])('at %ix%i (%s) has no violation', async (width, height, query) => {
    const page = await open(width, height, query);
    expect(await audit(page)).toEqual([]);
    await page.context().close();
  });

  it('has none on the "What would you do?" card, nor on a branch taken from it', async () => {
    const page = await open(1920, 1080, '?mode=class');
    await page.click('#play');
    await page.waitForSelector('#ask:not([hidden])', { timeout: 30_000 });
    expect(await audit(page)).toEqual([]);
    await page.click('#try-step');
    await page.click('#roads-forms .road >> nth=0');
    await page.click('#roads-forms form.fork-form button[type="submit"]');
    await page.waitForSelector('#branch-banner:not([hidden])');
    expect(await audit(page)).toEqual([]);
    await page.context().close();
  });

  it('has none on a shipped what-if opened beside history', async () => {
    const page = await open(1366, 768, '#whatif=junior-doctors-2023-take-5pct');
    await page.waitForSelector('#branch-banner:not([hidden])');
    expect(await audit(page)).toEqual([]);
    await page.context().close();
  });
});
