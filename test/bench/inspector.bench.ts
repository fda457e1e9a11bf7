/**
 * The inspector page in real Chromium: time to first render on loopback, the time one scrubber step takes over
 * the longest replay (measured inside the page), and the gzipped size of the page's assets.
 * Goals: interactive within 1 s; each step under 16 ms; assets under 400 KB gzipped. Needs /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, bench, describe } from 'vitest';
import { ScenarioCatalogue } from '../../src/loader/registry.js';
import { loadAssets } from '../../src/web/assets.js';
import { buildInspection, inlineStyles } from '../../src/web/inspection.js';
import { startServer } from '../../src/web/server.js';
import { CHROMIUM, launch } from '../helpers/browser.js';

const longest = new ScenarioCatalogue()
  .scan()
  .loaded.map((f) => f.data)
  .filter((s) => s.kind === 'historical')
  .sort((a, b) => b.events.length - a.events.length)[0];

/** The page loaded in Chromium, and the figures measured inside it (undefined without Chromium). */
async function setUp() {
  if (!existsSync(CHROMIUM) || !longest) return undefined;
  const built = await buildInspection(new ScenarioCatalogue().resolve(longest.id));
  const inspection = JSON.stringify(built);
  const server = await startServer({ inspection, styles: inlineStyles(built.chart.svg) });
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  const steps = await page.evaluate(() => {
    const times: number[] = [];
    const total = Number((document.getElementById('slider') as HTMLInputElement).max);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home' }));
    for (let i = 0; i < total; i++) {
      const t = performance.now();
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const mean = times.reduce((sum, x) => sum + x, 0) / times.length;
    return { count: times.length, mean, p95: times[Math.floor(times.length * 0.95)] ?? 0, max: times.at(-1) ?? 0 };
  });
  const assets = [...loadAssets().entries()].filter(([path]) => !path.includes('stately'));
  const gz = assets.reduce((sum, [, a]) => sum + gzipSync(a.body).length, 0);
  console.log(
    `\n${longest.id}: ${steps.count} scrubber steps, mean ${steps.mean.toFixed(2)} ms, p95 ${steps.p95.toFixed(2)} ms, max ${steps.max.toFixed(2)} ms` +
      `\npage assets: ${(gz / 1024).toFixed(1)} KB gzipped (${assets.length} files); inspection data: ${(gzipSync(inspection).length / 1024).toFixed(1)} KB gzipped\n`,
  );
  return { server, browser, page };
}

const env = await setUp();

describe.runIf(env)('inspector page', () => {
  afterAll(async () => {
    await env?.browser.close();
    await env?.server.close();
  });

  bench(
    `first render of ${longest?.id ?? 'the longest replay'} (load to ready)`,
    async () => {
      if (!env) return;
      await env.page.goto(env.server.url);
      await env.page.waitForSelector('body[data-ready="true"]');
    },
    { iterations: 10, warmupIterations: 1 },
  );

  bench(
    'one scrubber step, round trip from Node (→ key)',
    async () => {
      await env?.page.keyboard.press('ArrowRight');
    },
    { iterations: 50 },
  );
});
