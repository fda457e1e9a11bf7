/**
 * Teaching packs in real Chromium: the HTML loads with no error and every chart drawn; on A4 nothing that must
 * stay whole (a chart, a table row, a decision card, a brief) is taller than a page, so none can be cut by a page
 * break; and printed to PDF each historical dispute's pack has a sane number of pages.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioCatalogue } from '../../src/loader/registry.js';
import { packHtml } from '../../src/render/report/html.js';
import { buildComparisonPack, buildPack } from '../../src/render/report/pack.js';
import { printPdf } from '../../src/render/report/pdf.js';
import { browserTestsRun, launch } from '../helpers/browser.js';

const runs = browserTestsRun('the teaching pack browser tests');
const HISTORICAL = ['2016', '2023', '2025', 'rcn-2023', 'consultants'];
// A4 less the pack's page margins (20 mm top, 18 mm bottom, 16 mm each side), in CSS pixels (96 per inch).
const MM = 96 / 25.4;
const PAGE = { width: Math.floor((210 - 32) * MM), height: Math.floor((297 - 38) * MM) };

/** The pages of a PDF, counted by its page objects. */
const pagesOf = (pdf: Uint8Array) =>
  Buffer.from(pdf)
    .toString('latin1')
    .match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;

describe.runIf(runs)('teaching packs in Chromium', () => {
  let browser: Browser;
  const catalogue = new ScenarioCatalogue();

  beforeAll(async () => {
    browser = await launch();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(HISTORICAL)('%s: loads cleanly, draws every chart, and keeps every block within a page', async (ref) => {
    const s = catalogue.resolve(ref);
    for (const pack of [
      buildPack(s, { whatIfs: catalogue.whatIfsOf(s).map((w) => w.scenario) }),
      buildPack(s, { student: true }),
    ]) {
      const page = await browser.newPage({ viewport: PAGE });
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()));
      page.on('request', (r) => !r.url().startsWith('data:') && problems.push(`request ${r.url()}`));
      await page.setContent(packHtml(pack), { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const charts = await page.$$eval('figure[data-chart] svg', (svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          return {
            w: box.width,
            h: box.height,
            marks: svg.querySelectorAll('[data-mark], [data-bar], path, rect').length,
          };
        }),
      );
      expect(charts.length).toBe(pack.disputes[0]?.charts.length);
      for (const c of charts) {
        expect(c.w).toBeGreaterThan(PAGE.width * 0.9);
        expect(c.h).toBeGreaterThan(100);
        expect(c.marks).toBeGreaterThan(0);
      }
      const blocks = await page.$$eval('figure, tr, .decision, .brief, .entry', (els) =>
        els.map((el) => ({
          what: `${el.tagName.toLowerCase()}.${el.className}`,
          h: el.getBoundingClientRect().height,
          avoid: getComputedStyle(el).breakInside,
        })),
      );
      for (const b of blocks) {
        expect(b.avoid, b.what).toBe('avoid');
        expect(b.h, `${ref}: ${b.what} is taller than a page`).toBeLessThan(PAGE.height);
      }
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it.each(HISTORICAL)(
    '%s: prints to PDF on A4 within a sane number of pages',
    async (ref) => {
      const s = catalogue.resolve(ref);
      const teacher = pagesOf(await printPdf(packHtml(buildPack(s))));
      const student = pagesOf(await printPdf(packHtml(buildPack(s, { student: true }))));
      expect(teacher).toBeGreaterThanOrEqual(6);
      expect(teacher).toBeLessThanOrEqual(40);
      expect(student).toBeGreaterThanOrEqual(2);
      expect(student).toBeLessThan(teacher);
    },
    120_000,
  );

  it('prints the comparison pack of the three doctors’ disputes', async () => {
    const pack = buildComparisonPack(['2016', '2023', '2025'].map((r) => catalogue.resolve(r)));
    const pages = pagesOf(await printPdf(packHtml(pack)));
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(40);
  }, 120_000);
});
