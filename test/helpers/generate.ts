/**
 * Long, lawful disputes made to measure: under the rules before 2017 (an open-ended mandate once action has
 * begun, 7 days' notice), a ballot, then rounds of a one-day strike called 8 days ahead, its impact, a poll, a
 * change of minister and an offer rejected, until the dispute has the number of events asked for.
 */
import { addDays, formatDay, parseInstant } from '../../src/domain/time.js';
import type { Scenario, ScenarioEvent } from '../../src/schemas/scenario.js';

/** A generated dispute of about `count` events (a few more at most, to finish its last round). */
export function generatedDispute(count: number): Scenario {
  const events: Record<string, unknown>[] = [];
  let t = parseInstant('2010-01-04');
  const day = (offset = 0) => formatDay(addDays(t, offset));
  const push = (e: Record<string, unknown>) => events.push({ id: `g${events.length}`, ...e });
  push({ type: 'dispute.declared', at: day(), by: 'Union', claim: { summary: 'pay', payRestorationPct: 10 } });
  push({ type: 'ballot.opened', at: day(1), ballot: 'b1' });
  push({ type: 'ballot.closed', at: day(20), ballot: 'b1', entitled: 1000, cast: 700, yes: 600, no: 100 });
  t = addDays(t, 20);
  for (let round = 0; events.length < count; round++) {
    const action = `s${round}`;
    push({ type: 'strike.called', at: day(), action, scope: 'full-walkout', start: day(8), end: day(9) });
    push({ type: 'impact.reported', at: day(10), action, appointmentsRescheduled: 100 + round, by: 'NHS' });
    push({ type: 'poll.published', at: day(10), pollster: 'Ipsos', supportPct: 40 + (round % 20) });
    push({ type: 'office.changed', at: day(10), role: 'health secretary', holder: `Minister ${round % 7}` });
    push({ type: 'offer.made', at: day(10), offer: `o${round}`, by: 'government', summary: 'offer', payUpliftPct: 2 });
    push({ type: 'offer.rejected', at: day(11), offer: `o${round}` });
    t = addDays(t, 11);
  }
  return {
    id: `generated-${count}`,
    aliases: [],
    title: `A generated dispute of ${events.length} events`,
    kind: 'example',
    period: { from: '2010-01-01', to: day(30) },
    summary: 'Generated for measurements.',
    outcome: 'ongoing',
    rules: 'tulrca-1992',
    importantPublicService: true,
    parties: [],
    people: [],
    sources: {},
    events: events.map((e) => ({ sources: [], ...e })) as unknown as ScenarioEvent[],
  };
}

/** A generated dispute as compact YAML, one event a line, for the CLI to read. */
export function generatedYaml(count: number): string {
  const s = generatedDispute(count);
  const flow = (e: Record<string, unknown>): string =>
    `{${Object.entries(e)
      .filter(([k]) => k !== 'sources')
      .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(', ')}}`;
  return [
    `id: ${s.id}`,
    `title: ${s.title}`,
    `kind: ${s.kind}`,
    `period: { from: ${s.period.from}, to: ${s.period.to} }`,
    `summary: ${s.summary}`,
    `outcome: ${s.outcome}`,
    `rules: ${s.rules}`,
    'events:',
    ...s.events.map((e) => `  - ${flow(e as unknown as Record<string, unknown>)}`),
    '',
  ].join('\n');
}
