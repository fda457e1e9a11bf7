// Writes dist/web/chart-layout.json: the statechart laid out once (src/web/chart-cache.ts), so the inspector does
// not run elkjs at start-up. Run by scripts/build.mjs after the TypeScript build.
import { disputeMachine } from '../dist/machine/dispute.machine.js';
import { chartModel } from '../dist/render/chart/model.js';
import { writeChartCache } from '../dist/web/chart-cache.js';

await writeChartCache(chartModel(disputeMachine));
