/** The offer region of the live dispute. Offers: none on the table, one tabled, or one before the members. */
import { and } from 'xstate';

const SETTLED = '#dispute.settled';

/** A new offer, made while no offer is before the members. */
const NEW_OFFER = and(['isNewOffer', 'noOfferPutToMembers']);

/** The offer region's states and transitions. */
export const offerRegion = {
  initial: 'none',
  description: 'Offers on the table and what the committee and the members make of them.',
  states: {
    none: {
      description: 'No offer is on the table.',
      on: { 'offer.made': { guard: NEW_OFFER, target: 'tabled', actions: 'recordOfferMade' } },
    },
    tabled: {
      description: 'An offer is on the table: the committee can reject it, accept it or put it to the members.',
      on: {
        'offer.made': { guard: NEW_OFFER, target: 'tabled', actions: 'recordOfferMade' },
        'offer.withdrawn': { guard: 'isOfferOnTable', target: 'none', actions: 'recordOfferDecided' },
        'offer.rejected': { guard: 'isOfferWithCommittee', target: 'none', actions: 'recordOfferDecided' },
        'offer.accepted': {
          guard: 'isOfferOnTable',
          target: SETTLED,
          actions: ['recordOfferDecided', 'recordEnded'],
        },
        'referendum.opened': {
          guard: and(['isVoteOnOffer', 'isNewVote', 'isOfferWithCommittee']),
          target: 'putToMembers',
          actions: 'recordReferendumOpened',
        },
      },
    },
    putToMembers: {
      description: 'The members are voting on the offer, in a binding referendum or an advisory survey.',
      on: {
        'referendum.closed': [
          {
            guard: and(['isVoteOnOffer', 'isOpenVote', 'membersAcceptOffer']),
            target: SETTLED,
            actions: ['recordReferendumClosed', 'recordEnded'],
          },
          {
            guard: and(['isVoteOnOffer', 'isOpenVote', 'membersRejectOffer']),
            target: 'none',
            actions: 'recordReferendumClosed',
          },
          { guard: and(['isVoteOnOffer', 'isOpenVote']), target: 'tabled', actions: 'recordReferendumClosed' },
        ],
        'offer.withdrawn': { guard: 'isOfferOnTable', target: 'none', actions: 'recordOfferDecided' },
      },
    },
  },
} as const;
