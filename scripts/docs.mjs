// Regenerates the pictures the README shows: docs/diagram.svg and .png, docs/inspector.png, docs/classroom.png,
// docs/fork.png and docs/pack.png (a page of a teacher's pack).
// Needs a build (npm run build) and Debian's Chromium at /usr/bin/chromium. Run with `npm run docs`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { ScenarioCatalogue } from '../dist/loader/registry.js';
import { packHtml } from '../dist/render/report/html.js';
import { buildPack } from '../dist/render/report/pack.js';
import { buildInspection, inlineStyles } from '../dist/web/inspection.js';
import { startServer } from '../dist/web/server.js';
import args from './chromium-args.json' with { type: 'json' };

execFileSync(
  process.execPath,
  ['bin/dispute-sim.js', 'diagram', '--format', 'svg', '--scenario', 'example', '--out', 'docs/diagram.svg', '--force'],
  { stdio: 'inherit' },
);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
try {
  // The page is the drawing's own size, read from its width and height, so no edge is cut off.
  const svg = readFileSync(new URL('../docs/diagram.svg', import.meta.url), 'utf8');
  const size = (name) => Math.ceil(Number(new RegExp(`<svg[^>]*\\s${name}="([\\d.]+)"`).exec(svg)?.[1] ?? 2000));
  const diagram = await browser.newPage({ viewport: { width: size('width'), height: size('height') } });
  await diagram.goto(new URL('../docs/diagram.svg', import.meta.url).href);
  await diagram.screenshot({ path: 'docs/diagram.png' });

  const built = await buildInspection(new ScenarioCatalogue().resolve('2023'));
  const server = await startServer({ inspection: JSON.stringify(built), styles: inlineStyles(built.chart.svg) });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.fill('#date', '2023-03-13');
  await page.dispatchEvent('#date', 'change');
  await page.screenshot({ path: 'docs/inspector.png' });
  // Classroom mode at a projector's size, stopped at its first decision point.
  const room = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await room.goto(`${server.url}?mode=class`);
  await room.waitForSelector('body[data-ready="true"]');
  await room.click('#play');
  await room.waitForSelector('#ask:not([hidden])', { timeout: 60_000 });
  await room.screenshot({ path: 'docs/classroom.png' });
  // A branch taken in the page: the 5% offer of May 2023 put to the members, beside history.
  const fork = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await fork.goto(server.url);
  await fork.waitForSelector('body[data-ready="true"]');
  const offer = await fork.$$eval('#log li', (lis) =>
    lis.findIndex((li) => li.textContent?.includes('an offer from Department of Health and Social Care: 5%')),
  );
  await fork.click(`#log li[data-index="${offer}"]`);
  await fork.click('#try-roads');
  await fork.click('#roads-forms .road:has-text("to the members")');
  await fork.click('#roads-forms form.fork-form button[type="submit"]');
  await fork.waitForSelector('#branch-banner:not([hidden])');
  await fork.evaluate(() => window.scrollTo(0, 0));
  await fork.screenshot({ path: 'docs/fork.png' });
  await server.close();
  // A page of the 2023 teacher's pack as printed (A4 at 96 dpi, print styles): its charts.
  const catalogue = new ScenarioCatalogue();
  const s2023 = catalogue.resolve('2023');
  const pack = buildPack(s2023, { whatIfs: catalogue.whatIfsOf(s2023).map((w) => w.scenario) });
  const sheet = await browser.newPage({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 1.5 });
  await sheet.setContent(packHtml(pack), { waitUntil: 'load' });
  await sheet.emulateMedia({ media: 'print' });
  const top = await sheet.$eval('#junior-doctors-2023-charts', (h) => h.getBoundingClientRect().top + window.scrollY);
  await sheet.screenshot({
    path: 'docs/pack.png',
    clip: { x: 0, y: Math.max(0, top - 24), width: 794, height: 1050 },
    fullPage: true,
  });
  console.log(
    'wrote docs/diagram.svg, docs/diagram.png, docs/inspector.png, docs/classroom.png, docs/fork.png, docs/pack.png',
  );
} finally {
  await browser.close();
}
