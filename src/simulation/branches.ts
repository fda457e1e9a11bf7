/**
 * Branches: the events the machine would accept at a point of a dispute — the roads history did not take.
 * Each candidate is a plausible event of its type, dated at the record's clock, checked with `snapshot.can`.
 */
import { addDays, formatInstant, parseInstant } from '../domain/time.js';
import { currentOffer, pendingActions, runningAction } from '../machine/checks.js';
import type { DisputeContext } from '../machine/context.js';
import type { DisputeSnapshot } from '../machine/explain.js';
import { memberVoteResult } from '../schemas/events/faults.js';
import type { DisputeEvent } from '../schemas/events/index.js';

const after = (now: string, days: number): string => formatInstant(addDays(parseInstant(now), days));

/** Plausible next events for a dispute's record, lawful or not, all dated at its clock. */
export function candidateEvents(c: DisputeContext): DisputeEvent[] {
  const at = c.now;
  const { ballots, mandate } = c.balloting;
  const { offers, referendums, awards } = c.negotiation;
  const { actions } = c.action;
  const n = (list: unknown[]) => list.length + 1;
  const out: DisputeEvent[] = [
    { type: 'dispute.declared', at, by: 'the union', claim: { summary: 'the claim' } },
    { type: 'ballot.opened', at, ballot: `ballot-${n(ballots)}` },
    { type: 'talks.opened', at, with: 'government' },
    { type: 'talks.collapsed', at },
    { type: 'talks.concluded', at },
    { type: 'conciliation.requested', at, by: 'the union' },
    { type: 'conciliation.declined', at, by: 'the government' },
    { type: 'conciliation.opened', at },
    { type: 'conciliation.ended', at, agreement: true },
    { type: 'conciliation.ended', at, agreement: false },
    { type: 'offer.made', at, offer: `offer-${n(offers)}`, by: 'the government', summary: 'a new offer' },
    {
      type: 'strike.called',
      at,
      action: `strike-${n(actions)}`,
      // Fifteen days out covers the notice of every regime; one day, so a mandate near its end still has room.
      start: after(at, 15),
      end: after(at, 16),
      scope: 'full-walkout',
    },
    { type: 'terms.imposed', at, by: 'the government', summary: 'new terms' },
    { type: 'terms.paused', at, by: 'the government' },
    { type: 'dispute.ended', at },
    { type: 'mandate.relinquished', at },
    { type: 'poll.published', at, pollster: 'a pollster', supportPct: 50 },
    { type: 'office.changed', at, role: 'health secretary', holder: 'a new minister' },
    { type: 'award.published', at, award: `award-${n(awards)}`, body: 'DDRB', summary: 'a pay award' },
  ];
  const open = ballots.find((b) => !b.closedAt);
  if (open) {
    out.push({ type: 'ballot.closed', at, ballot: open.id, entitled: 1000, cast: 700, yes: 600, no: 100 });
    out.push({ type: 'ballot.closed', at, ballot: open.id, entitled: 1000, cast: 300, yes: 250, no: 50 });
  }
  if (mandate && !mandate.endedAt) {
    const base = mandate.expiresAt ?? mandate.startBy ?? at;
    out.push({ type: 'mandate.extended', at, until: after(base, 28) });
  }
  const offer = currentOffer(c);
  if (offer) {
    out.push({ type: 'offer.rejected', at, offer: offer.id }, { type: 'offer.withdrawn', at, offer: offer.id });
    out.push({ type: 'offer.accepted', at, offer: offer.id });
    out.push({
      type: 'referendum.opened',
      at,
      referendum: `vote-${n(referendums)}`,
      kind: 'referendum',
      offer: offer.id,
    });
    out.push({
      type: 'referendum.opened',
      at,
      referendum: `vote-${n(referendums)}`,
      kind: 'survey',
      offer: offer.id,
    });
  }
  const vote = referendums.find((r) => !r.closedAt);
  if (vote) {
    out.push({ type: 'referendum.closed', at, referendum: vote.id, yesPct: 60, noPct: 40 });
    out.push({ type: 'referendum.closed', at, referendum: vote.id, yesPct: 30, noPct: 70 });
  }
  for (const a of [...pendingActions(c), runningAction(c)].filter((x) => x !== undefined).slice(0, 2)) {
    out.push({ type: 'strike.suspended', at, action: a.id }, { type: 'strike.cancelled', at, action: a.id });
    out.push({
      type: 'strike.rescoped',
      at,
      action: a.id,
      scope: a.scope === 'full-walkout' ? 'emergency-care-only' : 'full-walkout',
    });
    out.push({ type: 'strike.rescheduled', at, action: a.id, start: after(at, 16), end: after(at, 17) });
  }
  const held = actions.find((a) => a.status === 'held');
  if (held)
    out.push({ type: 'impact.reported', at, action: held.id, appointmentsRescheduled: 1000, by: 'NHS England' });
  const award = awards.find((a) => !a.acceptedAt);
  if (award) out.push({ type: 'award.accepted', at, award: award.id, inFull: true });
  return out;
}

/** One road open at a point of the dispute. */
export interface Branch {
  type: DisputeEvent['type'];
  /** What taking it would mean, in a few words. */
  label: string;
}

const LABELS: Partial<Record<DisputeEvent['type'], (e: DisputeEvent) => string>> = {
  'dispute.declared': () => 'declare a dispute',
  'ballot.closed': (e) =>
    e.type === 'ballot.closed' && (e.cast ?? 0) >= 500 ? 'the ballot passes' : 'the ballot fails',
  'conciliation.ended': (e) =>
    e.type === 'conciliation.ended' && e.agreement ? 'conciliation succeeds' : 'conciliation fails',
  'referendum.opened': (e) =>
    e.type === 'referendum.opened' && e.kind === 'survey'
      ? 'survey the members on the offer'
      : 'put the offer to a referendum',
  'referendum.closed': (e) =>
    e.type === 'referendum.closed' && memberVoteResult(e) === 'yes' ? 'members vote yes' : 'members vote no',
  'strike.called': () => 'call a strike (with due notice)',
  'offer.made': () => 'table a new offer',
  'offer.accepted': () => 'the committee accepts the offer',
  'offer.rejected': () => 'the committee rejects the offer',
  'offer.withdrawn': () => 'withdraw the offer',
  'talks.opened': () => 'open talks',
  'talks.collapsed': () => 'talks collapse',
  'talks.concluded': () => 'talks conclude with an offer',
  'conciliation.opened': () => 'go to Acas',
  'mandate.extended': () => 'extend the mandate by agreement',
  'mandate.relinquished': () => 'give up the mandate',
  'terms.imposed': () => 'impose terms',
  'terms.paused': () => 'pause the imposed terms',
  'dispute.ended': () => 'end the dispute',
  'ballot.opened': () => 'open a ballot',
  'strike.suspended': () => 'suspend a strike',
  'strike.cancelled': () => 'call off a strike',
};

/** Events that only add to the record (never change a state); not roads worth offering a reader. */
export const RECORD_ONLY = new Set<DisputeEvent['type']>([
  'poll.published',
  'office.changed',
  'award.published',
  'award.accepted',
  'impact.reported',
  'conciliation.requested',
  'conciliation.declined',
  'strike.rescoped',
  'strike.rescheduled',
]);

/** The roads open at a snapshot: each plausible event the machine would accept now, once per label. */
export function openBranches(snapshot: DisputeSnapshot): Branch[] {
  if (snapshot.status !== 'active') return [];
  const seen = new Set<string>();
  const out: Branch[] = [];
  for (const event of candidateEvents(snapshot.context)) {
    if (RECORD_ONLY.has(event.type)) continue;
    if (!snapshot.can(event)) continue;
    const label = LABELS[event.type]?.(event) ?? event.type;
    if (seen.has(label)) continue;
    seen.add(label);
    out.push({ type: event.type, label });
  }
  return out;
}
