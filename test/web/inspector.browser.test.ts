import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disputeMachine } from '../../src/machine/index.js';
import { allNodes, chartModel } from '../../src/render/chart/model.js';
import { buildInspection, inlineStyles } from '../../src/web/inspection.js';
import { runLive } from '../../src/web/live.js';
import { type InspectorServer, startServer } from '../../src/web/server.js';
import { browserTestsRun, launch } from '../helpers/browser.js';
import { scenario } from '../helpers/scenarios.js';

const runs = browserTestsRun('the inspector browser tests');

describe.runIf(runs)('the inspector page in real Chromium (2023 replay)', () => {
  let server: InspectorServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    const s2023 = scenario('2023');
    const inspection = await buildInspection(s2023);
    server = await startServer({
      inspection: JSON.stringify(inspection),
      styles: inlineStyles(inspection.chart.svg),
      onLiveRequest: ({ speedMs }) => void runLive(s2023, server, speedMs),
    });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads with no console errors', () => {
    expect(problems).toEqual([]);
  });

  it('draws every state of the chart', async () => {
    const expected = allNodes(chartModel(disputeMachine).root)
      .map((n) => n.path)
      .filter(Boolean);
    const drawn = await page.$$eval('#chart g.state[data-path]', (gs) => gs.map((g) => g.getAttribute('data-path')));
    expect(new Set(drawn)).toEqual(new Set(expected));
  });

  it('jumping to 13 March 2023 highlights "striking" (not by colour alone) and shows that step’s sources', async () => {
    await page.fill('#date', '2023-03-13');
    await page.dispatchEvent('#date', 'change');
    await expect.poll(() => page.textContent('#position')).toContain('13 Mar 2023');
    const striking = page.locator('#chart g.state[data-path="active.action.striking"]');
    expect(await striking.getAttribute('class')).toContain('is-active');
    const marked = await striking.evaluate((g) => {
      const rect = g.querySelector('rect');
      const mark = g.querySelector('.active-mark');
      return {
        stroke: rect ? getComputedStyle(rect).strokeWidth : '',
        mark: mark ? getComputedStyle(mark).display : 'none',
      };
    });
    expect(Number.parseFloat(marked.stroke)).toBeGreaterThanOrEqual(2.5);
    expect(marked.mark).not.toBe('none');
    expect(await page.textContent('#step')).toContain('the strike of 13–16 Mar 2023 begins');
    const pill = page.locator('#board .pill[data-path="active.action.striking"]');
    expect(await pill.getAttribute('class')).toContain('is-active');
    expect(await pill.evaluate((el) => getComputedStyle(el, '::before').content)).toContain('▶');
    expect(await page.locator('#board .pill.is-active').allTextContents()).toEqual([
      'active',
      'idle',
      'live',
      'term',
      'noTalks',
      'none',
      'striking',
    ]);
    const links = await page.$$eval('#sources a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(/^https?:\/\//);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/inspector-2023-03-13.png', fullPage: false });
  });

  it('steps with the keyboard: → and ← move one step, End goes to the last', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const at = async () => Number(await page.getAttribute('body', 'data-step'));
    const before = await at();
    await page.keyboard.press('ArrowRight');
    expect(await at()).toBe(before + 1);
    await page.keyboard.press('ArrowLeft');
    expect(await at()).toBe(before);
    await page.keyboard.press('End');
    expect(await page.textContent('#step')).toContain('referendum');
    expect(await page.locator('#chart g.state[data-path="settled"]').getAttribute('class')).toContain('is-active');
  });

  it('lists the branches the machine would accept at a step', async () => {
    await page.fill('#date', '2023-06-01');
    await page.dispatchEvent('#date', 'change');
    const branches = await page.$$eval('#branches li', (lis) => lis.map((li) => li.textContent ?? ''));
    expect(branches.some((b) => b.includes('strike.called'))).toBe(true);
  });

  it('a live run relays XState’s inspection events over the WebSocket into the page', async () => {
    const counts = await page.evaluate(async () => {
      const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/ws`);
      const seen: Record<string, number> = {};
      await new Promise<void>((resolve) => {
        socket.onopen = () => socket.send(JSON.stringify({ type: 'live.start', speedMs: 0 }));
        socket.onmessage = (m) => {
          const data = JSON.parse(String(m.data)) as { type: string; event?: { type: string } };
          const key = data.type === 'inspection' ? (data.event?.type ?? '?') : data.type;
          seen[key] = (seen[key] ?? 0) + 1;
          if (data.type === 'live.ended') resolve();
        };
      });
      socket.close();
      return seen;
    });
    expect(counts['live.started']).toBe(1);
    expect(counts['@xstate.actor']).toBeGreaterThanOrEqual(1);
    expect(counts['@xstate.snapshot']).toBeGreaterThan(50);
  }, 60_000);
});
