/**
 * The action region of the live dispute. Industrial action: none called, announced with notice running, striking,
 * or ended; strikes start and end by themselves.
 */
import { and } from 'xstate';

/** A new strike, under a mandate that covers its dates and its employers, with due notice. */
const NEW_STRIKE = and(['isNewAction', 'hasMandateAndNotice', 'isCoveredByMandate']);

/** A called strike moved to new dates the mandate covers, with fresh notice. */
const MOVED_STRIKE = and(['isPendingAction', 'hasMandateAndNotice']);

/** Strike calls and changes are the same whenever no strike is under way. */
const strikeCall = { guard: NEW_STRIKE, target: 'announced', actions: 'recordStrikeCalled' } as const;

/** Suspending or calling off a strike before it starts: the next one stays announced, or action ends. */
const stopCalledStrike = [
  {
    guard: and(['isCalledOrRunningAction', 'hasStrikesPendingAfterThis']),
    target: 'announced',
    reenter: true,
    actions: 'recordStrikeChanged',
  },
  { guard: and(['isCalledOrRunningAction', 'hasHeldAction']), target: 'ended', actions: 'recordStrikeChanged' },
  { guard: 'isCalledOrRunningAction', target: 'none', actions: 'recordStrikeChanged' },
] as const;

/** Suspending or calling off a strike while one is under way: cut the running one short, or drop a later one. */
const stopStrikeWhileStriking = [
  { guard: and(['isRunningAction', 'hasStrikesPending']), target: 'announced', actions: 'recordStrikeChanged' },
  { guard: 'isRunningAction', target: 'ended', actions: 'recordStrikeChanged' },
  { guard: 'isCalledOrRunningAction', actions: 'recordStrikeChanged' },
] as const;

/** A court's decision that stops or shortens strikes called or under way. */
const COURT = ['isPendingChallenge', 'hasPossibleOrders', 'courtChangesStrikes'] as const;

/** A court's decision while strikes are called: the others stay announced (re-armed), or action is over. */
const courtOnCalledStrikes = [
  {
    guard: and([...COURT, 'courtLeavesStrikesPending']),
    target: 'announced',
    reenter: true,
    actions: 'recordCourtDecision',
  },
  { guard: and([...COURT, 'hasHeldAction']), target: 'ended', actions: 'recordCourtDecision' },
  { guard: and(COURT), target: 'none', actions: 'recordCourtDecision' },
] as const;

/** A court's decision while a strike is under way: it ends it now, or cuts its end (re-armed), or stops later ones. */
const courtOnRunningStrike = [
  {
    guard: and([...COURT, 'courtEndsRunningStrike', 'courtLeavesStrikesPending']),
    target: 'announced',
    actions: 'recordCourtDecision',
  },
  { guard: and([...COURT, 'courtEndsRunningStrike']), target: 'ended', actions: 'recordCourtDecision' },
  { guard: and(COURT), target: 'striking', reenter: true, actions: 'recordCourtDecision' },
] as const;

/** The action region's states and transitions. */
export const actionRegion = {
  initial: 'none',
  description: 'Industrial action: strikes called with notice, under way, and over.',
  states: {
    none: {
      description: 'No industrial action has been called.',
      on: { 'strike.called': strikeCall },
    },
    announced: {
      description: 'A strike has been called and notice is running; it starts by itself on its date.',
      after: {
        untilNextStrike: [
          {
            guard: 'hasLiveMandateForNextStrike',
            target: 'striking',
            actions: ['recordStrikeStarted', 'emitStrikeStarted'],
          },
          {
            guard: 'hasMoreThanOneStrikePending',
            target: 'announced',
            reenter: true,
            actions: ['emitStrikeLapsed', 'recordStrikeLapsed'],
          },
          { guard: 'hasHeldAction', target: 'ended', actions: ['emitStrikeLapsed', 'recordStrikeLapsed'] },
          { target: 'none', actions: ['emitStrikeLapsed', 'recordStrikeLapsed'] },
        ],
      },
      on: {
        'strike.called': {
          guard: NEW_STRIKE,
          target: 'announced',
          reenter: true,
          actions: 'recordStrikeCalled',
        },
        'strike.rescheduled': {
          guard: MOVED_STRIKE,
          target: 'announced',
          reenter: true,
          actions: 'recordStrikeChanged',
        },
        'strike.rescoped': { guard: 'isCalledOrRunningAction', actions: 'recordStrikeChanged' },
        'strike.suspended': stopCalledStrike,
        'strike.cancelled': stopCalledStrike,
        'challenge.decided': courtOnCalledStrikes,
      },
    },
    striking: {
      description: 'Doctors are on strike; the strike ends by itself at its end time.',
      after: {
        untilStrikeEnds: [
          { guard: 'hasStrikesPending', target: 'announced', actions: ['emitStrikeEnded', 'recordStrikeEnded'] },
          { target: 'ended', actions: ['emitStrikeEnded', 'recordStrikeEnded'] },
        ],
      },
      on: {
        'strike.called': { guard: NEW_STRIKE, actions: 'recordStrikeCalled' },
        'strike.rescheduled': { guard: MOVED_STRIKE, actions: 'recordStrikeChanged' },
        'strike.rescoped': { guard: 'isCalledOrRunningAction', actions: 'recordStrikeChanged' },
        'strike.suspended': stopStrikeWhileStriking,
        'strike.cancelled': stopStrikeWhileStriking,
        'challenge.decided': courtOnRunningStrike,
      },
    },
    ended: {
      description: 'Strikes have been held; none is called now.',
      on: { 'strike.called': strikeCall },
    },
  },
} as const;
