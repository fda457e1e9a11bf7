/**
 * The dispute machine's types and named implementations: every guard, action and delay the chart refers to.
 * Bodies are thin; the rules live in `checks.ts` and the record keeping in `record/`.
 */
import { assign, emit, setup } from 'xstate';
import { parseInstant } from '../domain/time.js';
import { memberVoteResult } from '../schemas/events/faults.js';
import type { DisputeEvent, EventOf } from '../schemas/events/index.js';
import {
  actionBegunUnderMandate,
  ballotGivesMandate,
  ballotGivesOpenEndedMandate,
  courtChangesStrikes,
  courtEffects,
  currentOffer,
  eventIs,
  findBallot,
  findVote,
  hasTermsInForce,
  isMainBallot,
  nextPendingAction,
  RULES,
  runningAction,
} from './checks.js';
import { type DisputeContext, type DisputeInput, initialContext } from './context.js';
import * as record from './record/index.js';

type Type = DisputeEvent['type'];

/** An action that records an event of some types in the context, moving the record's clock to its instant. */
function recordEvent<T extends Type>(fn: (context: DisputeContext, event: EventOf<T>) => record.ContextPatch) {
  return assign<DisputeContext, DisputeEvent, undefined, DisputeEvent, never>(({ context, event }) => ({
    ...record.advanceNow(context, event.at),
    ...fn(context, event as EventOf<T>),
  }));
}

const msUntil = (context: DisputeContext, instant: string | null | undefined): number =>
  instant ? Math.max(0, parseInstant(instant) - parseInstant(context.now)) : 0;

/** The instant each named delay runs to, read from the record. */
export const TIMERS = {
  /** The earliest called strike starts. */
  untilNextStrike: (c: DisputeContext) => nextPendingAction(c)?.start,
  /** The strike under way ends. */
  untilStrikeEnds: (c: DisputeContext) => runningAction(c)?.end,
  /** A fixed-term mandate expires. */
  untilMandateExpires: (c: DisputeContext) => c.balloting.mandate?.expiresAt ?? undefined,
  /** The window in which action must begin (before 2017) closes. */
  untilActionWindowCloses: (c: DisputeContext) => c.balloting.mandate?.startBy ?? undefined,
} satisfies Record<string, (c: DisputeContext) => string | undefined>;

/** What the machine emits when time moves it: a strike starting, ending or lapsing, a mandate lapsing. */
export type TimedEmitted =
  | { type: 'strike.started'; action: string; at: string }
  | { type: 'strike.ended'; action: string; at: string }
  | { type: 'strike.lapsed'; action: string; at: string }
  | { type: 'mandate.lapsed'; ballot: string; at: string }
  | { type: 'mandate.windowClosed'; ballot: string; at: string };

/** A step time causes, by what the machine emits. */
export type TimedType = TimedEmitted['type'];

/**
 * The one table of time-caused steps: each emitting action of the chart and the step it emits. The engine hears
 * the emitted events themselves; diagrams read this table to name a timed transition by the step it makes.
 */
export const TIMED_STEPS = {
  emitStrikeStarted: 'strike.started',
  emitStrikeEnded: 'strike.ended',
  emitStrikeLapsed: 'strike.lapsed',
  emitMandateLapsed: 'mandate.lapsed',
  emitWindowClosed: 'mandate.windowClosed',
} as const satisfies Record<string, TimedType>;

/** The kinds of step time causes, in the table's order. */
export const TIMED_TYPES: readonly TimedType[] = Object.values(TIMED_STEPS);

const mandateBallot = (c: DisputeContext): string => c.balloting.mandate?.ballot ?? '';

/** The machine's setup: types, guards, actions and delays, all named. */
export const disputeSetup = setup({
  types: {
    context: {} as DisputeContext,
    events: {} as DisputeEvent,
    input: {} as DisputeInput,
    emitted: {} as TimedEmitted,
  },
  guards: {
    // The rules of the dispute (checks.ts): each true exactly when its own rules hold, for the events it tests.
    ...RULES,
    // The guards below choose between branches: each tests what its name says and never explains a refusal.
    // Those that read an event narrow it with `eventIs`, false for an event of another type; those that read
    // only the record (`has…`, `actionBegunUnderMandate`) answer the same for any event.
    isMainBallot: ({ context, event }) => eventIs(event, 'ballot.closed') && isMainBallot(context, event),
    ballotGivesOpenEndedMandate: ({ context, event }) =>
      eventIs(event, 'ballot.closed') && ballotGivesOpenEndedMandate(context, event),
    ballotGivesFixedMandate: ({ context, event }) =>
      eventIs(event, 'ballot.closed') &&
      ballotGivesMandate(context, event) &&
      !ballotGivesOpenEndedMandate(context, event),
    ballotFails: ({ context, event }) =>
      eventIs(event, 'ballot.closed') &&
      findBallot(context, event.ballot) !== undefined &&
      !ballotGivesMandate(context, event),
    hasLiveMandateForNextStrike: ({ context }) => {
      const m = context.balloting.mandate;
      return !!m && !m.endedAt && m.ballot === nextPendingAction(context)?.ballot;
    },
    hasStrikesPending: ({ context }) => context.action.pending.length > 0,
    hasMoreThanOneStrikePending: ({ context }) => context.action.pending.length > 1,
    hasStrikesPendingAfterThis: ({ context, event }) =>
      eventIs(event, 'strike.suspended', 'strike.cancelled') &&
      context.action.pending.some((id) => id !== event.action),
    hasHeldAction: ({ context }) =>
      context.action.running !== null || context.action.actions.some((a) => a.status === 'held'),
    isRunningAction: ({ context, event }) =>
      eventIs(event, 'strike.suspended', 'strike.cancelled') && context.action.running === event.action,
    actionBegunUnderMandate: ({ context }) => actionBegunUnderMandate(context),
    // A vote that closes is on an offer when it is on the offer now before the members: a vote left open on an
    // offer withdrawn since (or replaced) closes as a record of what members said, and moves no offer.
    isVoteOnOffer: ({ context, event }) => {
      if (eventIs(event, 'referendum.opened')) return event.offer !== undefined;
      if (!eventIs(event, 'referendum.closed')) return false;
      const offer = findVote(context, event.referendum)?.offer;
      const before = currentOffer(context);
      return offer !== undefined && before?.status === 'putToMembers' && before.id === offer;
    },
    membersAcceptOffer: ({ context, event }) =>
      eventIs(event, 'referendum.closed') &&
      memberVoteResult(event) === 'yes' &&
      findVote(context, event.referendum)?.kind === 'referendum',
    membersRejectOffer: ({ event }) => eventIs(event, 'referendum.closed') && memberVoteResult(event) === 'no',
    conciliationReachedAgreement: ({ event }) => eventIs(event, 'conciliation.ended') && event.agreement,
    hasImposedTerms: ({ context }) => hasTermsInForce(context),
    // A court's decision: what its orders do to the mandate and to the strikes called and under way.
    courtEndsMandateNow: ({ context, event }) => {
      if (!eventIs(event, 'challenge.decided')) return false;
      const end = courtEffects(context, event).mandateEnd;
      return end !== undefined && parseInstant(end) <= parseInstant(event.at);
    },
    courtFixesMandateEnd: ({ context, event }) => {
      if (!eventIs(event, 'challenge.decided')) return false;
      const end = courtEffects(context, event).mandateEnd;
      return end !== undefined && parseInstant(end) > parseInstant(event.at);
    },
    courtChangesStrikes: ({ context, event }) =>
      eventIs(event, 'challenge.decided') && courtChangesStrikes(context, event),
    courtEndsRunningStrike: ({ context, event }) =>
      eventIs(event, 'challenge.decided') && courtEffects(context, event).endsRunningNow,
    courtLeavesStrikesPending: ({ context, event }) => {
      if (!eventIs(event, 'challenge.decided')) return false;
      const stopped = courtEffects(context, event).stops;
      return context.action.pending.some((id) => !stopped.includes(id));
    },
  },
  actions: {
    recordDeclared: recordEvent<'dispute.declared'>(record.recordDeclared),
    recordBallotOpened: recordEvent<'ballot.opened'>(record.recordBallotOpened),
    recordBallotClosed: recordEvent<'ballot.closed'>(record.recordBallotClosed),
    recordMandateExtended: recordEvent<'mandate.extended'>(record.recordMandateExtended),
    recordMandateRelinquished: recordEvent<'mandate.relinquished'>((c, e) =>
      record.recordMandateEnded(c, 'relinquished', e.at),
    ),
    recordMandateLapsed: assign(({ context }) => {
      const m = context.balloting.mandate;
      const at = m?.expiresAt ?? m?.startBy ?? context.now;
      // A mandate whose end a court fixed ends as the court said, not by its own term.
      return { now: at, ...record.recordMandateEnded(context, m?.endedBy ? 'court' : 'lapsed', at) };
    }),
    recordMandateSecured: assign(({ context }) => ({
      now: context.balloting.mandate?.startBy ?? context.now,
      ...record.recordMandateSecured(context),
    })),
    recordTalks: recordEvent<'talks.opened' | 'talks.collapsed' | 'talks.concluded'>(record.recordTalks),
    recordConciliation: recordEvent<
      'conciliation.requested' | 'conciliation.declined' | 'conciliation.opened' | 'conciliation.ended'
    >(record.recordConciliation),
    recordOfferMade: recordEvent<'offer.made'>(record.recordOfferMade),
    recordOfferDecided: recordEvent<'offer.withdrawn' | 'offer.rejected' | 'offer.accepted'>(record.recordOfferDecided),
    recordReferendumOpened: recordEvent<'referendum.opened'>(record.recordReferendumOpened),
    recordReferendumClosed: recordEvent<'referendum.closed'>(record.recordReferendumClosed),
    recordAward: recordEvent<'award.published' | 'award.accepted'>(record.recordAward),
    recordStrikeCalled: recordEvent<'strike.called'>(record.recordStrikeCalled),
    recordStrikeChanged: recordEvent<
      'strike.rescheduled' | 'strike.rescoped' | 'strike.suspended' | 'strike.cancelled'
    >(record.recordStrikeChanged),
    // Emitted after the record moves (a start, a lapse of the mandate: the record names it) or before (an end, a
    // strike that lapses: the record still names the strike that was running or next).
    emitStrikeStarted: emit(({ context }) => ({
      type: 'strike.started' as const,
      action: runningAction(context)?.id ?? '',
      at: context.now,
    })),
    emitStrikeEnded: emit(({ context }) => ({
      type: 'strike.ended' as const,
      action: runningAction(context)?.id ?? '',
      at: runningAction(context)?.end ?? context.now,
    })),
    emitStrikeLapsed: emit(({ context }) => ({
      type: 'strike.lapsed' as const,
      action: nextPendingAction(context)?.id ?? '',
      at: nextPendingAction(context)?.start ?? context.now,
    })),
    emitMandateLapsed: emit(({ context }) => ({
      type: 'mandate.lapsed' as const,
      ballot: mandateBallot(context),
      at: context.now,
    })),
    emitWindowClosed: emit(({ context }) => ({
      type: 'mandate.windowClosed' as const,
      ballot: mandateBallot(context),
      at: context.now,
    })),
    recordStrikeStarted: assign(({ context }) => record.recordStrikeStarted(context)),
    recordStrikeLapsed: assign(({ context }) => record.recordStrikeLapsed(context)),
    recordStrikeEnded: assign(({ context }) => record.recordStrikeEnded(context)),
    recordImpact: recordEvent<'impact.reported'>(record.recordImpact),
    recordCourtDecision: recordEvent<'challenge.decided'>(record.recordCourtDecision),
    recordSurroundings: recordEvent<record.SurroundingType>(record.recordSurroundings),
    recordMemberVote: recordEvent<'referendum.opened' | 'referendum.closed'>((c, e) =>
      e.type === 'referendum.opened' ? record.recordReferendumOpened(c, e) : record.recordReferendumClosed(c, e),
    ),
    recordEnded: recordEvent<Type>(record.recordEnded),
  },
  delays: {
    untilNextStrike: ({ context }) => msUntil(context, TIMERS.untilNextStrike(context)),
    untilStrikeEnds: ({ context }) => msUntil(context, TIMERS.untilStrikeEnds(context)),
    untilMandateExpires: ({ context }) => msUntil(context, TIMERS.untilMandateExpires(context)),
    untilActionWindowCloses: ({ context }) => msUntil(context, TIMERS.untilActionWindowCloses(context)),
  },
});

/** The context a machine starts with, from its input. */
export const contextFromInput = ({ input }: { input: DisputeInput }): DisputeContext => initialContext(input);
