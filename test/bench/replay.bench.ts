/**
 * Replay speed: time per replay of each shipped scenario and of a generated 1 000-event scenario.
 * Divide by (events / 100) for the per-100-events figure the README reports (goal: under 5 ms).
 */
import { bench, describe } from 'vitest';
import { addDays, formatInstant, parseInstant } from '../../src/domain/time.js';
import { ScenarioCatalogue, shippedScenarioFiles } from '../../src/loader/registry.js';
import type { Scenario, ScenarioEvent } from '../../src/schemas/scenario.js';
import { replay } from '../../src/simulation/replay.js';

/** A long, lawful dispute: ballots, strikes, offers and votes in a loop, 1 000 events. */
function generated(count: number): Scenario {
  const events: ScenarioEvent[] = [];
  let t = parseInstant('2017-06-01');
  const at = (days: number) => {
    t = addDays(t, days);
    return formatInstant(t);
  };
  const push = (e: Record<string, unknown>) =>
    events.push({ id: `g${events.length}`, sources: [], ...e } as unknown as ScenarioEvent);
  push({ type: 'dispute.declared', at: at(0), by: 'Union', claim: { summary: 'pay' } });
  for (let round = 0; events.length < count; round++) {
    push({ type: 'ballot.opened', at: at(1), ballot: `b${round}` });
    push({ type: 'ballot.closed', at: at(20), ballot: `b${round}`, entitled: 1000, cast: 700, yes: 600, no: 100 });
    push({ type: 'talks.opened', at: at(1), with: 'government' });
    const callAt = at(1);
    push({
      type: 'strike.called',
      at: callAt,
      action: `s${round}`,
      start: formatInstant(addDays(t, 15)),
      end: formatInstant(addDays(t, 18)),
      scope: 'full-walkout',
    });
    push({ type: 'offer.made', at: at(1), offer: `o${round}`, by: 'government', summary: 'offer', payUpliftPct: 3 });
    push({ type: 'offer.rejected', at: at(1), offer: `o${round}` });
    push({ type: 'talks.collapsed', at: at(1) });
    push({ type: 'poll.published', at: at(20), pollster: 'Ipsos', supportPct: 50 });
    push({ type: 'impact.reported', at: at(1), action: `s${round}`, appointmentsRescheduled: 1000, by: 'NHS England' });
    push({ type: 'office.changed', at: at(1), role: 'health secretary', holder: `Minister ${round}` });
  }
  return {
    id: 'generated',
    aliases: [],
    title: 'generated',
    kind: 'example',
    period: { from: '2017-06-01', to: formatInstant(addDays(t, 1)) },
    summary: 'generated',
    outcome: 'ongoing',
    rules: 'by-date',
    importantPublicService: true,
    parties: [],
    people: [],
    sources: {},
    events,
  };
}

const catalogue = new ScenarioCatalogue();

/** Milliseconds per 100 events, the README's figure: the median of 30 timed replays after 40 warm-ups. */
function perHundredEvents(scenario: Scenario): number {
  for (let i = 0; i < 40; i++) replay(scenario);
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    replay(scenario);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return ((times[15] ?? 0) / scenario.events.length) * 100;
}

const figures = [...shippedScenarioFiles().map((f) => catalogue.resolve(f)), generated(1000)].map(
  (s) => `${s.id}: ${perHundredEvents(s).toFixed(2)} ms per 100 events (median; goal under 5)`,
);
console.log(`\n${figures.join('\n')}\n`);

describe('replay', () => {
  for (const file of shippedScenarioFiles()) {
    const scenario = catalogue.resolve(file);
    bench(`${scenario.id} (${scenario.events.length} events)`, () => {
      replay(scenario);
    });
  }
  const long = generated(1000);
  bench(`generated (${long.events.length} events)`, () => {
    replay(long);
  });
});
