/**
 * Classroom mode in real Chromium: the future stays hidden (no outcome, no later step, mark, tick or chart point)
 * until revealed; Play stops before a decision point with a "What would you do?" card; the chart marks the path
 * only as far as the current step, in either mode. At the widths a class uses: 1920, 1366, 1280 and 390.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInspection, inlineStyles } from '../../src/web/inspection.js';
import { type InspectorServer, startServer } from '../../src/web/server.js';
import { browserTestsRun, launch } from '../helpers/browser.js';
import { scenario } from '../helpers/scenarios.js';

const runs = browserTestsRun('the classroom-mode browser tests');

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Every date the page shows in its visible text, as YYYY-MM-DD (the formats the page writes). */
async function visibleDates(page: Page): Promise<string[]> {
  // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees, hidden parts left out
  const text = await page.evaluate(() => document.body.innerText);
  const iso = [...text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)].map((m) => `${m[1]}-${m[2]}-${m[3]}`);
  const human = [...text.matchAll(/\b(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4})\b/g)].map(
    (m) => `${m[3]}-${String(MONTHS.indexOf(m[2] as string) + 1).padStart(2, '0')}-${String(m[1]).padStart(2, '0')}`,
  );
  return [...iso, ...human];
}

describe.runIf(runs)('classroom mode (2023 replay)', () => {
  let server: InspectorServer;
  let browser: Browser;
  const problems: string[] = [];
  let inspectionSteps: { later?: string }[] = [];

  beforeAll(async () => {
    const inspection = await buildInspection(scenario('2023'));
    inspectionSteps = inspection.steps;
    server = await startServer({ inspection: JSON.stringify(inspection), styles: inlineStyles(inspection.chart.svg) });
    browser = await launch();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(width: number, height: number, query = '?mode=class'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(`${server.url}${query}`);
    await page.waitForSelector('body[data-ready="true"]');
    return page;
  }

  it.each([
    [1920, 1080],
    [1366, 768],
    [1280, 720],
    [390, 844],
  ])('at %ix%i shows no outcome and no date after the current step until revealed', async (width, height) => {
    const page = await open(width, height);
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    const current = await page.evaluate(() => Number(document.body.dataset.step));
    expect(current).toBe(4);
    const stepDate = '2023-01-09';
    expect(await page.isVisible('#outcome')).toBe(false);
    // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees, hidden parts left out
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/outcome: (settled|imposed|abandoned)/);
    // Sources carry their publication dates, which may be after the event, and the step's event its own
    // announced dates (a ballot's closing day); nothing else shows a date after the step.
    const dates = (await visibleDates(page)).filter((d) => d > stepDate);
    const allowed = await page.$$eval('#sources li, .step-event', (els) =>
      // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees, hidden parts left out
      els.map((el) => (el as HTMLElement).innerText).join(' '),
    );
    const human = (iso: string) => `${Number(iso.slice(8))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
    for (const d of dates) {
      expect(
        allowed.includes(d) || allowed.includes(human(d)),
        `a later date ${d} outside the step's event and sources`,
      ).toBe(true);
    }
    expect(await page.$$eval('#log li', (lis) => lis.filter((li) => (li as HTMLElement).offsetParent).length)).toBe(5);
    expect(await page.$$eval('#ticks i', (ts) => ts.filter((t) => getComputedStyle(t).display !== 'none').length)).toBe(
      5,
    );
    const offers = await page.$$eval(
      '#pay-chart [data-date]:not(.tick, .axis)',
      (els) => els.filter((e) => (e as SVGElement).style.display !== 'none').length,
    );
    expect(offers).toBe(0);
    // The months along the bottom stop at the step too: none after it is labelled.
    const months = await page.$$eval('#pay-chart text.tick, #days-chart text.tick', (els) =>
      els.filter((e) => (e as SVGElement).style.display !== 'none').map((e) => (e as SVGElement).dataset.date ?? ''),
    );
    expect(months.length).toBeGreaterThan(0);
    expect(months.filter((d) => d > stepDate)).toEqual([]);
    await page.click('#classroom');
    expect(await page.isVisible('#outcome')).toBe(true);
    expect(await page.textContent('#outcome')).toBe('outcome: settled');
    await page.close();
  });

  it('Play stops before the first decision point with the roads open there; Reveal shows the step', async () => {
    const page = await open(1920, 1080);
    await page.click('#play');
    await page.waitForSelector('#ask:not([hidden])', { timeout: 30_000 });
    const index = await page.evaluate(() => Number(document.body.dataset.step));
    const card = await page.textContent('#ask');
    expect(card).toContain('What would you do?');
    expect(card).toContain('open a ballot');
    expect(card).not.toMatch(/ballot is open|a mandate/);
    // "Try it" opens the roads to take from here; the card can be had again by playing on.
    expect(await page.isVisible('#try-step')).toBe(true);
    await page.click('#reveal-step');
    expect(await page.evaluate(() => Number(document.body.dataset.step))).toBe(index + 1);
    expect(await page.textContent('#step')).toContain('A decision point:');
    expect(await page.isHidden('#ask')).toBe(true);
    // Presenter type: the step's event at 24 px or more, the board's states too.
    const sizes = await page.evaluate(() => [
      Number.parseFloat(getComputedStyle(document.querySelector('.step-event') as Element).fontSize),
      Number.parseFloat(getComputedStyle(document.querySelector('.board .pill') as Element).fontSize),
    ]);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(24);
    await page.close();
  });

  it('keeps what a note says with hindsight ("later") hidden until revealed', async () => {
    const page = await open(1366, 768);
    const index = inspectionSteps.findIndex((s) => s.later);
    expect(index).toBeGreaterThanOrEqual(0);
    await page.evaluate((n) => {
      location.hash = `step=${n}`;
    }, index + 1);
    await expect.poll(() => page.evaluate(() => Number(document.body.dataset.step))).toBe(index);
    expect(await page.$$eval('#step .later', (els) => els.length)).toBe(1);
    expect(await page.isVisible('#step .later')).toBe(false);
    await page.click('#classroom');
    expect(await page.isVisible('#step .later')).toBe(true);
    await page.close();
  });

  it('in either mode the chart marks as visited only the states the replay has reached so far', async () => {
    const page = await open(1400, 1000, '');
    const visited = () =>
      page.$$eval('#chart g.state.visited', (gs) => gs.map((g) => g.getAttribute('data-path') ?? ''));
    expect(await visited()).not.toContain('active.action.striking');
    await page.keyboard.press('End');
    expect(await visited()).toContain('active.action.striking');
    await page.keyboard.press('Home');
    expect(await visited()).not.toContain('settled');
    expect(await page.$$eval('#chart g.edge.taken', (gs) => gs.length)).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
