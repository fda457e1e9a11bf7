import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tracesJsonChunks } from '../../src/render/trace-json.js';
import { replay } from '../../src/simulation/replay.js';
import { buildInspection, inlineStyles } from '../../src/web/inspection.js';
import { type InspectorServer, startServer } from '../../src/web/server.js';
import { browserTestsRun, launch } from '../helpers/browser.js';
import { scenario } from '../helpers/scenarios.js';

const runs = browserTestsRun('the engine-in-the-browser tests');

/** What the page's engine module gives back: a Trace as JSON text, and a fork's Trace. */
type InPage = { trace: string; forked: string; hasNode: boolean };

describe.runIf(runs)('the engine bundled for the page, in real Chromium', () => {
  let server: InspectorServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    const example = scenario('example');
    const inspection = await buildInspection(example);
    server = await startServer({ inspection: JSON.stringify(inspection), styles: inlineStyles(inspection.chart.svg) });
    browser = await launch();
    page = await browser.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    // Under the page's own Content-Security-Policy: the bundle is one of its scripts. (A string, so the test
    // runner does not rewrite the dynamic import.)
    await page.goto(server.url);
    await page.evaluate("import('/js/engine.js').then((m) => { window.engine = m; })");
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(['2016', '2023', '2025', '2023-5pct'])(
    'replays %s in the page to a Trace byte-identical to Node’s',
    async (ref) => {
      const s = scenario(ref);
      const result = (await page.evaluate((data) => {
        // biome-ignore lint/suspicious/noExplicitAny: the bundle's module, set on the page above.
        const m = (window as any).engine;
        const trace = m.replay(data);
        // A fork halfway, carried on to the end, gives the same Trace as well.
        const half = Math.floor(data.events.length / 2);
        const head = new m.Replayer(data, data.period.from);
        for (const e of data.events.slice(0, half)) head.offer(e);
        const fork = head.fork();
        for (const e of data.events.slice(half)) fork.offer(e);
        if (fork.snapshot.status === 'active') fork.advanceTo(m.parseInstant(data.period.to));
        return {
          trace: JSON.stringify(trace, null, 2),
          forked: JSON.stringify(fork.trace(), null, 2),
          hasNode: typeof (globalThis as { process?: unknown }).process !== 'undefined',
        };
      }, s)) as InPage;
      expect(result.hasNode).toBe(false);
      expect(result.trace).toBe([...tracesJsonChunks([replay(s)])].join('').trimEnd());
      expect(result.forked).toBe(result.trace);
      expect(problems).toEqual([]);
    },
  );
});
