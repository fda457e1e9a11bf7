/**
 * The action region of the live dispute. Industrial action: none called, announced with notice running, striking,
 * or ended; strikes start and end by themselves.
 */
import { and } from 'xstate';

/** Strike calls and changes are the same whenever no strike is under way. */
const strikeCall = { guard: 'hasLiveMandateAndNotice', target: 'announced', actions: 'recordStrikeCalled' } as const;

/** Suspending or calling off a strike before it starts: the next one stays announced, or action ends. */
const stopCalledStrike = [
  {
    guard: and(['isCalledAction', 'hasStrikesPendingAfterThis']),
    target: 'announced',
    reenter: true,
    actions: 'recordStrikeChanged',
  },
  { guard: and(['isCalledAction', 'hasHeldAction']), target: 'ended', actions: 'recordStrikeChanged' },
  { guard: 'isCalledAction', target: 'none', actions: 'recordStrikeChanged' },
] as const;

/** Suspending or calling off a strike while one is under way: cut the running one short, or drop a later one. */
const stopStrikeWhileStriking = [
  { guard: and(['isRunningAction', 'hasStrikesPending']), target: 'announced', actions: 'recordStrikeChanged' },
  { guard: 'isRunningAction', target: 'ended', actions: 'recordStrikeChanged' },
  { guard: 'isCalledAction', actions: 'recordStrikeChanged' },
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
          { guard: 'hasLiveMandateForNextStrike', target: 'striking', actions: 'recordStrikeStarted' },
          {
            guard: 'hasMoreThanOneStrikePending',
            target: 'announced',
            reenter: true,
            actions: 'recordStrikeLapsed',
          },
          { guard: 'hasHeldAction', target: 'ended', actions: 'recordStrikeLapsed' },
          { target: 'none', actions: 'recordStrikeLapsed' },
        ],
      },
      on: {
        'strike.called': {
          guard: 'hasLiveMandateAndNotice',
          target: 'announced',
          reenter: true,
          actions: 'recordStrikeCalled',
        },
        'strike.rescheduled': {
          guard: 'hasLiveMandateAndNotice',
          target: 'announced',
          reenter: true,
          actions: 'recordStrikeChanged',
        },
        'strike.rescoped': { guard: 'isCalledAction', actions: 'recordStrikeChanged' },
        'strike.suspended': stopCalledStrike,
        'strike.cancelled': stopCalledStrike,
      },
    },
    striking: {
      description: 'Doctors are on strike; the strike ends by itself at its end time.',
      after: {
        untilStrikeEnds: [
          { guard: 'hasStrikesPending', target: 'announced', actions: 'recordStrikeEnded' },
          { target: 'ended', actions: 'recordStrikeEnded' },
        ],
      },
      on: {
        'strike.called': { guard: 'hasLiveMandateAndNotice', actions: 'recordStrikeCalled' },
        'strike.rescheduled': { guard: 'hasLiveMandateAndNotice', actions: 'recordStrikeChanged' },
        'strike.rescoped': { guard: 'isCalledAction', actions: 'recordStrikeChanged' },
        'strike.suspended': stopStrikeWhileStriking,
        'strike.cancelled': stopStrikeWhileStriking,
      },
    },
    ended: {
      description: 'Strikes have been held; none is called now.',
      on: { 'strike.called': strikeCall },
    },
  },
} as const;
