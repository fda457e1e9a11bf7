/** Disputes side by side: duration, ballots, action, offers against the claim, outcome — one screen. */

import type { ActionRecord, BallotRecord } from '../schemas/record.js';
import type { Trace, TraceStep } from '../schemas/trace.js';
import { ballotFigureWords, claimWords, EventNames, humanDate, outcomeWords, wrapWords } from './describe.js';
import type { Palette } from './palette.js';

/** The figures of one dispute that a comparison shows. */
export interface DisputeSummary {
  id: string;
  title: string;
  from: string;
  to: string;
  months: number;
  ballots: string[];
  strikesHeld: number;
  daysOfAction: number;
  daysCalledOff: number;
  claim: string;
  offers: string[];
  awards: string[];
  accepted: string;
  secretaries: string[];
  outcome: string;
}

const pct = (x: number | undefined): string => (x === undefined ? '?' : `${Number(x.toFixed(2))}%`);

/** A closed ballot in a few words, from what was published: shares, or the constituencies that met the thresholds. */
function ballotShort(b: BallotRecord): string {
  if (b.constituencies) return `met at ${b.constituencies.met} ${b.constituencies.unit}`;
  if (b.yesPct === undefined && b.turnoutPct === undefined)
    return `${b.mandate ? 'mandate' : 'no mandate'}, figures not published`;
  return ballotFigureWords({ yesPct: b.yesPct, turnoutPct: b.turnoutPct }).replace(' on ', ', ');
}

/** The summary of a replay's final record. */
export function summarize(trace: Trace): DisputeSummary {
  const { dispute, balloting, negotiation, action, surroundings } = trace.final.context;
  const from = dispute.declaredAt ?? trace.steps[0]?.date ?? trace.final.date;
  const to = trace.final.date;
  const months = Math.round(((Date.parse(to) - Date.parse(from)) / 86_400_000 / 30.44) * 10) / 10;
  const planned = (a: ActionRecord) => Math.ceil((Date.parse(a.end) - Date.parse(a.start)) / 86_400_000 - 1e-9);
  const accepted = negotiation.offers.find((o) => o.status === 'accepted');
  return {
    id: trace.scenario.id,
    title: trace.scenario.title,
    from,
    to,
    months,
    ballots: balloting.ballots.filter((b) => b.closedAt).map((b) => `${ballotShort(b)}${b.mandate ? '' : ' (failed)'}`),
    strikesHeld: action.actions.filter((a) => a.status === 'held').length,
    daysOfAction: action.daysOfAction,
    daysCalledOff: action.actions
      .filter((a) => a.status === 'suspended' || a.status === 'cancelled')
      .reduce((sum, a) => sum + planned(a), 0),
    claim: !dispute.claim
      ? 'terms, not a pay figure'
      : dispute.claim.payRestorationPct !== undefined && !dispute.claim.indexPlus
        ? `${pct(dispute.claim.payRestorationPct)} pay restoration`
        : dispute.claim.indexPlus || dispute.claim.restorationSince
          ? claimWords(dispute.claim)
          : 'terms, not a pay figure',
    offers: negotiation.offers
      .filter((o) => o.payUpliftPct !== undefined)
      .map((o) => `${pct(o.payUpliftPct)} (${o.status})`),
    awards: negotiation.awards
      .filter((a) => a.payUpliftPct !== undefined)
      .map((a) => `${pct(a.payUpliftPct)} ${a.payYear ?? ''}`.trim()),
    accepted: accepted ? (accepted.payUpliftPct !== undefined ? `${pct(accepted.payUpliftPct)} deal` : 'a deal') : '—',
    secretaries: [
      ...new Set(
        surroundings.officeHolders
          .filter((o) => /health/i.test(o.role) && /secretary/i.test(o.role))
          .map((o) => o.holder),
      ),
    ],
    outcome: outcomeWords(trace.final.outcome, trace.final.context),
  };
}

/** How each row of a comparison reads a summary, by the row's name. */
const CELLS: Record<string, (s: DisputeSummary) => string> = {
  dispute: (s) => s.id,
  period: (s) => `${humanDate(s.from)} – ${humanDate(s.to)}`,
  ends: (s) => humanDate(s.to),
  duration: (s) => `${s.months} months`,
  ballots: (s) => (s.ballots.length ? s.ballots.join('; ') : 'none'),
  'strikes held': (s) => String(s.strikesHeld),
  'days of action': (s) => String(s.daysOfAction),
  'days called off': (s) => String(s.daysCalledOff),
  claim: (s) => s.claim,
  'offers (pay)': (s) => (s.offers.length ? s.offers.join(', ') : 'none with a pay figure'),
  'pay review awards': (s) => (s.awards.length ? s.awards.join(', ') : 'none'),
  accepted: (s) => s.accepted,
  'health secretaries': (s) => s.secretaries.join(', ') || '—',
  outcome: (s) => s.outcome,
};

/** The rows both comparisons show, in order, between their own first and last rows. */
const SHARED_ROWS = [
  'ballots',
  'strikes held',
  'days of action',
  'days called off',
  'claim',
  'offers (pay)',
  'pay review awards',
  'accepted',
  'health secretaries',
];

/** Rows by name, each with how it reads a summary. */
function rowsOf(names: string[]): [string, (s: DisputeSummary) => string][] {
  return names.map((name) => [name, CELLS[name] ?? (() => '')]);
}

/** The comparison as a table, for a report: a head of the disputes' titles, then one row a figure. */
export function comparisonTable(traces: readonly Trace[]): { head: string[]; rows: string[][] } {
  const summaries = traces.map(summarize);
  const rows = rowsOf(['period', 'duration', ...SHARED_ROWS, 'outcome']);
  return {
    head: ['', ...summaries.map((s) => s.title)],
    rows: rows.map(([name, cell]) => [name, ...summaries.map(cell)]),
  };
}

/** A one-screen comparison of several replays, one column a dispute. */
export function renderComparison(traces: Trace[], p: Palette, width = 110, heading = 'Comparison'): string {
  const summaries = traces.map(summarize);
  const label = 22;
  const col = Math.max(20, Math.floor((width - label) / Math.max(1, summaries.length)) - 2);
  const rows = rowsOf(['dispute', 'period', 'duration', ...SHARED_ROWS, 'outcome']);
  const lines = [p.bold(heading)];
  for (const [name, cell] of rows) {
    const cells = summaries.map((s) => wrapWords(cell(s), col));
    const height = Math.max(...cells.map((c) => c.length));
    for (let i = 0; i < height; i++) {
      const head = i === 0 ? name : '';
      const body = cells.map((c) => (c[i] ?? '').padEnd(col)).join('  ');
      const styled = name === 'outcome' || name === 'dispute' ? p.bold(body) : body;
      lines.push(`${p.dim(head.padEnd(label))}${styled.trimEnd()}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The comparisons a set of replays falls into, by the `groups` their scenarios name, in the order each group is
 * first named; a replay in no group goes into a last group of its own. Without groups, one comparison of all.
 */
export function comparisonGroups(
  replays: readonly { trace: Trace; groups?: readonly string[] | undefined }[],
): { heading: string; traces: Trace[] }[] {
  const groups = new Map<string, Trace[]>();
  const loose: Trace[] = [];
  for (const { trace, groups: names = [] } of replays) {
    if (names.length === 0) loose.push(trace);
    for (const name of names) groups.set(name, [...(groups.get(name) ?? []), trace]);
  }
  if (groups.size === 0) return [{ heading: 'Comparison', traces: replays.map((r) => r.trace) }];
  const out = [...groups].map(([name, members]) => ({ heading: `Comparison: ${name}`, traces: members }));
  if (loose.length > 0) out.push({ heading: 'Comparison: other disputes', traces: loose });
  return out;
}

/** A branch set beside its base: where it diverges, and each figure of both, the differences marked. */
export interface BranchComparison {
  base: DisputeSummary;
  branch: DisputeSummary;
  /** The base's event the branch replaces from, with its instant; none for a branch that only changes the rules. */
  divergesAt?: { id: string; date: string; event: string };
  /** The law each replays under, where the branch changes it. */
  rules?: { base: string; branch: string };
  /** Events of the branch the machine refused, by id. */
  refused: string[];
  /** When the branch's own events begin, where that is before the base event it diverges at. */
  firstOwn?: string;
  /** The base event the branch goes back to the record at, if it does. */
  rejoinsAt?: string;
  /** The rows whose values differ, by name. */
  differences: string[];
}

/** The rows a branch comparison shows: when it ends, then what the comparison of disputes shows. */
const BRANCH_ROWS = rowsOf(['outcome', 'ends', 'duration', ...SHARED_ROWS]);

/** A branch against its base: the summaries, the divergence, what the branch had refused, and what differs. */
export function compareBranch(
  branch: Trace,
  base: Trace,
  divergesAt: string | undefined,
  options: { rejoinsAt?: string | undefined; own?: readonly string[] } = {},
): BranchComparison {
  const [b, a] = [summarize(branch), summarize(base)];
  const step = divergesAt === undefined ? undefined : base.steps.find((s) => s.id === divergesAt);
  const own = new Set(options.own ?? []);
  const firstOwn = branch.steps.find((s) => s.id !== undefined && own.has(s.id))?.date;
  return {
    base: a,
    branch: b,
    ...(step && divergesAt !== undefined
      ? { divergesAt: { id: divergesAt, date: step.date, event: describedInTurn(base, step) } }
      : {}),
    ...(branch.scenario.rules !== base.scenario.rules
      ? { rules: { base: base.scenario.rules, branch: branch.scenario.rules } }
      : {}),
    refused: branch.steps.filter((s) => !s.accepted).map((s) => s.id ?? String(s.index)),
    ...(firstOwn && step && firstOwn < step.date ? { firstOwn } : {}),
    ...(options.rejoinsAt ? { rejoinsAt: options.rejoinsAt } : {}),
    differences: BRANCH_ROWS.filter(([, cell]) => cell(a) !== cell(b)).map(([name]) => name),
  };
}

/** A branch comparison on one screen: the divergence, then base and branch side by side, differences marked ≠. */
export function renderBranchComparison(c: BranchComparison, p: Palette, width = 110): string {
  const label = 18;
  const col = Math.max(24, Math.floor((width - label - 4) / 2) - 2);
  const lines = [p.bold(`${c.branch.title}`), `${p.dim('against')} ${c.base.title}`];
  if (c.divergesAt) {
    const own = c.firstOwn ? `; its own events from ${humanDate(c.firstOwn)}` : '';
    lines.push(
      `${p.bold('Diverges at')} ${c.divergesAt.id} (${humanDate(c.divergesAt.date)}): ${c.divergesAt.event}${own}`,
    );
  }
  if (c.rejoinsAt) lines.push(`${p.bold('Rejoins the record at')} ${c.rejoinsAt}`);
  if (c.rules) lines.push(`${p.bold('Rules')} ${c.rules.branch} instead of ${c.rules.base}`);
  if (c.refused.length) lines.push(`${p.bold(`Refused in the branch (${c.refused.length}):`)} ${c.refused.join(', ')}`);
  lines.push('', `${''.padEnd(label + 2)}${p.bold(c.base.id.padEnd(col))}  ${p.bold(c.branch.id)}`);
  for (const [name, cell] of BRANCH_ROWS) {
    const differs = c.differences.includes(name);
    const [left, right] = [wrapWords(cell(c.base), col), wrapWords(cell(c.branch), col)];
    const height = Math.max(left.length, right.length);
    for (let i = 0; i < height; i++) {
      const mark = i === 0 && differs ? p.yellow('≠ ') : '  ';
      const head = i === 0 ? name : '';
      const body = `${(left[i] ?? '').padEnd(col)}  ${differs ? p.yellow(right[i] ?? '') : (right[i] ?? '')}`;
      lines.push(`${mark}${p.dim(head.padEnd(label))}${body.trimEnd()}`);
    }
  }
  const same = BRANCH_ROWS.length - c.differences.length;
  lines.push('', p.dim(`${c.differences.length} of ${BRANCH_ROWS.length} rows differ (≠); ${same} are the same.`));
  return `${lines.join('\n')}\n`;
}

/** A step of a Trace described as a reader meets it: named by what the steps before it introduced. */
function describedInTurn(trace: Trace, step: TraceStep): string {
  const names = new EventNames();
  for (const s of trace.steps) {
    if (s === step) break;
    names.see(s.event);
  }
  return names.describe(step.event);
}
