/**
 * Event generators for model-based and property tests: given a dispute's record, the plausible next events
 * (lawful or not), dated at the record's clock so that every rule of the machine gets exercised.
 */
import { addDays, formatInstant, parseInstant } from '../../src/domain/time.js';
import { currentOffer, pendingActions, runningAction } from '../../src/machine/checks.js';
import type { DisputeContext } from '../../src/machine/context.js';
import type { DisputeEvent } from '../../src/schemas/events/index.js';

const after = (now: string, days: number): string => formatInstant(addDays(parseInstant(now), days));

/** The plausible next events for a record, all dated at its clock. */
export function candidateEvents(c: DisputeContext): DisputeEvent[] {
  const at = c.now;
  const n = (list: unknown[]) => list.length + 1;
  const out: DisputeEvent[] = [
    { type: 'dispute.declared', at, by: 'union', claim: { summary: 'pay restoration', payRestorationPct: 30 } },
    { type: 'ballot.opened', at, ballot: `b${n(c.ballots)}` },
    { type: 'talks.opened', at, with: 'government' },
    { type: 'talks.collapsed', at },
    { type: 'conciliation.requested', at, by: 'union' },
    { type: 'conciliation.declined', at, by: 'government' },
    { type: 'conciliation.opened', at },
    { type: 'conciliation.ended', at, agreement: true },
    { type: 'conciliation.ended', at, agreement: false },
    { type: 'offer.made', at, offer: `o${n(c.offers)}`, by: 'government', summary: 'an offer', payUpliftPct: 5 },
    {
      type: 'strike.called',
      at,
      action: `s${n(c.actions)}`,
      start: after(at, 15),
      end: after(at, 18),
      scope: 'full-walkout',
    },
    { type: 'terms.imposed', at, by: 'government', summary: 'new contract' },
    { type: 'dispute.ended', at },
    { type: 'mandate.relinquished', at },
    { type: 'poll.published', at, pollster: 'Ipsos', supportPct: 50 },
    { type: 'office.changed', at, role: 'health secretary', holder: `Minister ${n(c.officeHolders)}` },
    { type: 'award.published', at, award: `a${n(c.awards)}`, body: 'DDRB', summary: '6%' },
  ];
  const open = c.ballots.find((b) => !b.closedAt);
  if (open) {
    out.push({ type: 'ballot.closed', at, ballot: open.id, entitled: 1000, cast: 700, yes: 600, no: 100 });
    out.push({ type: 'ballot.closed', at, ballot: open.id, entitled: 1000, cast: 300, yes: 250, no: 50 });
  }
  if (c.mandate && !c.mandate.endedAt) {
    const base = c.mandate.expiresAt ?? c.mandate.startBy ?? at;
    out.push({ type: 'mandate.extended', at, until: after(base, 28) });
  }
  const offer = currentOffer(c);
  if (offer) {
    out.push({ type: 'offer.rejected', at, offer: offer.id }, { type: 'offer.withdrawn', at, offer: offer.id });
    out.push({ type: 'offer.accepted', at, offer: offer.id });
    out.push({
      type: 'referendum.opened',
      at,
      referendum: `r${n(c.referendums)}`,
      kind: 'referendum',
      offer: offer.id,
    });
    out.push({ type: 'referendum.opened', at, referendum: `r${n(c.referendums)}`, kind: 'survey', offer: offer.id });
  }
  const vote = c.referendums.find((r) => !r.closedAt);
  if (vote) {
    out.push({ type: 'referendum.closed', at, referendum: vote.id, yesPct: 60, noPct: 40 });
    out.push({ type: 'referendum.closed', at, referendum: vote.id, yesPct: 30, noPct: 70 });
  }
  for (const a of [...pendingActions(c), runningAction(c)].filter((x) => x !== undefined).slice(0, 2)) {
    out.push({ type: 'strike.suspended', at, action: a.id }, { type: 'strike.cancelled', at, action: a.id });
    out.push({ type: 'strike.rescoped', at, action: a.id, scope: 'emergency-care-only' });
    out.push({ type: 'strike.rescheduled', at, action: a.id, start: after(at, 16), end: after(at, 17) });
  }
  const held = c.actions.find((a) => a.status === 'held');
  if (held)
    out.push({ type: 'impact.reported', at, action: held.id, appointmentsRescheduled: 1000, by: 'NHS England' });
  const award = c.awards.find((a) => !a.acceptedAt);
  if (award) out.push({ type: 'award.accepted', at, award: award.id, inFull: true });
  return out;
}

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
