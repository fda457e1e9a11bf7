/**
 * The mandate region of the live dispute. The mandate a successful ballot gives: none, live (for a fixed term, or
 * before 2017 until given up once action begins), lapsed, given up, or failed.
 */
import { and } from 'xstate';

const LAPSED = '#dispute.active.mandate.lapsed';

/** The main ballot (not a supplementary one) closes as the ballot region records it: only then can it move the mandate. */
const CLOSES_MAIN = ['isOpenBallot', 'isKnownResult', 'isMainBallot'] as const;

/** A court's decision that can be applied: the challenge is pending and what it orders is possible. */
const COURT_ORDERS = ['isPendingChallenge', 'hasPossibleOrders'] as const;

/** A closed main ballot moves the mandate region to the mandate it gives, or records that it gave none. */
const onBallotClosed = [
  { guard: and([...CLOSES_MAIN, 'ballotGivesOpenEndedMandate']), target: 'live.window' },
  { guard: and([...CLOSES_MAIN, 'ballotGivesFixedMandate']), target: 'live.term' },
  { guard: and([...CLOSES_MAIN, 'ballotFails']), target: 'failed' },
] as const;

/** The mandate region's states and transitions. */
export const mandateRegion = {
  initial: 'none',
  description: 'The legal mandate for industrial action that a successful ballot gives.',
  states: {
    none: {
      description: 'No ballot has yet given the union a mandate: any strike now would be unlawful.',
      on: { 'ballot.closed': onBallotClosed },
    },
    failed: {
      description:
        'The last ballot failed: too few voted, or too few of those entitled voted yes, so there is no mandate.',
      on: { 'ballot.closed': onBallotClosed },
    },
    live: {
      initial: 'term',
      description: 'The union holds a live mandate and may call lawful industrial action with due notice.',
      on: {
        'ballot.closed': [
          { guard: and([...CLOSES_MAIN, 'ballotGivesOpenEndedMandate']), target: '.window', reenter: true },
          { guard: and([...CLOSES_MAIN, 'ballotGivesFixedMandate']), target: '.term', reenter: true },
        ],
        'mandate.relinquished': {
          guard: 'noStrikeCalledOrUnderWay',
          target: 'relinquished',
          actions: 'recordMandateRelinquished',
        },
        'challenge.decided': [
          { guard: and([...COURT_ORDERS, 'courtEndsMandateNow']), target: LAPSED, actions: 'recordCourtDecision' },
          {
            guard: and([...COURT_ORDERS, 'courtFixesMandateEnd']),
            target: '.term',
            reenter: true,
            actions: 'recordCourtDecision',
          },
        ],
      },
      states: {
        term: {
          description:
            'A fixed-term mandate (six months under the 2016 Act, twelve under the 2025 Act); it lapses by itself on its expiry date.',
          after: { untilMandateExpires: { target: LAPSED, actions: ['recordMandateLapsed', 'emitMandateLapsed'] } },
          on: {
            'mandate.extended': {
              guard: 'isAllowedExtension',
              target: 'term',
              reenter: true,
              actions: 'recordMandateExtended',
            },
          },
        },
        window: {
          description:
            'Before 2017: action must begin within four weeks of the ballot (longer by agreement), or the mandate is lost.',
          after: {
            untilActionWindowCloses: [
              {
                guard: 'actionBegunUnderMandate',
                target: 'openEnded',
                actions: ['recordMandateSecured', 'emitWindowClosed'],
              },
              { target: LAPSED, actions: ['recordMandateLapsed', 'emitWindowClosed'] },
            ],
          },
          on: {
            'mandate.extended': {
              guard: 'isAllowedExtension',
              target: 'window',
              reenter: true,
              actions: 'recordMandateExtended',
            },
          },
        },
        openEnded: {
          description: 'Before 2017: action began in time, so the mandate stays live until the union gives it up.',
        },
      },
    },
    lapsed: {
      description:
        'The mandate has run out, or a court has declared it over; a new ballot is needed before any further strike.',
      on: { 'ballot.closed': onBallotClosed },
    },
    relinquished: {
      description: 'The union has given up its mandate.',
      on: { 'ballot.closed': onBallotClosed },
    },
  },
} as const;
