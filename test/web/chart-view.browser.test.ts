/**
 * Reading the statechart in the inspector, in real Chromium at 1280×720: the active states' labels are at least
 * 12 CSS px on screen, "follow" keeps them in view as the steps go by, and the chart zooms (buttons, Ctrl+wheel,
 * + −) and pans (drag, keys).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInspection, inlineStyles } from '../../src/web/inspection.js';
import { type InspectorServer, startServer } from '../../src/web/server.js';
import { browserTestsRun, launch } from '../helpers/browser.js';
import { scenario } from '../helpers/scenarios.js';

const runs = browserTestsRun('the chart view browser tests');

describe.runIf(runs)('the statechart view (2023 replay, 1280×720)', () => {
  let server: InspectorServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const inspection = await buildInspection(scenario('2023'));
    server = await startServer({ inspection: JSON.stringify(inspection), styles: inlineStyles(inspection.chart.svg) });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${server.url}#step=40`);
    await page.waitForSelector('body[data-ready="true"]');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * The on-screen size of the active atomic states' labels, and whether those that changed at this step (the
   * step panel's "region: a → b" lines name them) are within the chart's view.
   */
  const active = () =>
    page.evaluate(() => {
      const chart = document.getElementById('chart') as HTMLElement;
      const c = chart.getBoundingClientRect();
      const labels = [...chart.querySelectorAll('g.state-atomic.is-active > text.label')];
      const moved = [...document.querySelectorAll('#step .changes li')].map((li) => li.textContent ?? '');
      const changed = labels.filter((l) => {
        const path = l.parentElement?.getAttribute('data-path') ?? '';
        return moved.some(
          (m) => m.startsWith(`${path.split('.')[1]}:`) && m.endsWith(path.split('.').slice(2).join('.')),
        );
      });
      return {
        moved: changed.length,
        sizes: labels.map((l) => l.getBoundingClientRect().height),
        inView: changed.every((l) => {
          const b = l.getBoundingClientRect();
          return b.left >= c.left - 1 && b.right <= c.right + 1 && b.top >= c.top - 1 && b.bottom <= c.bottom + 1;
        }),
      };
    });

  it('draws the active states’ labels at 12 px or more, and keeps the states that move in view as the steps go by', async () => {
    let moved = 0;
    for (let i = 0; i < 15; i++) {
      const a = await active();
      moved += a.moved;
      expect(a.sizes.length).toBeGreaterThan(0);
      for (const size of a.sizes) expect(size).toBeGreaterThanOrEqual(12);
      expect(a.inView, `step ${40 + i}`).toBe(true);
      await page.keyboard.press('ArrowRight');
    }
    expect(moved).toBeGreaterThan(5);
  });

  it('zooms by Ctrl+wheel and by keys, and pans by dragging', async () => {
    const width = () => page.evaluate(() => document.querySelector('#chart svg')?.getBoundingClientRect().width ?? 0);
    const before = await width();
    const box = await page.locator('#chart').boundingBox();
    if (!box) throw new Error('no chart');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    expect(await width()).toBeGreaterThan(before);
    await page.focus('#chart');
    await page.keyboard.press('0');
    expect(Math.round(await width())).toBe(Math.round(before));
    await page.keyboard.press('-');
    expect(await width()).toBeLessThan(before);
    await page.keyboard.press('0');
    const left = await page.evaluate(() => (document.getElementById('chart') as HTMLElement).scrollLeft);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 200, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const after = await page.evaluate(() => (document.getElementById('chart') as HTMLElement).scrollLeft);
    expect(after).not.toBe(left);
  });

  it('zooms by a two-finger pinch on a phone’s touch screen', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const phone = await context.newPage();
    await phone.goto(`${server.url}#step=40`);
    await phone.waitForSelector('body[data-ready="true"]');
    await phone.locator('#chart').scrollIntoViewIfNeeded();
    const box = await phone.locator('#chart').boundingBox();
    if (!box) throw new Error('no chart');
    const width = () => phone.evaluate(() => document.querySelector('#chart svg')?.getBoundingClientRect().width ?? 0);
    const before = await width();
    const cdp = await context.newCDPSession(phone);
    const [cx, cy] = [box.x + box.width / 2, box.y + Math.min(box.height, 300) / 2];
    const at = (d: number) => [
      { x: cx - d, y: cy, id: 0 },
      { x: cx + d, y: cy, id: 1 },
    ];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(30) });
    for (const d of [45, 60, 80, 100])
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(d) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    expect(await width()).toBeGreaterThan(before * 1.5);
    await context.close();
  });
});
