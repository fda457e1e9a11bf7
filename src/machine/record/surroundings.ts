/** How the world around the dispute changes the record: office holders, polls, impositions, challenges, the law. */
import type { EventOf } from '../../schemas/events/index.js';
import type { DisputeContext } from '../context.js';
import { appended, replacedAt, updatedById } from '../lists.js';
import { type ContextPatch, changed, iso, optional } from './common.js';

/** The types of the events about the world around the dispute. */
export type SurroundingType =
  | 'office.changed'
  | 'poll.published'
  | 'terms.imposed'
  | 'terms.paused'
  | 'terms.implemented'
  | 'challenge.filed'
  | 'challenge.decided'
  | 'law.changed';

/** The record of the world around the dispute: office holders, polls, impositions, challenges, the law. */
export function recordSurroundings(context: DisputeContext, event: EventOf<SurroundingType>): ContextPatch {
  const at = iso(event.at);
  const { officeHolders, polls, impositions, implementations, challenges } = context.surroundings;
  switch (event.type) {
    case 'office.changed':
      return changed(context, 'surroundings', {
        officeHolders: appended(officeHolders, { role: event.role, holder: event.holder, since: at }),
      });
    case 'poll.published':
      return changed(context, 'surroundings', {
        polls: appended(polls, {
          at,
          pollster: event.pollster,
          supportPct: event.supportPct,
          ...optional({ opposePct: event.opposePct, question: event.question }),
        }),
      });
    case 'terms.imposed':
      return changed(context, 'surroundings', {
        impositions: appended(impositions, {
          at,
          by: event.by,
          summary: event.summary,
          ...optional({ effective: event.effective && iso(event.effective) }),
        }),
      });
    case 'terms.paused': {
      const last = impositions.findLastIndex((i) => !i.pausedAt);
      const paused = impositions[last];
      return paused
        ? changed(context, 'surroundings', { impositions: replacedAt(impositions, last, { ...paused, pausedAt: at }) })
        : {};
    }
    case 'terms.implemented': {
      const patch: ContextPatch = changed(context, 'surroundings', {
        implementations: appended(implementations, {
          at,
          by: event.by,
          summary: event.summary,
          ...optional({ offer: event.offer, effective: event.effective && iso(event.effective) }),
        }),
      });
      return event.offer === undefined
        ? patch
        : {
            ...patch,
            ...changed(context, 'negotiation', {
              offers: updatedById(context.negotiation.offers, event.offer, (o) => ({
                ...o,
                implementedAt: at,
                implementedBy: event.by,
              })),
            }),
          };
    }
    case 'challenge.filed':
      return changed(context, 'surroundings', {
        challenges: appended(challenges, { id: event.challenge, by: event.by, summary: event.summary, filedAt: at }),
      });
    case 'challenge.decided':
      return changed(context, 'surroundings', {
        challenges: updatedById(challenges, event.challenge, (c) => ({
          ...c,
          result: event.result,
          decidedAt: at,
          ...optional({ summary: event.summary }),
        })),
      });
    case 'law.changed':
      return changed(context, 'law', { inForce: event.regime });
  }
}
