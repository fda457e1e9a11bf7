/** How talks, conciliation, offers, member votes and pay awards change the record. */
import type { EventOf } from '../../schemas/events/index.js';
import type { DisputeContext, OfferRecord } from '../context.js';
import { type ContextPatch, iso, optional, updateOffer } from './common.js';

/** The record of talks opening or collapsing. */
export function recordTalks(context: DisputeContext, event: EventOf<'talks.opened' | 'talks.collapsed'>): ContextPatch {
  const at = iso(event.at);
  const closed = context.talks.map((t) => (t.closedAt ? t : { ...t, closedAt: at }));
  if (event.type === 'talks.collapsed') return { talks: closed };
  return { talks: [...closed, { with: event.with, openedAt: at, ...optional({ mediator: event.mediator }) }] };
}

/** The record of conciliation: requested, declined, opened or ended. */
export function recordConciliation(
  context: DisputeContext,
  event: EventOf<'conciliation.requested' | 'conciliation.declined' | 'conciliation.opened' | 'conciliation.ended'>,
): ContextPatch {
  const at = iso(event.at);
  const list = context.conciliation;
  const last = list.at(-1);
  const replaceLast = (change: object) => [...list.slice(0, -1), { ...last, ...change } as (typeof list)[number]];
  switch (event.type) {
    case 'conciliation.requested':
      return { conciliation: [...list, { requestedBy: event.by, requestedAt: at }] };
    case 'conciliation.declined':
      return last ? { conciliation: replaceLast({ declinedBy: event.by }) } : {};
    case 'conciliation.opened':
      return last && !last.openedAt && !last.declinedBy
        ? { conciliation: replaceLast({ openedAt: at }) }
        : { conciliation: [...list, { requestedBy: 'both parties', requestedAt: at, openedAt: at }] };
    case 'conciliation.ended':
      return last ? { conciliation: replaceLast({ endedAt: at, agreement: event.agreement }) } : {};
  }
}

/** The record of a new offer, superseding any open one. */
export function recordOfferMade(context: DisputeContext, event: EventOf<'offer.made'>): ContextPatch {
  const at = iso(event.at);
  const offers = context.offers.map((o) =>
    o.status === 'open' ? { ...o, status: 'superseded' as const, decidedAt: at } : o,
  );
  return {
    offers: [
      ...offers,
      {
        id: event.offer,
        by: event.by,
        summary: event.summary,
        madeAt: at,
        status: 'open',
        ...optional({ payUpliftPct: event.payUpliftPct, payYear: event.payYear, items: event.items }),
      },
    ],
  };
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
  return { offers: updateOffer(context, event.offer, { ...change, decidedAt: iso(event.at) }) };
}

/** The record of a member vote opening (and of its offer going before the members). */
export function recordReferendumOpened(context: DisputeContext, event: EventOf<'referendum.opened'>): ContextPatch {
  const at = iso(event.at);
  return {
    referendums: [
      ...context.referendums,
      {
        id: event.referendum,
        kind: event.kind,
        openedAt: at,
        ...optional({ offer: event.offer, question: event.question }),
      },
    ],
    offers: event.offer ? updateOffer(context, event.offer, { status: 'putToMembers' }) : context.offers,
  };
}

/** The record of a member vote's result, and of what it does to its offer. */
export function recordReferendumClosed(context: DisputeContext, event: EventOf<'referendum.closed'>): ContextPatch {
  const at = iso(event.at);
  const result = event.yesPct > event.noPct ? ('yes' as const) : ('no' as const);
  const vote = context.referendums.find((r) => r.id === event.referendum);
  const referendums = context.referendums.map((r) =>
    r.id === event.referendum
      ? {
          ...r,
          closedAt: at,
          yesPct: event.yesPct,
          noPct: event.noPct,
          result,
          ...optional({ turnoutPct: event.turnoutPct, cast: event.cast, entitled: event.entitled }),
        }
      : r,
  );
  if (!vote?.offer) return { referendums };
  const offerChange: Partial<OfferRecord> =
    result === 'no'
      ? { status: 'rejected', decidedBy: 'members', decidedAt: at }
      : vote.kind === 'referendum'
        ? { status: 'accepted', decidedBy: 'members', decidedAt: at }
        : { status: 'open' };
  return { referendums, offers: updateOffer(context, vote.offer, offerChange) };
}

/** The record of a pay-review-body award, published or accepted. */
export function recordAward(
  context: DisputeContext,
  event: EventOf<'award.published' | 'award.accepted'>,
): ContextPatch {
  if (event.type === 'award.accepted') {
    return {
      awards: context.awards.map((a) =>
        a.id === event.award ? { ...a, acceptedAt: iso(event.at), acceptedInFull: event.inFull } : a,
      ),
    };
  }
  return {
    awards: [
      ...context.awards,
      {
        id: event.award,
        body: event.body,
        summary: event.summary,
        publishedAt: iso(event.at),
        ...optional({ payUpliftPct: event.payUpliftPct, payYear: event.payYear, items: event.items }),
      },
    ],
  };
}
