/**
 * The statechart laid out once, at build time: the layout depends on the machine alone, not on the scenario, and
 * laying it out (elkjs) is most of the inspector's start-up. The build writes it (scripts/chart-cache.mjs); the
 * inspector reads it, and lays the chart out itself if the file is missing or from another machine's chart.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type LaidOutChart, layoutChart } from '../render/chart/layout.js';
import type { ChartModel } from '../render/chart/model.js';

/** Where the build keeps the layout: dist/web/chart-layout.json, whether this runs from src/ or dist/. */
export const CHART_CACHE = fileURLToPath(new URL('../../dist/web/chart-layout.json', import.meta.url));

/** The model a layout was made for, as a key: its states and transitions, which are all the layout depends on. */
function keyOf(model: ChartModel): string {
  return JSON.stringify(model);
}

/** The chart laid out: from the build's file when it was made for this model, else laid out now. */
export async function laidOutChart(model: ChartModel, file = CHART_CACHE): Promise<LaidOutChart> {
  if (existsSync(file)) {
    try {
      const cached = JSON.parse(readFileSync(file, 'utf8')) as { key: string; chart: LaidOutChart };
      if (cached.key === keyOf(model)) return cached.chart;
    } catch {
      // A file that does not parse is laid out again, as a missing one is.
    }
  }
  return layoutChart(model);
}

/** Lays the chart out and writes it where the inspector reads it (the build runs this). */
export async function writeChartCache(model: ChartModel, file = CHART_CACHE): Promise<void> {
  writeFileSync(file, `${JSON.stringify({ key: keyOf(model), chart: await layoutChart(model) })}\n`);
}
