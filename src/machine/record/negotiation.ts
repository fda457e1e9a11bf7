/** How talks, conciliation, offers, member votes and pay awards change the record. */
import { memberVoteResult } from '../../schemas/events/faults.js';
import type { EventOf } from '../../schemas/events/index.js';
import type { ConciliationRecord, OfferRecord } from '../../schemas/record.js';
import { findOffer, findVote } from '../checks.js';
import type { DisputeContext } from '../context.js';
import { appended, positionOf, replacedAt } from '../lists.js';
import { type ContextPatch, changed, iso, optional, updateOffer } from './common.js';

/** The record of talks opening, collapsing or concluding: the talks under way (only ever the latest) close. */
export function recordTalks(
  context: DisputeContext,
  event: EventOf<'talks.opened' | 'talks.collapsed' | 'talks.concluded'>,
): ContextPatch {
  const at = iso(event.at);
  const talks = context.negotiation.talks;
  const last = talks.at(-1);
  const outcome = event.type === 'talks.concluded' ? { concluded: true, ...optional({ offer: event.offer }) } : {};
  const closed =
    last && !last.closedAt ? replacedAt(talks, talks.length - 1, { ...last, closedAt: at, ...outcome }) : talks;
  if (event.type !== 'talks.opened') return changed(context, 'negotiation', { talks: closed });
  return changed(context, 'negotiation', {
    talks: appended(closed, { with: event.with, openedAt: at, ...optional({ mediator: event.mediator }) }),
  });
}

/** The record of conciliation: requested, declined, opened or ended. */
export function recordConciliation(
  context: DisputeContext,
  event: EventOf<'conciliation.requested' | 'conciliation.declined' | 'conciliation.opened' | 'conciliation.ended'>,
): ContextPatch {
  const at = iso(event.at);
  const list = context.negotiation.conciliation;
  const last = list.at(-1);
  const set = (conciliation: ConciliationRecord[]) => changed(context, 'negotiation', { conciliation });
  const replaceLast = (change: Partial<ConciliationRecord>) =>
    set(replacedAt(list, list.length - 1, { ...(last as ConciliationRecord), ...change }));
  switch (event.type) {
    case 'conciliation.requested':
      return set(appended(list, { requestedBy: event.by, requestedAt: at }));
    case 'conciliation.declined':
      return last ? replaceLast({ declinedBy: event.by }) : {};
    case 'conciliation.opened':
      return last && !last.openedAt && !last.declinedBy
        ? replaceLast({ openedAt: at })
        : set(appended(list, { requestedBy: 'both parties', requestedAt: at, openedAt: at }));
    case 'conciliation.ended':
      return last ? replaceLast({ endedAt: at, agreement: event.agreement }) : {};
  }
}

/** The record of a new offer, superseding the one on the table if it is open (only the newest can be). */
export function recordOfferMade(context: DisputeContext, event: EventOf<'offer.made'>): ContextPatch {
  const at = iso(event.at);
  const offers = context.negotiation.offers;
  const last = offers.at(-1);
  const superseded =
    last?.status === 'open'
      ? replacedAt(offers, offers.length - 1, { ...last, status: 'superseded' as const, decidedAt: at })
      : offers;
  return changed(context, 'negotiation', {
    offers: appended(superseded, {
      id: event.offer,
      by: event.by,
      summary: event.summary,
      madeAt: at,
      status: 'open',
      ...optional({ payUpliftPct: event.payUpliftPct, payYear: event.payYear, items: event.items }),
    }),
  });
}

/** The record of an offer decided by its maker or the committee. */
export function recordOfferDecided(
  context: DisputeContext,
  event: EventOf<'offer.withdrawn' | 'offer.rejected' | 'offer.accepted'>,
): ContextPatch {
  const change: Partial<OfferRecord> =
    event.type === 'offer.withdrawn'
      ? { status: 'withdrawn', decidedBy: 'maker' }
      : { status: event.type === 'offer.rejected' ? 'rejected' : 'accepted', decidedBy: 'committee' };
  return changed(context, 'negotiation', {
    offers: updateOffer(context, event.offer, { ...change, decidedAt: iso(event.at) }),
  });
}

/** The record of a member vote opening (and of its offer going before the members). */
export function recordReferendumOpened(context: DisputeContext, event: EventOf<'referendum.opened'>): ContextPatch {
  const at = iso(event.at);
  return changed(context, 'negotiation', {
    referendums: appended(context.negotiation.referendums, {
      id: event.referendum,
      kind: event.kind,
      openedAt: at,
      ...optional({ offer: event.offer, question: event.question }),
    }),
    offers: event.offer ? updateOffer(context, event.offer, { status: 'putToMembers' }) : context.negotiation.offers,
  });
}

/** The record of a member vote's result, and of what it does to its offer. */
export function recordReferendumClosed(context: DisputeContext, event: EventOf<'referendum.closed'>): ContextPatch {
  const at = iso(event.at);
  const result = memberVoteResult(event);
  const vote = findVote(context, event.referendum);
  if (!vote) return {};
  const referendums = replacedAt(
    context.negotiation.referendums,
    positionOf(context.negotiation.referendums, vote.id),
    {
      ...vote,
      closedAt: at,
      result,
      ...optional({
        yesPct: event.yesPct,
        noPct: event.noPct,
        turnoutPct: event.turnoutPct,
        cast: event.cast,
        entitled: event.entitled,
      }),
    },
  );
  // The vote decides the offer only while the offer is still before the members: one withdrawn (or replaced)
  // while they voted stays as it is.
  const offer = vote.offer === undefined ? undefined : findOffer(context, vote.offer);
  if (!vote.offer || offer?.status !== 'putToMembers') return changed(context, 'negotiation', { referendums });
  const offerChange: Partial<OfferRecord> =
    result === 'no'
      ? { status: 'rejected', decidedBy: 'members', decidedAt: at }
      : vote.kind === 'referendum'
        ? { status: 'accepted', decidedBy: 'members', decidedAt: at }
        : { status: 'open' };
  return changed(context, 'negotiation', { referendums, offers: updateOffer(context, vote.offer, offerChange) });
}

/** The record of a pay-review-body award, published or accepted. */
export function recordAward(
  context: DisputeContext,
  event: EventOf<'award.published' | 'award.accepted'>,
): ContextPatch {
  const awards = context.negotiation.awards;
  if (event.type === 'award.accepted') {
    // Every award of the name: unlike strikes, offers and votes, an award's name is not checked to be new.
    const accepted = { acceptedAt: iso(event.at), acceptedInFull: event.inFull };
    return changed(context, 'negotiation', {
      awards: awards.map((a) => (a.id === event.award ? { ...a, ...accepted } : a)),
    });
  }
  return changed(context, 'negotiation', {
    awards: appended(awards, {
      id: event.award,
      body: event.body,
      summary: event.summary,
      publishedAt: iso(event.at),
      ...optional({ payUpliftPct: event.payUpliftPct, payYear: event.payYear, items: event.items }),
    }),
  });
}
