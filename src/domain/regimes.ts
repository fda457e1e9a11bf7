/**
 * The law on industrial-action ballots in Great Britain as data: which thresholds, mandate lengths and notice
 * periods applied on which dates, with the sources that say so.
 */
import { parseInstant } from './time.js';

/** The identifiers of the legal regimes the simulator knows. */
export const REGIME_IDS = ['tulrca-1992', 'tua-2016', 'era-2025'] as const;

/** A legal regime's identifier. */
export type RegimeId = (typeof REGIME_IDS)[number];

/** How long a ballot's mandate lasts under a regime. */
export type MandateRule =
  | {
      /** Action must begin within a window after the ballot closes; once begun, the mandate lasts until given up. */
      kind: 'until-given-up';
      startWithinWeeks: number;
    }
  | {
      /** The mandate runs for a fixed number of months from the close of the ballot. */
      kind: 'fixed';
      months: number;
      /** The longest the parties may agree to run it, in months (equal to `months` when no extension is allowed). */
      maxMonthsByAgreement: number;
    };

/** One legal regime: the rules for ballots opened, and notices given, while it is in force. */
export interface Regime {
  id: RegimeId;
  name: string;
  /** Ballots opened (and notices given) on or after this UK day fall under this regime. */
  from: string;
  /** The last UK day of the regime, if it has ended. */
  until?: string;
  /** Minimum share of those entitled who must vote, or null for none. */
  turnoutThreshold: number | null;
  /** Minimum share of those entitled who must vote yes in important public services (health), or null for none. */
  importantServicesSupportThreshold: number | null;
  mandate: MandateRule;
  /** Days of notice the union must give the employer before action starts. */
  noticeDays: number;
  summary: string;
  sources: string[];
}

/** The regimes, oldest first. */
export const REGIMES: readonly Regime[] = [
  {
    id: 'tulrca-1992',
    name: 'Before the Trade Union Act 2016',
    from: '1992-07-16',
    until: '2017-02-28',
    turnoutThreshold: null,
    importantServicesSupportThreshold: null,
    mandate: { kind: 'until-given-up', startWithinWeeks: 4 },
    noticeDays: 7,
    summary:
      'A simple majority of votes cast; no turnout threshold; 7 days’ notice; action must begin within 4 weeks of the close (longer by agreement), after which the mandate lasts until the union gives it up.',
    sources: [
      'https://brodies.com/insights/employment-and-immigration/the-trade-union-act-2016-what-changed-on-1-march-2017/',
      'http://www.bmj.com/content/355/bmj.i6070',
    ],
  },
  {
    id: 'tua-2016',
    name: 'Trade Union Act 2016',
    from: '2017-03-01',
    until: '2026-02-17',
    turnoutThreshold: 0.5,
    importantServicesSupportThreshold: 0.4,
    mandate: { kind: 'fixed', months: 6, maxMonthsByAgreement: 9 },
    noticeDays: 14,
    summary:
      'At least 50% turnout; in important public services such as health at least 40% of all those entitled must vote yes; a mandate of 6 months from the close (9 by agreement); 14 days’ notice.',
    sources: [
      'https://www.xperthr.co.uk/editors-choice/trade-union-act-2016/159971/',
      'https://www.lexology.com/library/detail.aspx?g=7f171f7d-4368-4255-8cf3-f010ec1414a1',
    ],
  },
  {
    id: 'era-2025',
    name: 'Employment Rights Act 2025 (first changes)',
    from: '2026-02-18',
    turnoutThreshold: 0.5,
    importantServicesSupportThreshold: null,
    mandate: { kind: 'fixed', months: 12, maxMonthsByAgreement: 12 },
    noticeDays: 10,
    summary:
      'From 18 February 2026: the 40% support threshold is repealed, the 50% turnout rule stays (its repeal waits on e-balloting), mandates last 12 months with no extension, and notice is 10 days.',
    sources: [
      'https://knowledge.dlapiper.com/dlapiperknowledge/globalemploymentlatestdevelopments/2026/first-ERA-measures-come-into-force',
      'https://hunterlaw.uk/blog/employment-rights-act-2025-key-trade-union-changes',
      'https://www.crosslandsolicitors.com/site/media/employment-rights-act-2025/trade-union-and-industrial-action',
    ],
  },
];

// The oldest regime is the default for any earlier instant, so its first day is never compared (and parsing a
// day before 1996 would load the time-zone database at start-up for nothing).
const starts = REGIMES.map((r, i) => (i === 0 ? Number.NEGATIVE_INFINITY : parseInstant(r.from)));

/** The regime with this identifier. */
export function regimeById(id: RegimeId): Regime {
  const found = REGIMES.find((r) => r.id === id);
  if (!found) throw new RangeError(`unknown regime ${id}`);
  return found;
}

/** The regime in force at an instant (UK local days; the newest regime whose first day has begun). */
export function regimeAt(epochMs: number): Regime {
  let chosen = REGIMES[0] as Regime;
  REGIMES.forEach((r, i) => {
    if (epochMs >= (starts[i] ?? Number.POSITIVE_INFINITY)) chosen = r;
  });
  return chosen;
}

/** How a scenario chooses its rules: by the date of each ballot and notice, or one regime throughout. */
export type RulesChoice = 'by-date' | RegimeId;

/** The regime governing a ballot opened at an instant. */
export function regimeForBallot(rules: RulesChoice, openedMs: number): Regime {
  return rules === 'by-date' ? regimeAt(openedMs) : regimeById(rules);
}

/** The regime governing a notice of action given at an instant. */
export function regimeForNotice(rules: RulesChoice, givenMs: number): Regime {
  return rules === 'by-date' ? regimeAt(givenMs) : regimeById(rules);
}

/**
 * The figures of a closed ballot, as far as they were published: counts, shares, the announced result, or (for a
 * ballot run employer by employer) how many of its constituencies met the thresholds. Nothing here is derived.
 */
export interface BallotFigures {
  entitled?: number | undefined;
  cast?: number | undefined;
  yes?: number | undefined;
  no?: number | undefined;
  /** Votes cast as a share of those entitled, in per cent, as published. */
  turnoutPct?: number | undefined;
  /** Yes votes as a share of votes cast, in per cent, as published. */
  yesPct?: number | undefined;
  /** The result as announced, where the figures published cannot decide it. */
  result?: 'mandate' | 'no-mandate' | undefined;
  /** A disaggregated ballot: one per constituency (employer), with how many met every threshold. */
  constituencies?: { met: number; balloted?: number | undefined; unit: string } | undefined;
}

/**
 * The verdict on a ballot under a regime. `mandate` is what the figures decide, or (where they cannot decide a
 * test) what was announced; `undecided` names the tests the figures could not decide. Shares are fractions, and
 * absent where the figures do not give them.
 */
export interface BallotVerdict {
  mandate: boolean;
  turnout?: number;
  yesShareOfCast?: number;
  yesShareOfEntitled?: number;
  /** Why the result gave a mandate or not, test by test, in words. */
  reasons: string[];
  /** The tests the published figures could not decide (then `mandate` is the announced result). */
  undecided: string[];
  /** What the figures alone decide: a mandate, none, or undefined when they cannot decide. */
  byFigures: boolean | undefined;
  /** Where figures decide the result and the announced result says otherwise, why. */
  contradiction?: string;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

const ratio = (a: number | undefined, b: number | undefined): number | undefined =>
  a !== undefined && b !== undefined && b > 0 ? a / b : undefined;

/**
 * Whether a ballot's figures give a mandate under a regime, for a union in an important public service or not.
 * Each test (majority, turnout, support among those entitled) is judged from counts where they were published,
 * else from published shares; a test neither decides is left to the announced result. A disaggregated ballot
 * gives a mandate where any constituency met every threshold.
 */
export function judgeBallot(regime: Regime, figures: BallotFigures, importantPublicService = true): BallotVerdict {
  if (figures.constituencies) return judgeDisaggregated(figures);
  const turnout =
    ratio(figures.cast, figures.entitled) ?? (figures.turnoutPct !== undefined ? figures.turnoutPct / 100 : undefined);
  const yesShareOfCast =
    ratio(figures.yes, figures.cast) ?? (figures.yesPct !== undefined ? figures.yesPct / 100 : undefined);
  const yesShareOfEntitled =
    ratio(figures.yes, figures.entitled) ??
    (turnout !== undefined && yesShareOfCast !== undefined ? turnout * yesShareOfCast : undefined);
  const reasons: string[] = [];
  const undecided: string[] = [];
  let failed = false;
  const test = (name: string, pass: boolean | undefined, fail: string) => {
    if (pass === undefined) undecided.push(name);
    else if (!pass) {
      failed = true;
      reasons.push(fail);
    }
  };
  const { yes, no } = figures;
  const majority =
    yes !== undefined && no !== undefined ? yes > no : yesShareOfCast !== undefined ? yesShareOfCast > 0.5 : undefined;
  test(
    'majority',
    majority,
    yes !== undefined && no !== undefined
      ? `no majority for action (${yes} yes, ${no} no)`
      : `no majority for action (${pct(yesShareOfCast ?? 0)} yes)`,
  );
  if (regime.turnoutThreshold !== null) {
    const threshold = regime.turnoutThreshold;
    test(
      'turnout',
      turnout === undefined ? undefined : turnout >= threshold,
      `turnout ${pct(turnout ?? 0)} is under the ${pct(threshold)} threshold`,
    );
  }
  const support = regime.importantServicesSupportThreshold;
  if (importantPublicService && support !== null) {
    test(
      'support',
      yesShareOfEntitled === undefined ? undefined : yesShareOfEntitled >= support,
      `yes votes are ${pct(yesShareOfEntitled ?? 0)} of those entitled, under the ${pct(support)} threshold`,
    );
  }
  const byFigures = failed ? false : undecided.length === 0 ? true : undefined;
  const announced = figures.result === undefined ? undefined : figures.result === 'mandate';
  const mandate = byFigures ?? announced ?? false;
  if (byFigures === undefined && announced !== undefined) {
    reasons.push(
      `${announced ? 'a mandate' : 'no mandate'} as announced: the figures published do not decide the ${undecided.join(', ')} test${undecided.length > 1 ? 's' : ''}`,
    );
  }
  const verdict: BallotVerdict = {
    mandate,
    reasons,
    undecided: byFigures === undefined ? undecided : [],
    byFigures,
    ...(turnout !== undefined ? { turnout } : {}),
    ...(yesShareOfCast !== undefined ? { yesShareOfCast } : {}),
    ...(yesShareOfEntitled !== undefined ? { yesShareOfEntitled } : {}),
  };
  if (byFigures !== undefined && announced !== undefined && announced !== byFigures) {
    verdict.contradiction = byFigures
      ? 'the figures meet every threshold, but the result says no mandate'
      : `the result says a mandate, but ${reasons.join('; ')}`;
  }
  return verdict;
}

/** A ballot run constituency by constituency: a mandate where any met every threshold; no national shares. */
function judgeDisaggregated(figures: BallotFigures): BallotVerdict {
  const c = figures.constituencies as NonNullable<BallotFigures['constituencies']>;
  const of = c.balloted !== undefined ? ` of ${c.balloted}` : '';
  const byFigures = c.met > 0;
  const verdict: BallotVerdict = {
    mandate: byFigures,
    reasons: [
      byFigures
        ? `the thresholds were met at ${c.met}${of} ${c.unit}, which the mandate covers`
        : `the thresholds were met at none${of ? ` of the ${c.balloted}` : ''} ${c.unit}`,
    ],
    undecided: [],
    byFigures,
  };
  if (figures.result !== undefined && (figures.result === 'mandate') !== byFigures) {
    verdict.contradiction = byFigures
      ? `the thresholds were met at ${c.met} ${c.unit}, but the result says no mandate`
      : 'the result says a mandate, but the thresholds were met nowhere';
  }
  return verdict;
}
