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

/** The figures of a closed ballot. */
export interface BallotFigures {
  entitled: number;
  cast: number;
  yes: number;
  no: number;
}

/** The verdict on a ballot under a regime: whether it gives a mandate, and the reasons if not. */
export interface BallotVerdict {
  mandate: boolean;
  turnout: number;
  yesShareOfCast: number;
  yesShareOfEntitled: number;
  reasons: string[];
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Whether a ballot's figures give a mandate under a regime, for a union in an important public service or not. */
export function judgeBallot(regime: Regime, figures: BallotFigures, importantPublicService = true): BallotVerdict {
  const turnout = figures.entitled > 0 ? figures.cast / figures.entitled : 0;
  const yesShareOfCast = figures.cast > 0 ? figures.yes / figures.cast : 0;
  const yesShareOfEntitled = figures.entitled > 0 ? figures.yes / figures.entitled : 0;
  const reasons: string[] = [];
  if (figures.yes <= figures.no) reasons.push(`no majority for action (${figures.yes} yes, ${figures.no} no)`);
  if (regime.turnoutThreshold !== null && turnout < regime.turnoutThreshold) {
    reasons.push(`turnout ${pct(turnout)} is under the ${pct(regime.turnoutThreshold)} threshold`);
  }
  const support = regime.importantServicesSupportThreshold;
  if (importantPublicService && support !== null && yesShareOfEntitled < support) {
    reasons.push(`yes votes are ${pct(yesShareOfEntitled)} of those entitled, under the ${pct(support)} threshold`);
  }
  return { mandate: reasons.length === 0, turnout, yesShareOfCast, yesShareOfEntitled, reasons };
}
