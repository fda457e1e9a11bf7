/**
 * The parties' strategies for `simulate`, as a zod schema (a strategy file is YAML validated by it, with a JSON
 * Schema for editors) and the defaults a dispute starts from. Each family is a published model:
 *
 * - members: the Ashenfelter–Johnson (1969) resistance curve y(t) = y* + (y0 − y*)·e^(−τt), the least total rise
 *   the members accept t months into the dispute, with noise giving a referendum's yes share;
 * - employer: the time-dependent concession of the automated-negotiation literature (Faratin, Sierra & Jennings
 *   1998), o(t) = o_min + (o_max − o_min)·(t/T)^(1/e), Boulware for e < 1, linear at 1, conceder above; or a war of
 *   attrition (Hendricks, Weiss & Wilson 1988) with weekly concession hazards for both sides;
 * - pay review body awards on their yearly month, accepted by the government, adding to what an offer is worth;
 * - the union: strike calls with the notice the law needs, longer when the gap to the claim is wider, and a
 *   re-ballot before the mandate ends, its turnout drawn around the record's falling trend.
 */
import { z } from 'zod';

const Pct = z.number().min(0).max(100);
const Rate = z.number().min(0).max(1);

/** The members' resistance curve (Ashenfelter & Johnson 1969). */
export const MembersStrategy = z.strictObject({
  claimPct: Pct.optional().describe('y0: the rise the members start out asking for (default: the claim).'),
  floorPct: Pct.describe('y*: the least rise they would ever accept.'),
  tauPerMonth: z.number().min(0).max(2).describe('τ: how fast their resistance falls, per month of dispute.'),
  noisePct: z.number().min(0).max(50).describe('How far a vote strays from the curve: the spread, in points of rise.'),
});

/** The employer's offers over time. */
export const EmployerStrategy = z.strictObject({
  family: z
    .enum(['time-dependent', 'attrition'])
    .describe('time-dependent (offers rise on a curve to a deadline) or attrition (a weekly hazard of conceding).'),
  minPct: Pct.describe('o_min: the first offer, in per cent.'),
  maxPct: Pct.describe('o_max: the most the employer will ever offer, in per cent.'),
  deadlineMonths: z.number().positive().max(120).describe('T: months into the dispute by which it offers o_max.'),
  e: z.number().positive().max(20).describe('e: under 1 Boulware (concedes late), 1 linear, over 1 conceder.'),
  offerEveryWeeks: z
    .number()
    .positive()
    .max(260)
    .describe('How long, on average, before a new offer once one is gone.'),
  imposeHazardPerWeek: Rate.describe('The chance a week that it imposes terms instead (0 for never).'),
  concedeHazardPerWeek: Rate.optional().describe('attrition: the chance a week that it offers o_max outright.'),
});

/** Yearly pay review body awards, accepted by the government. */
export const AwardsStrategy = z.strictObject({
  month: z.number().int().min(1).max(12).describe('The month the award is published each year (7 = July).'),
  pct: Pct.describe('The award, in per cent, each year.'),
  body: z.string().min(1).describe('Who makes it, e.g. "DDRB".'),
});

/** The union's committee, its strikes and its ballots. */
export const UnionStrategy = z.strictObject({
  putToMembers: Rate.describe('The chance the committee puts an offer to a referendum rather than deciding itself.'),
  committeeMarginPct: z
    .number()
    .min(-50)
    .max(50)
    .describe('The committee accepts an offer itself if it is this far above the members’ resistance.'),
  strikeEveryWeeks: z
    .number()
    .positive()
    .max(260)
    .describe('How long, on average, between strikes while a mandate is live.'),
  strikeDays: z.strictObject({
    base: z.number().int().min(1).max(14).describe('Days of a strike when the gap to the claim is nil.'),
    perGapPoint: z
      .number()
      .min(0)
      .max(5)
      .describe('Days added for each point of rise between the offer and the claim.'),
    max: z.number().int().min(1).max(30).describe('The longest strike it calls.'),
  }),
  reballot: z.strictObject({
    leadWeeks: z.number().int().min(1).max(26).describe('How long before the mandate ends it ballots again.'),
    windowWeeks: z.number().int().min(1).max(12).describe('How long a ballot stays open.'),
    entitled: z.number().int().min(100).describe('Members entitled to vote.'),
    turnoutPct: Pct.describe('The first ballot’s turnout, on average.'),
    declinePerBallot: z.number().min(-50).max(50).describe('How much lower each further ballot’s turnout is.'),
    yesPct: Pct.describe('Yes as a share of votes cast, on average.'),
    sdPct: z.number().min(0).max(50).describe('How far a ballot’s turnout and yes share stray, in points.'),
  }),
  abandonAfterFailedBallot: Rate.describe(
    'The chance the union ends the dispute once a ballot fails to give a mandate.',
  ),
  firstBallotWeeks: z
    .number()
    .min(0)
    .max(104)
    .optional()
    .describe('How many weeks after the declaration the first ballot opens, at the earliest (default 0).'),
  giveUpAfterImpositionPerWeek: Rate.optional().describe(
    'Once terms are imposed, the chance a week that the union ends the dispute (no strike called or under way): an imposed outcome.',
  ),
});

/** A strategy file. */
export const StrategyFile = z.strictObject({
  horizonMonths: z.number().positive().max(120).describe('How long a run may go on before it stops as ongoing.'),
  members: MembersStrategy,
  employer: EmployerStrategy,
  awards: AwardsStrategy.optional().describe('Yearly pay review awards (none where there is no review body).'),
  union: UnionStrategy,
});
/** A strategy file. */
export type Strategy = z.infer<typeof StrategyFile>;

/**
 * A strategy file as written: any field may be left out, and then the default's is used (see `loadStrategyFile`).
 * Its JSON Schema is what `dispute-sim schema --strategy` prints, for editors.
 */
export const StrategyFileInput = z.strictObject({
  horizonMonths: StrategyFile.shape.horizonMonths.optional(),
  members: MembersStrategy.partial().optional(),
  employer: EmployerStrategy.partial().optional(),
  awards: AwardsStrategy.partial().optional(),
  union: UnionStrategy.extend({
    strikeDays: UnionStrategy.shape.strikeDays.partial(),
    reballot: UnionStrategy.shape.reballot.partial(),
  })
    .partial()
    .optional(),
});

/**
 * The default strategies, in the record's broad shape for 2022–24: a 35% claim; offers from 5% towards 14% over two
 * years, Boulware; an 8% award a year; members whose resistance falls from 35% at about 0.045 a month (inside the
 * 0.02–0.075 the record bounds), committees that mostly decide themselves, and re-ballots losing about 7 points of
 * turnout each (77.5% → 71.3% → 61.9%).
 */
export const DEFAULT_STRATEGY: Strategy = {
  horizonMonths: 36,
  members: { floorPct: 5, tauPerMonth: 0.045, noisePct: 4 },
  employer: {
    family: 'time-dependent',
    minPct: 5,
    maxPct: 14,
    deadlineMonths: 24,
    e: 0.5,
    offerEveryWeeks: 16,
    imposeHazardPerWeek: 0,
  },
  awards: { month: 7, pct: 8, body: 'the pay review body' },
  union: {
    putToMembers: 0.25,
    committeeMarginPct: 2,
    strikeEveryWeeks: 5,
    strikeDays: { base: 3, perGapPoint: 0.05, max: 5 },
    reballot: {
      leadWeeks: 8,
      windowWeeks: 5,
      entitled: 47_000,
      turnoutPct: 75,
      declinePerBallot: 7,
      yesPct: 97,
      sdPct: 3,
    },
    abandonAfterFailedBallot: 0.5,
  },
};
