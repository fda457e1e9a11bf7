/** The ballot region of the live dispute. Statutory ballots: none open, or one open. */
import { and } from 'xstate';

/** The ballot region's states and transitions. */
export const ballotRegion = {
  initial: 'idle',
  description: 'Statutory ballots of the members for industrial action.',
  states: {
    idle: {
      description: 'No ballot is open.',
      on: { 'ballot.opened': { guard: 'isNewBallot', target: 'open', actions: 'recordBallotOpened' } },
    },
    open: {
      description: 'Members are voting in a statutory ballot; the law in force when it opened will judge it.',
      on: {
        'ballot.closed': {
          guard: and(['isOpenBallot', 'isKnownResult']),
          target: 'idle',
          actions: 'recordBallotClosed',
        },
      },
    },
  },
} as const;
