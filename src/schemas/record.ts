/**
 * The dispute's record: what the machine remembers (its context), and what a Trace prints at each step. It is
 * a contract, so every field says what it means. The top level is a few groups (the law, the dispute itself,
 * ballots, negotiation, action, the world around), each a small object of related facts; lists keep the order
 * things happened in. Instants are ISO 8601 in UK local time with their offset.
 */
import { z } from 'zod';
import { REGIME_IDS } from '../domain/regimes.js';
import { ChallengeDecided } from './events/context.js';
import { Claim } from './events/dispute.js';
import { VoteKind } from './events/offer.js';
import { StrikeScope } from './events/strike.js';
import { Counterparty } from './events/talks.js';
import { Count, Percent } from './primitives.js';

/** An instant as the record writes it: ISO 8601 in UK local time with its offset, to the second. */
export const RecordInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/, 'an instant like 2023-03-13T07:00:00+00:00')
  .describe('An instant in UK local time with its offset, e.g. 2023-03-13T07:00:00+00:00.');
/** An instant in the record. */
export type RecordInstant = z.infer<typeof RecordInstant>;

const Regime = z.enum(REGIME_IDS);
const Pay = z.number();

/** The law the dispute is judged by. */
export const LawRecord = z
  .strictObject({
    rules: z
      .union([z.literal('by-date'), Regime])
      .describe('How the law is chosen: by-date (whatever was in force at the time) or one regime throughout.'),
    importantPublicService: z
      .boolean()
      .describe('Whether the workers are in an important public service, where the 40% yes threshold applied.'),
    inForce: Regime.describe('The regime in force at the record’s clock, moved on by law.changed.'),
  })
  .describe('The law the dispute is judged by.');
/** The law the dispute is judged by. */
export type LawRecord = z.infer<typeof LawRecord>;

/** The dispute as a whole: who declared it, over what, and when it ended. */
export const DisputeFacts = z
  .strictObject({
    declaredAt: RecordInstant.nullable().describe('When the union declared the dispute; null before it has.'),
    union: z.string().nullable().describe('The union that declared it; null before it has.'),
    claim: Claim.nullable().describe('What the union claims; null before the dispute is declared.'),
    endedAt: RecordInstant.nullable().describe(
      'When the dispute ended (settled, imposed or abandoned); null while live.',
    ),
  })
  .describe('The dispute as a whole: who declared it, over what, and when it ended.');
/** The dispute as a whole. */
export type DisputeFacts = z.infer<typeof DisputeFacts>;

/** A statutory ballot and, once closed, its figures and verdict. */
export const BallotRecord = z
  .strictObject({
    id: z.string().describe('The ballot’s name, as the scenario gives it.'),
    regime: Regime.describe('The regime in force when it opened, which judges it and sets its mandate’s length.'),
    constituency: z.string().exactOptional().describe('Who was balloted, where not the whole membership.'),
    supplementary: z
      .boolean()
      .exactOptional()
      .describe('A ballot of members outside the main mandate; its mandate runs alongside the main one.'),
    openedAt: RecordInstant.describe('When voting opened.'),
    closes: RecordInstant.exactOptional().describe('When voting was due to close, as announced.'),
    closedAt: RecordInstant.exactOptional().describe('When voting closed; the mandate runs from here.'),
    announcedAt: RecordInstant.exactOptional().describe(
      'When the result was made public, where the scenario says it was after the close.',
    ),
    entitled: Count.exactOptional().describe('Members entitled to vote.'),
    cast: Count.exactOptional().describe('Votes cast.'),
    yes: Count.exactOptional().describe('Votes for action.'),
    no: Count.exactOptional().describe('Votes against action.'),
    turnoutPct: Percent.exactOptional().describe('Votes cast as a share of those entitled, in per cent (one decimal).'),
    yesPct: Percent.exactOptional().describe('Yes votes as a share of votes cast, in per cent (one decimal).'),
    yesOfEntitledPct: Percent.exactOptional().describe(
      'Yes votes as a share of all entitled to vote, in per cent (one decimal): the 40% test.',
    ),
    constituencies: z
      .strictObject({
        met: Count.describe('Constituencies where every threshold was met.'),
        balloted: Count.exactOptional().describe('Constituencies balloted, if published.'),
        unit: z.string().describe('What a constituency is, e.g. "NHS organisations in England".'),
      })
      .exactOptional()
      .describe('A ballot run constituency by constituency (employer by employer): it has no national totals.'),
    mandate: z.boolean().exactOptional().describe('Whether the result gave a mandate for industrial action.'),
    asAnnounced: z
      .boolean()
      .exactOptional()
      .describe('True where the figures published could not decide the result, so it is taken as announced.'),
    reasons: z
      .array(z.string())
      .exactOptional()
      .describe('Why the result gave a mandate or not, threshold by threshold.'),
  })
  .describe('A statutory ballot and, once closed, its figures and verdict.');
/** A statutory ballot. */
export type BallotRecord = z.infer<typeof BallotRecord>;

/** A mandate for industrial action, from the ballot that gave it. */
export const MandateRecord = z
  .strictObject({
    ballot: z.string().describe('The ballot that gave it.'),
    regime: Regime.describe('The regime that judged that ballot and set the mandate’s length.'),
    grantedAt: RecordInstant.describe('When the ballot closed and the mandate began.'),
    expiresAt: RecordInstant.nullable().describe('When a fixed-term mandate ends (since 2017); null if it has none.'),
    startBy: RecordInstant.nullable().describe(
      'Before 2017: the last instant action may begin under the ballot; null once action has begun, or under later law.',
    ),
    covers: z
      .strictObject({
        count: Count.describe('How many constituencies it covers.'),
        unit: z.string().describe('What they are, e.g. "NHS organisations in England".'),
      })
      .exactOptional()
      .describe('For a ballot run employer by employer: the constituencies that met the thresholds, and no others.'),
    endedAt: RecordInstant.exactOptional().describe('When the mandate ended, if it has.'),
    end: z
      .enum(['lapsed', 'relinquished', 'renewed', 'court'])
      .exactOptional()
      .describe(
        'How it ended: lapsed (by itself, at the end of its term), relinquished (given up), renewed (by a new ballot) or court (a court declared it over).',
      ),
    endedBy: z
      .string()
      .exactOptional()
      .describe('The legal challenge whose decision ended it or fixed its end, by name.'),
  })
  .describe('A mandate for industrial action, from the ballot that gave it.');
/** A mandate. */
export type MandateRecord = z.infer<typeof MandateRecord>;

/** Ballots and the mandates they gave. */
export const BallotingRecord = z
  .strictObject({
    ballots: z.array(BallotRecord).describe('Every statutory ballot, in the order opened; at most the last is open.'),
    mandate: MandateRecord.nullable().describe(
      'The main mandate currently or last held; null before any ballot gave one.',
    ),
    supplementaryMandates: z
      .array(MandateRecord)
      .describe('Mandates of supplementary ballots (members the main mandate does not cover), running alongside it.'),
  })
  .describe('Ballots and the mandates they gave.');
/** Ballots and mandates. */
export type BallotingRecord = z.infer<typeof BallotingRecord>;

/** One round of talks. */
export const TalksRecord = z
  .strictObject({
    with: Counterparty.describe('Who the union talked to: government or employers.'),
    mediator: z.string().exactOptional().describe('Who chaired the talks, if anyone did.'),
    openedAt: RecordInstant.describe('When the talks opened.'),
    closedAt: RecordInstant.exactOptional().describe('When they ended, by collapse or by new talks replacing them.'),
    concluded: z
      .boolean()
      .exactOptional()
      .describe('True when they ended with something to take to the members, not a collapse.'),
    offer: z.string().exactOptional().describe('The offer concluded talks produced, if the scenario names it.'),
  })
  .describe('One round of talks.');
/** One round of talks. */
export type TalksRecord = z.infer<typeof TalksRecord>;

/** One request for Acas conciliation and what became of it. */
export const ConciliationRecord = z
  .strictObject({
    requestedBy: z.string().describe('Who asked for conciliation ("both parties" when it simply opened).'),
    requestedAt: RecordInstant.describe('When it was asked for.'),
    declinedBy: z.string().exactOptional().describe('Who turned it down, if anyone did.'),
    openedAt: RecordInstant.exactOptional().describe('When conciliation began.'),
    endedAt: RecordInstant.exactOptional().describe('When it ended.'),
    agreement: z.boolean().exactOptional().describe('Whether it ended in an agreement.'),
  })
  .describe('One request for Acas conciliation and what became of it.');
/** One request for conciliation. */
export type ConciliationRecord = z.infer<typeof ConciliationRecord>;

/** An offer and what became of it. */
export const OfferRecord = z
  .strictObject({
    id: z.string().describe('The offer’s name, as the scenario gives it.'),
    by: z.string().describe('Who made it.'),
    summary: z.string().describe('The offer in a few words.'),
    madeAt: RecordInstant.describe('When it was tabled.'),
    payUpliftPct: Pay.exactOptional().describe('The headline pay uplift offered, in per cent.'),
    payYear: z.string().exactOptional().describe('The pay year or years it covers, e.g. "2024/25".'),
    items: z.array(z.string()).exactOptional().describe('What it holds besides pay, a few words each.'),
    status: z
      .enum(['open', 'putToMembers', 'withdrawn', 'rejected', 'superseded', 'accepted'])
      .describe(
        'open (on the table with the committee), putToMembers (members are voting on it), or how it was decided: withdrawn, rejected, superseded by a newer offer, accepted.',
      ),
    decidedAt: RecordInstant.exactOptional().describe('When it was decided, if it has been.'),
    decidedBy: z
      .enum(['committee', 'members', 'maker'])
      .exactOptional()
      .describe('Who decided it: the union’s committee, the members in a vote, or its maker (a withdrawal).'),
    implementedAt: RecordInstant.exactOptional().describe(
      'When its terms were applied to the union’s members all the same, agreed by others (terms.implemented).',
    ),
    implementedBy: z.string().exactOptional().describe('Who agreed its terms over the union’s head.'),
  })
  .describe('An offer and what became of it.');
/** An offer. */
export type OfferRecord = z.infer<typeof OfferRecord>;

/** A member vote: a binding referendum or an advisory survey, on an offer or a question. */
export const ReferendumRecord = z
  .strictObject({
    id: z.string().describe('The vote’s name, as the scenario gives it.'),
    kind: VoteKind.describe('referendum (binding on the union) or survey (advising its committee).'),
    offer: z.string().exactOptional().describe('The offer voted on, if it was on an offer.'),
    question: z.string().exactOptional().describe('The question put, if it was not on an offer.'),
    openedAt: RecordInstant.describe('When voting opened.'),
    closedAt: RecordInstant.exactOptional().describe('When voting closed.'),
    turnoutPct: Percent.exactOptional().describe('Votes cast as a share of those entitled, in per cent.'),
    yesPct: Percent.exactOptional().describe('Yes as a share of votes cast, in per cent.'),
    noPct: Percent.exactOptional().describe('No as a share of votes cast, in per cent.'),
    cast: Count.exactOptional().describe('Votes cast.'),
    entitled: Count.exactOptional().describe('Members entitled to vote.'),
    result: z.enum(['yes', 'no']).exactOptional().describe('The result once closed: yes if more voted yes than no.'),
  })
  .describe('A member vote: a binding referendum or an advisory survey, on an offer or a question.');
/** A member vote. */
export type ReferendumRecord = z.infer<typeof ReferendumRecord>;

/** A pay-review-body award. */
export const AwardRecord = z
  .strictObject({
    id: z.string().describe('The award’s name, as the scenario gives it.'),
    body: z.string().describe('The body that made it, e.g. the DDRB.'),
    summary: z.string().describe('The award in a few words.'),
    publishedAt: RecordInstant.describe('When it was published.'),
    payUpliftPct: Pay.exactOptional().describe('The headline pay uplift awarded, in per cent.'),
    payYear: z.string().exactOptional().describe('The pay year it covers.'),
    items: z.array(z.string()).exactOptional().describe('What it recommends besides pay, a few words each.'),
    acceptedAt: RecordInstant.exactOptional().describe('When the government accepted it, if it has.'),
    acceptedInFull: z.boolean().exactOptional().describe('Whether it was accepted in full.'),
  })
  .describe('A pay-review-body award.');
/** A pay award. */
export type AwardRecord = z.infer<typeof AwardRecord>;

/** Talks, conciliation, offers, member votes and pay awards. */
export const NegotiationRecord = z
  .strictObject({
    talks: z.array(TalksRecord).describe('Every round of talks, in order; at most the last is still open.'),
    conciliation: z.array(ConciliationRecord).describe('Every request for Acas conciliation, in order.'),
    offers: z
      .array(OfferRecord)
      .describe('Every offer, in the order made; only the newest can be on the table (open or put to members).'),
    referendums: z.array(ReferendumRecord).describe('Every member vote, in the order opened.'),
    awards: z.array(AwardRecord).describe('Every pay-review-body award, in the order published.'),
  })
  .describe('Talks, conciliation, offers, member votes and pay awards.');
/** Negotiation. */
export type NegotiationRecord = z.infer<typeof NegotiationRecord>;

/** What was reported of a strike's effect. */
export const ImpactRecord = z
  .strictObject({
    appointmentsRescheduled: Count.exactOptional().describe('Appointments and operations rescheduled.'),
    staffAbsentPeak: Count.exactOptional().describe('Staff absent at the peak.'),
    summary: z.string().exactOptional().describe('The effect in a few words.'),
    by: z.string().describe('Who reported it (the latest report).'),
  })
  .describe('What was reported of its effect; a later report adds to, and corrects, an earlier one.');
/** A strike's reported impact. */
export type ImpactRecord = z.infer<typeof ImpactRecord>;

/** One called period of industrial action and its fate. */
export const ActionRecord = z
  .strictObject({
    id: z.string().describe('The strike’s name, as the scenario gives it.'),
    scope: StrikeScope.describe('What is withdrawn: full-walkout or emergency-care-only.'),
    hours: z.string().exactOptional().describe('Daily hours, where it runs only part of each day, e.g. "08:00-17:00".'),
    start: RecordInstant.describe('When it begins (or began).'),
    end: RecordInstant.describe('When it ends (or ended, if cut short).'),
    calledAt: RecordInstant.describe('When it was called (announced).'),
    noticeServedAt: RecordInstant.exactOptional().describe(
      'When notice reached the employers, where the scenario says it differs from the call.',
    ),
    scopeChanges: z
      .array(
        z.strictObject({
          from: RecordInstant.describe('When the scope changes.'),
          scope: StrikeScope.describe('The scope from then on.'),
        }),
      )
      .exactOptional()
      .describe(
        'Changes of scope during the strike that its call declared, in order; scope is the scope at the start.',
      ),
    employers: z
      .strictObject({
        count: Count.describe('How many employers take part.'),
        kind: z.string().describe('What they are, e.g. "NHS trusts".'),
      })
      .exactOptional()
      .describe('How many employers’ staff take part, as reported.'),
    derogations: z.string().exactOptional().describe('What is exempted from the action, in a few words.'),
    mandateEndArgued: RecordInstant.exactOptional().describe(
      'The end of the mandate as the union argued it when it called the strike, where later than the law’s count.',
    ),
    court: z
      .string()
      .exactOptional()
      .describe('The legal challenge whose decision stopped the strike or cut it short, by name.'),
    endAsCalled: RecordInstant.exactOptional().describe('The end as called, where a court cut the strike short.'),
    ballot: z
      .string()
      .describe('The ballot whose mandate it was called under (the new one, once a mandate is renewed).'),
    status: z
      .enum(['called', 'running', 'held', 'suspended', 'cancelled', 'lapsed'])
      .describe(
        'called (notice running), running (under way), held, suspended or cancelled before it began, or lapsed (no mandate covered it when due).',
      ),
    days: Count.exactOptional().describe('Whole days of action, once held (or cut short).'),
    changes: z
      .array(
        z.strictObject({
          at: RecordInstant.describe('When it changed.'),
          change: z.string().describe('What changed, in a few words.'),
        }),
      )
      .describe('What changed after it was called, in order: new dates, new scope, suspended, called off.'),
    impact: ImpactRecord.exactOptional(),
  })
  .describe('One called period of industrial action and its fate.');
/** A strike. */
export type ActionRecord = z.infer<typeof ActionRecord>;

/** Industrial action: the strikes called, the days of action, and which strikes are next and under way. */
export const IndustrialActionRecord = z
  .strictObject({
    actions: z.array(ActionRecord).describe('Every strike called, in the order called.'),
    pending: z
      .array(z.string())
      .describe('The strikes called and not yet begun, by name, earliest start first: the first starts next.'),
    running: z.string().nullable().describe('The strike under way, by name; null when none is.'),
    daysOfAction: Count.describe('Whole days of action held so far.'),
  })
  .describe('Industrial action: the strikes called, which are next and under way, and the days of action.');
/** Industrial action. */
export type IndustrialActionRecord = z.infer<typeof IndustrialActionRecord>;

/** An opinion poll on the dispute. */
export const PollRecord = z
  .strictObject({
    at: RecordInstant.describe('When it was published.'),
    pollster: z.string().describe('Who ran it, and for whom.'),
    supportPct: Percent.describe('Respondents supporting the action, in per cent.'),
    opposePct: Percent.exactOptional().describe('Respondents opposing it, in per cent.'),
    question: z.string().exactOptional().describe('The question as put.'),
  })
  .describe('An opinion poll on the dispute.');
/** A poll. */
export type PollRecord = z.infer<typeof PollRecord>;

/** Someone taking up an office that matters to the dispute. */
export const OfficeHolderRecord = z
  .strictObject({
    role: z.string().describe('The office, e.g. "Secretary of State for Health".'),
    holder: z.string().describe('Who took it up.'),
    since: RecordInstant.describe('When.'),
  })
  .describe('Someone taking up an office that matters to the dispute.');
/** An office holder. */
export type OfficeHolderRecord = z.infer<typeof OfficeHolderRecord>;

/** Terms imposed without agreement. */
export const ImpositionRecord = z
  .strictObject({
    at: RecordInstant.describe('When the imposition was announced.'),
    by: z.string().describe('Who imposed the terms.'),
    summary: z.string().describe('The terms in a few words.'),
    effective: RecordInstant.exactOptional().describe('When the terms took effect, if later.'),
    pausedAt: RecordInstant.exactOptional().describe('When they were paused or dropped, if they were.'),
  })
  .describe('Terms imposed without agreement; in force until paused.');
/** An imposition. */
export type ImpositionRecord = z.infer<typeof ImpositionRecord>;

/** Terms the union did not agree to, agreed by others and applied to its members. */
export const ImplementationRecord = z
  .strictObject({
    at: RecordInstant.describe('When the terms were agreed by others and so applied.'),
    by: z.string().describe('Who agreed them, e.g. "NHS Staff Council".'),
    summary: z.string().describe('The terms in a few words.'),
    offer: z.string().exactOptional().describe('The offer whose terms they are, if one was made in the dispute.'),
    effective: RecordInstant.exactOptional().describe('When they took effect, if later.'),
  })
  .describe('Terms implemented over the union’s head: agreed by others, applied to its members.');
/** Terms implemented over the union's head. */
export type ImplementationRecord = z.infer<typeof ImplementationRecord>;

/** A legal challenge and its outcome. */
export const ChallengeRecord = z
  .strictObject({
    id: z.string().describe('The challenge’s name, as the scenario gives it.'),
    by: z.string().describe('Who brought it.'),
    summary: z.string().describe('What it argued, or (once decided, if the court said) what the court decided.'),
    filedAt: RecordInstant.describe('When it was filed.'),
    result: z.enum(ChallengeDecided.shape.result.options).exactOptional().describe('What became of it, once decided.'),
    decidedAt: RecordInstant.exactOptional().describe('When it was decided.'),
  })
  .describe('A legal challenge and its outcome.');
/** A legal challenge. */
export type ChallengeRecord = z.infer<typeof ChallengeRecord>;

/** The world around the dispute: polls, office holders, imposed terms, legal challenges. */
export const SurroundingsRecord = z
  .strictObject({
    polls: z.array(PollRecord).describe('Every opinion poll, in the order published.'),
    officeHolders: z
      .array(OfficeHolderRecord)
      .describe('Every change of office holder, in order; the latest for a role holds it now.'),
    impositions: z.array(ImpositionRecord).describe('Every imposition of terms, in order.'),
    implementations: z
      .array(ImplementationRecord)
      .describe('Terms the union did not agree to, agreed by others and applied to its members, in order.'),
    challenges: z.array(ChallengeRecord).describe('Every legal challenge, in the order filed.'),
  })
  .describe('The world around the dispute: polls, office holders, imposed terms, legal challenges.');
/** The world around the dispute. */
export type SurroundingsRecord = z.infer<typeof SurroundingsRecord>;

/** The dispute's record at one instant: the machine's context, as a Trace prints it. */
export const DisputeRecord = z
  .strictObject({
    now: RecordInstant.describe('The instant of the latest step: the record’s clock.'),
    law: LawRecord,
    dispute: DisputeFacts,
    balloting: BallotingRecord,
    negotiation: NegotiationRecord,
    action: IndustrialActionRecord,
    surroundings: SurroundingsRecord,
  })
  .describe('The dispute’s record at one instant: the machine’s context.');
/** The dispute's record. */
export type DisputeRecord = z.infer<typeof DisputeRecord>;
