/** A fresh replayer for each test, and a short way to write scenario events. */
import type { RulesChoice } from '../../src/domain/regimes.js';
import type { DisputeEvent } from '../../src/schemas/events/index.js';
import type { ScenarioEvent } from '../../src/schemas/scenario.js';
import { Replayer } from '../../src/simulation/replay.js';

let counter = 0;

/** A scenario event from a dispute event, with an id and no sources. */
export function ev<E extends DisputeEvent>(event: E): ScenarioEvent {
  counter += 1;
  return { ...event, id: `e${counter}`, sources: [] } as ScenarioEvent;
}

/** A replayer standing at an instant under some rules. */
export function freshReplayer(start: string, rules: RulesChoice = 'by-date'): Replayer {
  return new Replayer({ id: 'test', title: 'test', kind: 'example', rules, importantPublicService: true }, start);
}

/** A replayer with a declared dispute and a ballot that gave a mandate at `closes`. */
export function withMandate(opens: string, closes: string, rules: RulesChoice = 'by-date'): Replayer {
  const r = freshReplayer(opens, rules);
  r.offer(ev({ type: 'dispute.declared', at: opens, by: 'BMA', claim: { summary: 'pay' } }));
  r.offer(ev({ type: 'ballot.opened', at: opens, ballot: 'b1' }));
  r.offer(ev({ type: 'ballot.closed', at: closes, ballot: 'b1', entitled: 1000, cast: 700, yes: 650, no: 50 }));
  return r;
}
