/**
 * Exploration speed: `explore` at every scenario event of each shipped historical dispute (the state just before
 * it, as `--at <event-id>` asks), the worst step printed with its time. The goal is under a second at any step.
 * The baseline, measured in the same run, is a replay of the same dispute, which every exploration includes.
 */
import { bench, describe } from 'vitest';
import { ScenarioCatalogue } from '../../src/loader/registry.js';
import { explore } from '../../src/simulation/explore.js';
import { replay } from '../../src/simulation/replay.js';

const catalogue = new ScenarioCatalogue();
const historical = ['2016', '2023', '2025', 'rcn-2023', 'consultants'].map((ref) => catalogue.resolve(ref));

const lines: string[] = [];
for (const s of historical) {
  for (let i = 0; i < 5; i++) replay(s);
  const t0 = performance.now();
  for (let i = 0; i < 10; i++) replay(s);
  const replayMs = (performance.now() - t0) / 10;
  let worst = { ms: 0, at: '' };
  for (const e of s.events) {
    const t = performance.now();
    explore(s, { at: e.id });
    const ms = performance.now() - t;
    if (ms > worst.ms) worst = { ms, at: e.id };
  }
  lines.push(
    `${s.id}: worst explore ${worst.ms.toFixed(0)} ms (--at ${worst.at}; goal under 1000), ` +
      `${(worst.ms / replayMs).toFixed(1)}× a replay of the dispute (${replayMs.toFixed(1)} ms)`,
  );
}
console.log(`\n${lines.join('\n')}\n`);

describe('explore', () => {
  for (const s of historical) {
    bench(`${s.id}, just after the dispute is declared`, () => {
      explore(s);
    });
  }
});
