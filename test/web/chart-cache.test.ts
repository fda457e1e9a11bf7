/** The statechart's layout cached at build time is a fast path: checked against laying it out now. */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { disputeMachine as chartMachine } from '../../src/machine/dispute.machine.js';
import { layoutChart } from '../../src/render/chart/layout.js';
import { chartModel } from '../../src/render/chart/model.js';
import { CHART_CACHE, laidOutChart } from '../../src/web/chart-cache.js';

describe('the chart laid out at build time (dist/web/chart-layout.json)', () => {
  it('is the layout elkjs gives now, for the machine as it is', async () => {
    const model = chartModel(chartMachine);
    expect(existsSync(CHART_CACHE)).toBe(true);
    expect(await laidOutChart(model)).toEqual(await layoutChart(model));
  });

  it('is not used for another chart: a file made for a different model is laid out again', async () => {
    const model = chartModel(chartMachine);
    const file = join(mkdtempSync(join(tmpdir(), 'dispute-sim-chart-')), 'layout.json');
    writeFileSync(file, JSON.stringify({ key: 'another machine', chart: { id: 'stale' } }));
    expect((await laidOutChart(model, file)).id).toBe('dispute');
    writeFileSync(file, 'not json');
    expect((await laidOutChart(model, file)).id).toBe('dispute');
  });
});
