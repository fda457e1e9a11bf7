/** How the world around the dispute changes the record: office holders, polls, impositions, challenges, the law. */
import type { EventOf } from '../../schemas/events/index.js';
import type { DisputeContext } from '../context.js';
import { type ContextPatch, iso, optional } from './common.js';

/** The types of the events about the world around the dispute. */
export type SurroundingType =
  | 'office.changed'
  | 'poll.published'
  | 'terms.imposed'
  | 'terms.paused'
  | 'challenge.filed'
  | 'challenge.decided'
  | 'law.changed';

/** The record of the world around the dispute: office holders, polls, impositions, challenges, the law. */
export function recordSurroundings(context: DisputeContext, event: EventOf<SurroundingType>): ContextPatch {
  const at = iso(event.at);
  switch (event.type) {
    case 'office.changed':
      return { officeHolders: [...context.officeHolders, { role: event.role, holder: event.holder, since: at }] };
    case 'poll.published':
      return {
        polls: [
          ...context.polls,
          {
            at,
            pollster: event.pollster,
            supportPct: event.supportPct,
            ...optional({ opposePct: event.opposePct, question: event.question }),
          },
        ],
      };
    case 'terms.imposed':
      return {
        impositions: [
          ...context.impositions,
          {
            at,
            by: event.by,
            summary: event.summary,
            ...optional({ effective: event.effective && iso(event.effective) }),
          },
        ],
      };
    case 'terms.paused': {
      const last = context.impositions.findLastIndex((i) => !i.pausedAt);
      return {
        impositions: context.impositions.map((i, k) => (k === last ? { ...i, pausedAt: at } : i)),
      };
    }
    case 'challenge.filed':
      return {
        challenges: [...context.challenges, { id: event.challenge, by: event.by, summary: event.summary, filedAt: at }],
      };
    case 'challenge.decided':
      return {
        challenges: context.challenges.map((c) =>
          c.id === event.challenge
            ? { ...c, result: event.result, decidedAt: at, ...optional({ summary: event.summary }) }
            : c,
        ),
      };
    case 'law.changed':
      return { lawInForce: event.regime };
  }
}
