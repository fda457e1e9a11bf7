/** The baseline every bench measures against in the same run: XState's bare actor on the replay clock. */
import { createActor } from 'xstate';
import { parseInstant } from '../../src/domain/time.js';
import { disputeMachine } from '../../src/machine/index.js';
import type { DisputeEvent } from '../../src/schemas/events/index.js';
import type { Scenario } from '../../src/schemas/scenario.js';
import { ReplayClock } from '../../src/simulation/clock.js';

/** A scenario's events sent at their instants to a bare actor, nothing else recorded. */
export function bareActor(s: Scenario, events: readonly DisputeEvent[]): void {
  const clock = new ReplayClock(parseInstant(s.period.from));
  const actor = createActor(disputeMachine, {
    clock,
    input: { rules: s.rules, importantPublicService: s.importantPublicService, start: s.period.from },
  });
  actor.start();
  for (const e of events) {
    clock.advanceTo(Math.max(clock.now(), parseInstant(e.at)));
    actor.send(e);
  }
  actor.stop();
}
