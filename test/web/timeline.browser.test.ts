/**
 * The inspector's timeline in real Chromium, against defects found by hand: ticks stand where the slider's thumb
 * stands, the slider keeps its length during Play, Space plays with a timeline button focused, moving by hand
 * pauses Play, "Every step" scrolls down not sideways and keeps the current step in view, details stay open.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInspection, inlineStyles } from '../../src/web/inspection.js';
import { type InspectorServer, startServer } from '../../src/web/server.js';
import { browserTestsRun, launch } from '../helpers/browser.js';
import { scenario } from '../helpers/scenarios.js';

const runs = browserTestsRun('the timeline browser tests');

describe.runIf(runs)('the inspector timeline (2016 replay)', () => {
  let server: InspectorServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const inspection = await buildInspection(scenario('2016'));
    server = await startServer({ inspection: JSON.stringify(inspection), styles: inlineStyles(inspection.chart.svg) });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const step = () => page.evaluate(() => Number(document.body.dataset.step));

  it('puts each step’s tick under the slider’s thumb at that step', async () => {
    for (const i of [0, 10, 44, 88]) {
      await page.evaluate((n) => {
        const slider = document.getElementById('slider') as HTMLInputElement;
        slider.value = String(n + 1);
        slider.dispatchEvent(new Event('input'));
      }, i);
      const [thumb, tick] = await page.evaluate((n) => {
        const slider = document.getElementById('slider') as HTMLInputElement;
        const r = slider.getBoundingClientRect();
        const thumbWidth = 16;
        const share = (Number(slider.value) - Number(slider.min)) / (Number(slider.max) - Number(slider.min));
        const t = (document.querySelectorAll('#ticks i')[n] as HTMLElement).getBoundingClientRect();
        return [r.left + thumbWidth / 2 + share * (r.width - thumbWidth), t.left + t.width / 2];
      }, i);
      expect(Math.abs((thumb as number) - (tick as number)), `step ${i}`).toBeLessThan(6);
    }
  });

  it('keeps the slider’s length while the position text changes', async () => {
    const widths = new Set<number>();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('ArrowRight');
      widths.add(
        Math.round(await page.evaluate(() => document.getElementById('slider')?.getBoundingClientRect().width ?? 0)),
      );
    }
    expect([...widths]).toHaveLength(1);
  });

  it('Space plays when a timeline button has the focus, and Next while playing pauses', async () => {
    await page.keyboard.press('Home');
    await page.focus('#next');
    await page.keyboard.press(' ');
    expect(await page.textContent('#play')).toBe('Pause');
    await page.click('#next');
    expect(await page.textContent('#play')).toBe('Play');
    const at = await step();
    await page.waitForTimeout(900);
    expect(await step()).toBe(at);
  });

  it('"Every step" scrolls down, never sideways, and keeps the current step in view', async () => {
    await page.keyboard.press('End');
    const log = await page.evaluate(() => {
      const el = document.getElementById('log') as HTMLElement;
      const current = el.querySelector('li.current') as HTMLElement;
      const a = el.getBoundingClientRect();
      const b = current.getBoundingClientRect();
      return { sideways: el.scrollWidth > el.clientWidth + 1, inView: b.top >= a.top - 1 && b.bottom <= a.bottom + 1 };
    });
    expect(log).toEqual({ sideways: false, inView: true });
  });

  it('an opened "Event data" stays open from step to step', async () => {
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.click('#step details[data-key="event"] summary');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.$eval('#step details[data-key="event"]', (d) => (d as HTMLDetailsElement).open)).toBe(true);
  });
});
