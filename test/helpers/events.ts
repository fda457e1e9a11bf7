/**
 * Event generators for model-based and property tests: given a dispute's record, the plausible next events
 * (lawful or not), dated at the record's clock so that every rule of the machine gets exercised.
 */
import { addDays, formatInstant, parseInstant } from '../../src/domain/time.js';
import type { DisputeContext } from '../../src/machine/context.js';
import type { DisputeEvent } from '../../src/schemas/events/index.js';

const after = (now: string, days: number): string => formatInstant(addDays(parseInstant(now), days));

/** The plausible next events for a record, all dated at its clock (the same the inspector offers as branches). */
export { candidateEvents } from '../../src/simulation/branches.js';

/** Events that are never lawful, whatever the record: the machine must refuse each. */
export function impossibleEvents(c: DisputeContext): DisputeEvent[] {
  const at = c.now;
  return [
    { type: 'referendum.opened', at, referendum: 'never', kind: 'referendum', offer: 'no-such-offer' },
    { type: 'ballot.closed', at, ballot: 'no-such-ballot', entitled: 10, cast: 5, yes: 5, no: 0 },
    { type: 'strike.suspended', at, action: 'no-such-action' },
    { type: 'award.accepted', at, award: 'no-such-award', inFull: true },
    { type: 'strike.called', at, action: 'too-soon', start: after(at, 1), end: after(at, 2), scope: 'full-walkout' },
  ];
}
