/**
 * Links and keyboard in real Chromium: #step=N and #date=YYYY-MM-DD open that step and survive a reload, Back
 * and Forward retrace steps moved by hand, the slider speaks the date, and the decision-point buttons jump.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInspection, inlineStyles } from '../../src/web/inspection.js';
import { type InspectorServer, startServer } from '../../src/web/server.js';
import { browserTestsRun, launch } from '../helpers/browser.js';
import { scenario } from '../helpers/scenarios.js';

const runs = browserTestsRun('the inspector link browser tests');

describe.runIf(runs)('inspector links (2023 replay)', () => {
  let server: InspectorServer;
  let browser: Browser;
  let page: Page;
  let decisions: number[];

  beforeAll(async () => {
    const inspection = await buildInspection(scenario('2023'));
    decisions = inspection.decisionPoints.map((d) => d.index).sort((a, b) => a - b);
    server = await startServer({ inspection: JSON.stringify(inspection), styles: inlineStyles(inspection.chart.svg) });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const step = () => page.evaluate(() => Number(document.body.dataset.step));

  it('#step=20 opens step 20, and still does after a reload', async () => {
    await page.goto(`${server.url}#step=20`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await step()).toBe(19);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await step()).toBe(19);
  });

  it('#date= opens that day’s first step, and for a day with none the last step before it', async () => {
    // 1 Oct 2022 has three events (the dispute, the co-chairs, the health secretary): the first of them.
    await page.goto(`${server.url}#date=2022-10-01`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await step()).toBe(0);
    await page.goto(`${server.url}#date=2023-03-14`);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.textContent('#step')).toContain('the strike of 13–16 Mar 2023 begins');
  });

  it('the date box waits for a whole year: typing 2, 20, 202, 2023 does not jump to 0002, 0020, 0202', async () => {
    await page.goto(`${server.url}#step=10`);
    await page.waitForSelector('body[data-ready="true"]');
    for (const year of ['0002', '0020', '0202']) {
      await page.fill('#date', `${year}-03-13`);
      await page.dispatchEvent('#date', 'change');
      expect(await step()).toBe(9);
    }
    await page.fill('#date', '2023-03-13');
    await page.dispatchEvent('#date', 'change');
    await expect.poll(() => page.textContent('#position')).toContain('13 Mar 2023');
    // A day outside the dispute is brought to its nearest end when the box is left.
    await page.fill('#date', '0202-03-13');
    await page.dispatchEvent('#date', 'change');
    await page.dispatchEvent('#date', 'blur');
    expect([await page.inputValue('#date'), await step()]).toEqual(['2022-10-01', 0]);
  });

  it('Back and Forward retrace the steps moved by hand, and the address follows', async () => {
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('#next');
    await page.click('#next');
    await page.click('#next');
    expect([await step(), new URL(page.url()).hash]).toEqual([2, '#step=3']);
    await page.goBack();
    expect(await step()).toBe(1);
    await page.goBack();
    expect(await step()).toBe(0);
    await page.goForward();
    expect(await step()).toBe(1);
  });

  it('the slider speaks the step’s date and event, and the decision buttons jump between decision points', async () => {
    await page.goto(`${server.url}#step=1`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.getAttribute('#slider', 'aria-valuetext')).toMatch(/^1 Oct 2022: /);
    await page.click('#next-decision');
    expect(await step()).toBe(decisions.find((d) => d > 0));
    await page.click('#next-decision');
    expect(await step()).toBe(decisions.filter((d) => d > 0)[1]);
    await page.click('#prev-decision');
    expect(await step()).toBe(decisions.find((d) => d > 0));
  });
});

describe.runIf(runs)('printing the inspector', () => {
  it('gives at most four A4 pages for a step of the longest dispute, with the step, the record and the charts', async () => {
    const inspection = await buildInspection(scenario('2016'));
    const server = await startServer({
      inspection: JSON.stringify(inspection),
      styles: inlineStyles(inspection.chart.svg),
    });
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${server.url}#step=60`);
      await page.waitForSelector('body[data-ready="true"]');
      await page.emulateMedia({ media: 'print' });
      expect(await page.isVisible('#step')).toBe(true);
      expect(await page.isVisible('#actions')).toBe(true);
      expect(await page.isVisible('#pay-chart svg')).toBe(true);
      expect(await page.isVisible('#chart')).toBe(false);
      const pdf = await page.pdf({ format: 'A4' });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeGreaterThan(0);
      expect(pages).toBeLessThanOrEqual(4);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);
});

describe.runIf(runs)('the roads not taken', () => {
  it('come first among the cards, and mark the road history took next', async () => {
    const inspection = await buildInspection(scenario('2023'));
    const index = inspection.steps.findIndex((s) => s.id === 'ballot-1-opens');
    const server = await startServer({
      inspection: JSON.stringify(inspection),
      styles: inlineStyles(inspection.chart.svg),
    });
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${server.url}#step=${index}`);
      await page.waitForSelector('body[data-ready="true"]');
      expect(await page.$eval('#facts .card h2', (h2) => h2.textContent)).toBe('Roads not taken here');
      expect(await page.$$eval('#branches li.history-road', (lis) => lis.map((li) => li.textContent))).toEqual([
        'open a ballot ballot.opened ← history’s next step',
      ]);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);
});

describe.runIf(runs)('state descriptions without a mouse', () => {
  it('a state’s description shows when its pill is focused by keyboard or tapped', async () => {
    const inspection = await buildInspection(scenario('2023'));
    const server = await startServer({
      inspection: JSON.stringify(inspection),
      styles: inlineStyles(inspection.chart.svg),
    });
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true });
      await page.goto(server.url);
      await page.waitForSelector('body[data-ready="true"]');
      await page.focus('.pill[data-path="active.mandate.lapsed"]');
      expect(await page.textContent('#describe')).toMatch(/^lapsed: The mandate has run out/);
      await page.tap('.pill[data-path="active.action.striking"]');
      expect(await page.textContent('#describe')).toMatch(/^striking: /);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);
});
