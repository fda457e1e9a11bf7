/**
 * A teaching pack as data, built from a scenario and its replay, before any format: the teacher's pack (the whole
 * dispute, its decision points, role briefs, the epilogue and what the shipped what-ifs show) or the student
 * handout (the same up to a cut, with nothing that gives the ending away). Every fact it holds carries the
 * references that back it; the renderers (html.ts, markdown.ts) only lay it out.
 */
import { REGIMES, type Regime, regimeById } from '../../domain/regimes.js';
import type { DisputeRecord } from '../../schemas/record.js';
import { type Scenario, type Source, teachingOf } from '../../schemas/scenario.js';
import type { Trace } from '../../schemas/trace.js';
import { explore } from '../../simulation/explore.js';
import { replay } from '../../simulation/replay.js';
import type { InspectionStep } from '../../web/page/types.js';
import { inspectionSteps } from '../../web/steps.js';
import { comparisonTable, summarize } from '../compare.js';
import { ballotFigureWords, claimWords, daySpan, humanDate, outcomeWords } from '../describe.js';
import { type ReportChart, reportCharts } from './charts.js';
import { type GlossaryEntry, glossaryWith } from './glossary.js';

/** A numbered reference: a source of a scenario, or one behind the law the pack states. */
export interface Reference {
  n: number;
  /** The scenario's source id (`kind: source`), or the law's address (`kind: law`). */
  id: string;
  kind: 'source' | 'law';
  publisher: string;
  title: string;
  url: string;
  date?: string;
  /** In a student handout, a source published after the cut: its title, address and date are held back. */
  withheld?: true;
}

/** A line of the pack with the references behind it. */
export interface Cited {
  text: string;
  refs: number[];
}

/** One dated step of the timeline. */
export interface TimelineEntry {
  date: string;
  when: string;
  text: string;
  note?: string;
  /** Hindsight (the event's `later`): the teacher's pack only. */
  later?: string;
  refs: number[];
  /** Not the event itself but time passing (a strike beginning on its day). */
  byTime: boolean;
  refused?: string;
  /** True where the pack asks the class before this step. */
  decision: boolean;
}

/** A point where the class is asked what it would do, before the step that history took. */
export interface PackDecision {
  date: string;
  /** Its day and the kind of step the class is asked before, never what it was (that is `happened`). */
  heading: string;
  /** The roads the law and the record left open just before it, in words. */
  options: string[];
  questions: string[];
  /** What happened, and what it changed (teacher's pack only). */
  happened?: Cited;
  changed?: string;
}

/** One side's brief for a role-play, from the record just before the chosen point. */
export interface RoleBrief {
  side: string;
  who: string;
  /** What this side is after, from the record: the union its claim, the employer its offer on the table. */
  lines: Cited[];
  /** What the teacher wrote for this side, beside the record. */
  instructions: string[];
}

/** The law that judged the dispute's ballots and notices, over the stretch of the pack it covers. */
export interface LawEntry {
  name: string;
  from: string;
  until?: string;
  turnout: string;
  support: string;
  notice: string;
  mandate: string;
  refs: number[];
}

/** A shipped what-if of the dispute, replayed: what it shows (teacher's pack only). */
export interface WhatIfResult {
  id: string;
  title: string;
  summary: string;
  outcome: string;
  daysOfAction: number;
  offers: string;
}

/** One dispute's part of a pack. */
export interface PackDispute {
  id: string;
  title: string;
  period: string;
  synopsis: string;
  audience?: string;
  objectives: string[];
  parties: { name: string; side: string }[];
  offices: Cited[];
  law: LawEntry[];
  timeline: TimelineEntry[];
  charts: ReportChart[];
  /** The charts' references, by chart id. */
  chartRefs: Record<string, number[]>;
  decisions: PackDecision[];
  roles?: { when: string; before: string; facts: Cited[]; briefs: RoleBrief[] };
  /** What actually happened (teacher's pack only). */
  epilogue?: { outcome: string; ended: string; summary: string; figures: Cited[] };
  whatIfs: WhatIfResult[];
  discussion: string[];
  debrief: string[];
}

/** A whole pack. */
export interface Pack {
  kind: 'teacher' | 'student' | 'comparison';
  title: string;
  /** For a handout: the day it stops at. */
  until?: string;
  disputes: PackDispute[];
  comparison?: { head: string[]; rows: string[][] };
  glossary: GlossaryEntry[];
  references: Reference[];
}

/** What a pack is, as its heading says it: `Teacher’s pack`, `Student handout, to 22 May 2023`. */
export function packKindWords(pack: Pack): string {
  if (pack.kind === 'teacher') return 'Teacher’s pack';
  if (pack.kind === 'student') return `Student handout, to ${humanDate(pack.until ?? '')}`;
  return 'Comparison pack';
}

/** How to build a pack. */
export interface PackOptions {
  student?: boolean;
  /** Where a handout stops: an event id (the handout ends before it) or a day (it ends with that day). */
  until?: string;
  /** The shipped counterfactuals of the dispute (teacher's pack: the epilogue says what each shows). */
  whatIfs?: readonly Scenario[];
}

/** A cut that names neither an event of the scenario nor a day in its period. */
export class UnknownCutError extends Error {
  constructor(
    readonly until: string,
    readonly scenario: string,
  ) {
    super(`--until ${until} is neither an event id of ${scenario} nor a day (YYYY-MM-DD) in its period`);
  }
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The days a text names, as YYYY-MM-DD: ISO days (`2023-03-13`, also inside an address) and days written out
 * (`13 Mar 2023`, `13 March 2023`, the first of `13–16 Mar 2023`). A handout holds back what names a day after
 * its cut.
 */
export function daysNamed(text: string): string[] {
  const out = [...text.matchAll(/(\d{4})[-/](\d{2})[-/](\d{2})/g)].map((m) => `${m[1]}-${m[2]}-${m[3]}`);
  for (const m of text.matchAll(/\b(\d{1,2})(?:–\d{1,2})? ([A-Z][a-z]{2,8}) (\d{4})\b/g)) {
    const month = MONTH_NAMES.indexOf((m[2] ?? '').slice(0, 3).toLowerCase());
    if (month >= 0) out.push(`${m[3]}-${String(month + 1).padStart(2, '0')}-${String(m[1]).padStart(2, '0')}`);
  }
  return out;
}

const namesLater = (text: string, cut: string | undefined) => cut !== undefined && daysNamed(text).some((d) => d > cut);

/** Numbers references in first-cited order, one list for the whole pack. */
class Citations {
  readonly list: Reference[] = [];
  private readonly byKey = new Map<string, number>();
  /** A handout's last day: sources published after it are held back. */
  cut: string | undefined;

  /** The numbers of these sources of a scenario, unknown ids left out. */
  sources(sources: Record<string, Source>, ids: readonly string[]): number[] {
    return ids.flatMap((id) => {
      const source = sources[id];
      if (!source) return [];
      const key = `source:${id}`;
      const known = this.byKey.get(key);
      if (known !== undefined) return [known];
      const n = this.list.length + 1;
      // Published after the cut, or naming a later day in its title or address: held back from a handout.
      const late =
        this.cut !== undefined &&
        ((source.date !== undefined && source.date.slice(0, 10) > this.cut) ||
          namesLater(`${source.title} ${source.url}`, this.cut));
      this.list.push({
        n,
        id,
        kind: 'source',
        publisher: source.publisher,
        title: late ? '' : source.title,
        url: late ? '' : source.url,
        ...(source.date && !late ? { date: source.date } : {}),
        ...(late ? { withheld: true as const } : {}),
      });
      this.byKey.set(key, n);
      return [n];
    });
  }

  /** The numbers of the sources behind a legal regime. */
  law(regime: Regime): number[] {
    return regime.sources.map((url) => {
      const key = `law:${url}`;
      const known = this.byKey.get(key);
      if (known !== undefined) return known;
      const n = this.list.length + 1;
      const host = /^https?:\/\/(?:www\.)?([^/]+)/.exec(url)?.[1] ?? url;
      this.list.push({ n, id: url, kind: 'law', publisher: host, title: `On the ${regime.name}`, url });
      this.byKey.set(key, n);
      return n;
    });
  }
}

const pctWords = (x: number | undefined) => (x === undefined ? '' : `${Number(x.toFixed(2))}%`);

/** The law over a stretch of days: each regime in force for part of it (or the one a scenario supposes). */
function lawOver(scenario: Scenario, from: string, to: string, cite: Citations): LawEntry[] {
  const regimes =
    scenario.rules === 'by-date'
      ? REGIMES.filter((r) => r.from <= to.slice(0, 10) && (r.until === undefined || r.until >= from.slice(0, 10)))
      : [regimeById(scenario.rules)];
  return regimes.map((r) => ({
    name: r.name,
    from: r.from,
    ...(r.until && r.until <= to.slice(0, 10) ? { until: r.until } : {}),
    turnout: r.turnoutThreshold === null ? 'none' : `at least ${r.turnoutThreshold * 100}% of those entitled vote`,
    support:
      r.importantServicesSupportThreshold === null || !scenario.importantPublicService
        ? 'a majority of votes cast'
        : `a majority, and at least ${r.importantServicesSupportThreshold * 100}% of all those entitled, vote yes (important public services)`,
    notice: `${r.noticeDays} days`,
    mandate:
      r.mandate.kind === 'fixed'
        ? `${r.mandate.months} months from the close${r.mandate.maxMonthsByAgreement > r.mandate.months ? ` (${r.mandate.maxMonthsByAgreement} by agreement)` : ''}`
        : `action must begin within ${r.mandate.startWithinWeeks} weeks of the close; then until given up`,
    refs: cite.law(r),
  }));
}

/** The index of the last step a handout shows, and the day it stops at. */
function cutOf(
  scenario: Scenario,
  steps: readonly InspectionStep[],
  decisions: readonly number[],
  until: string | undefined,
): { last: number; day: string } {
  if (until === undefined) {
    // The first decision point: the handout stops just before it, and asks there.
    const first = decisions[0] ?? steps.length;
    const last = first - 1;
    return { last, day: (steps[last]?.date ?? scenario.period.from).slice(0, 10) };
  }
  const event = steps.findIndex((s) => s.id === until);
  if (event >= 0) return { last: event - 1, day: (steps[event - 1]?.date ?? scenario.period.from).slice(0, 10) };
  if (/^\d{4}-\d{2}-\d{2}$/.test(until) && until >= scenario.period.from && until <= scenario.period.to) {
    return { last: steps.findLastIndex((s) => s.date.slice(0, 10) <= until), day: until };
  }
  throw new UnknownCutError(until, scenario.id);
}

/** The record just before step `i` (the initial record before the first). */
function recordBefore(steps: readonly InspectionStep[], initial: DisputeRecord, i: number): DisputeRecord {
  return i > 0 ? (steps[i - 1]?.context ?? initial) : initial;
}

/** The sources of the steps that made each thing in the record, by kind and id (for citing the briefs' lines). */
function sourcesByThing(steps: readonly InspectionStep[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (key: string, sources: readonly string[]) => out.set(key, [...(out.get(key) ?? []), ...sources]);
  for (const s of steps) {
    const e = s.event;
    for (const k of ['offer', 'ballot', 'action', 'award', 'referendum'] as const) {
      if (typeof e[k] === 'string') add(`${k}:${e[k]}`, s.sources);
    }
    if (e.type === 'dispute.declared') add('claim', s.sources);
    if (e.type === 'poll.published') add('poll', s.sources);
  }
  return out;
}

/** Both sides' briefs just before step `at`: what each knew and wanted, from the record. */
function briefsAt(
  scenario: Scenario,
  steps: readonly InspectionStep[],
  initial: DisputeRecord,
  at: number,
  cite: Citations,
  withInstructions: boolean,
): { facts: Cited[]; briefs: RoleBrief[] } {
  const record = recordBefore(steps, initial, at);
  const made = sourcesByThing(steps.slice(0, Math.max(0, at)));
  const refs = (key: string) => cite.sources(scenario.sources, made.get(key) ?? []);
  const line = (text: string, key?: string): Cited => ({ text, refs: key ? refs(key) : [] });
  const { claim } = record.dispute;
  const { mandate, ballots } = record.balloting;
  const held = record.action.actions.filter((a) => a.status === 'held');
  const ahead = record.action.actions.filter((a) => a.status === 'called');
  const offers = record.negotiation.offers;
  const awards = record.negotiation.awards;
  const teaching = teachingOf(scenario);
  const union = scenario.parties.filter((p) => p.side === 'union').map((p) => p.name);
  const employer = scenario.parties.filter((p) => p.side === 'employer' || p.side === 'government').map((p) => p.name);
  const ballot = mandate ? ballots.find((b) => b.id === mandate.ballot) : undefined;
  const mandateLine = !mandate
    ? line('The union holds no mandate: a strike needs a ballot that passes first.')
    : mandate.endedAt
      ? line(
          `The union’s mandate ended on ${humanDate(mandate.endedAt)}; a strike needs a new ballot.`,
          `ballot:${mandate.ballot}`,
        )
      : line(
          `The union holds a mandate from the ballot of ${humanDate(ballot?.closedAt ?? '')} (${ballot ? ballotFigureWords(ballot) : ''})${mandate.expiresAt ? `, until ${humanDate(mandate.expiresAt)}` : ''}.`,
          `ballot:${mandate.ballot}`,
        );
  const strikesLine = line(
    `${record.action.daysOfAction} day${record.action.daysOfAction === 1 ? '' : 's'} of action so far, in ${held.length} strike${held.length === 1 ? '' : 's'}${ahead.length ? `; called and still to come: ${ahead.map((a) => daySpan(a.start, a.end)).join(', ')}` : ''}.`,
  );
  strikesLine.refs = [...held, ...ahead].flatMap((a) => refs(`action:${a.id}`));
  const offerLines = offers.map((o) =>
    line(`${humanDate(o.madeAt)}: ${o.by} offered ${o.summary} (${o.status}).`, `offer:${o.id}`),
  );
  const awardLines = awards.map((a) =>
    line(
      `${humanDate(a.publishedAt)}: the ${a.body} award, ${a.summary}${a.acceptedAt ? ' (accepted)' : ''}.`,
      `award:${a.id}`,
    ),
  );
  const claimLine = claim ? line(`The claim: ${claimWords(claim)}.`, 'claim') : line('No claim has been declared yet.');
  const poll = record.surroundings.polls?.at(-1);
  const pollLine = poll
    ? [
        line(
          `The latest poll (${poll.pollster}, ${humanDate(poll.at)}): ${pctWords(poll.supportPct)} of the public support the action.`,
          'poll',
        ),
      ]
    : [];
  // What both sides know is said once; each brief adds what its side is after.
  const onTable = offers.filter((o) => o.status === 'open' || o.status === 'putToMembers').at(-1);
  const employerAim = onTable
    ? line(`Your offer on the table: ${onTable.summary}.`, `offer:${onTable.id}`)
    : line('No offer of yours is on the table.');
  return {
    facts: [claimLine, mandateLine, strikesLine, ...offerLines, ...awardLines, ...pollLine],
    briefs: [
      {
        side: 'union',
        who: union.join(', ') || 'the union',
        lines: claim ? [line(`Your aim: ${claimWords(claim)}.`, 'claim')] : [],
        instructions: withInstructions ? (teaching.briefs?.union ?? []) : [],
      },
      {
        side: 'employer',
        who: employer.join(', ') || 'the employer',
        lines: [employerAim],
        instructions: withInstructions ? (teaching.briefs?.employer ?? []) : [],
      },
    ],
  };
}

/** A shipped what-if replayed, in the figures the epilogue sets beside history. */
function whatIfResult(whatIf: Scenario): WhatIfResult {
  const trace = replay(whatIf);
  const { negotiation, action } = trace.final.context;
  return {
    id: whatIf.id,
    title: whatIf.title,
    summary: teachingOf(whatIf).summary ?? whatIf.summary,
    outcome: outcomeWords(trace.final.outcome, trace.final.context),
    daysOfAction: action.daysOfAction,
    offers:
      negotiation.offers
        .filter((o) => o.payUpliftPct !== undefined)
        .map((o) => `${o.payUpliftPct}% ${o.status}`)
        .join(', ') || 'none with a pay figure',
  };
}

/**
 * The kind of step a class is asked before, in words that do not tell what it was: `a new offer`, `the ballot's
 * result` (never its figures, nor which way it went).
 */
export function pendingWords(type: string): string {
  const words: Record<string, string> = {
    'dispute.declared': 'a dispute is declared',
    'offer.made': 'a new offer',
    'offer.rejected': 'the committee’s answer to the offer',
    'offer.accepted': 'the committee’s answer to the offer',
    'offer.withdrawn': 'what becomes of the offer',
    'referendum.opened': 'a vote of the members',
    'referendum.closed': 'the result of the members’ vote',
    'ballot.opened': 'a strike ballot',
    'ballot.closed': 'the ballot’s result',
    'strike.called': 'a strike call',
    'strike.rescheduled': 'a change to a called strike',
    'strike.rescoped': 'a change to a called strike',
    'strike.suspended': 'a change to a called strike',
    'strike.cancelled': 'a change to a called strike',
    'strike.started': 'a strike day',
    'strike.ended': 'the end of a strike',
    'talks.opened': 'the next turn in the talks',
    'talks.concluded': 'the next turn in the talks',
    'talks.collapsed': 'the next turn in the talks',
    'conciliation.requested': 'a move towards conciliation',
    'conciliation.declined': 'a move towards conciliation',
    'conciliation.opened': 'a move towards conciliation',
    'conciliation.ended': 'the end of conciliation',
    'award.published': 'the pay review body’s award',
    'award.accepted': 'the government’s answer to the award',
    'terms.imposed': 'the employer’s next move',
    'terms.implemented': 'the employer’s next move',
    'terms.paused': 'the employer’s next move',
    'challenge.filed': 'a move in the courts',
    'challenge.decided': 'the court’s decision',
    'mandate.lapsed': 'the mandate’s end',
    'mandate.windowClosed': 'the mandate’s window closing',
    'mandate.extended': 'the mandate’s term',
    'mandate.relinquished': 'the mandate’s future',
    'dispute.ended': 'what comes next',
  };
  return words[type] ?? 'what comes next';
}

/** The questions a pack asks at a step: the scenario's own, its `ask`, else one of ours. */
function questionsAt(scenario: Scenario, id: string | undefined, ask: string | undefined): string[] {
  const own = id ? (teachingOf(scenario).questions?.[id] ?? []) : [];
  const out = [...own, ...(ask && !own.includes(ask) ? [ask] : [])];
  return out.length ? out : ['What would you do here, and why? What could each side still do?'];
}

/** One dispute's part of a pack, whole or cut. */
function disputePart(
  scenario: Scenario,
  cite: Citations,
  options: PackOptions,
): { part: PackDispute; trace: Trace; cutDay?: string; shown: Set<string> } {
  const { trace, initial: start, steps } = inspectionSteps(scenario);
  const initial = start.context;
  const teaching = teachingOf(scenario);
  let points: { index: number; note: string }[] = [];
  try {
    points = explore(scenario, { decisionPoints: 24 }).decisionPoints;
  } catch {
    points = [];
  }
  // The pack asks at explore's decision points and wherever the scenario asks a question of its own.
  const asked = new Set(Object.keys(teaching.questions ?? {}));
  const decisionIndex = new Map<number, string>();
  for (const p of points) if (p.index >= 0) decisionIndex.set(p.index, p.note);
  steps.forEach((s, i) => {
    if ((s.id && asked.has(s.id)) || s.question) decisionIndex.set(i, decisionIndex.get(i) ?? '');
  });
  const decisionList = [...decisionIndex.keys()].sort((a, b) => a - b);
  const student = !!options.student;
  const cut = student ? cutOf(scenario, steps, decisionList, options.until) : undefined;
  if (cut) cite.cut = cut.day;
  const last = cut ? cut.last : steps.length - 1;
  const shown = steps.slice(0, last + 1);
  const endDay = cut ? cut.day : trace.final.date.slice(0, 10);

  const timeline: TimelineEntry[] = shown.map((s, i) => ({
    date: s.date,
    when: s.when,
    text: s.description,
    ...(s.note ? { note: s.note } : {}),
    ...(s.later && !student ? { later: s.later } : {}),
    refs: cite.sources(scenario.sources, s.sources),
    byTime: s.cause === 'time',
    ...(s.accepted ? {} : { refused: s.reason ?? 'refused' }),
    decision: decisionIndex.has(i),
  }));

  // Each step's words, as inspectionSteps wrote them (named by the steps before it).
  const described = steps.map((s) => s.description);
  const decisions: PackDecision[] = decisionList
    .filter((i) => i <= last + (cut ? 1 : 0) && i < steps.length)
    .map((i) => {
      const s = steps[i] as InspectionStep;
      const before = i > 0 ? steps[i - 1] : undefined;
      const reveal = !student || i <= last;
      // The step a handout stops before is its future: not even its day is told, only that it comes next.
      const day = reveal ? s.date : (before?.date ?? scenario.period.from);
      return {
        date: day,
        heading: reveal
          ? `${s.when}: before ${pendingWords(s.event.type)}`
          : `After ${humanDate(day.slice(0, 10))}: what comes next?`,
        options: (before ? before.branches : start.branches).map((b) => b.label),
        questions: questionsAt(scenario, s.id, s.question),
        ...(reveal && !student
          ? {
              happened: { text: described[i] ?? '', refs: cite.sources(scenario.sources, s.sources) },
              changed: decisionIndex.get(i) ?? '',
            }
          : {}),
      };
    });

  // Role briefs: at the teacher's chosen point, or (in a handout) at its cut if that comes first.
  const rolesAtIndex = teaching.rolesAt ? steps.findIndex((s) => s.id === teaching.rolesAt) : -1;
  const rolesIndex = cut
    ? rolesAtIndex >= 0 && rolesAtIndex <= last + 1
      ? rolesAtIndex
      : last + 1
    : rolesAtIndex >= 0
      ? rolesAtIndex
      : (decisionList[0] ?? -1);
  const roles =
    rolesIndex >= 0 && rolesIndex < steps.length
      ? {
          when: humanDate((steps[rolesIndex - 1]?.date ?? scenario.period.from).slice(0, 10)),
          before: cut && rolesIndex > last ? 'what comes next' : pendingWords(steps[rolesIndex]?.event.type ?? ''),
          // The teacher's instructions are written for the chosen point: a handout cut before it leaves them out.
          ...briefsAt(scenario, steps, initial, rolesIndex, cite, rolesIndex === rolesAtIndex),
        }
      : undefined;

  const record = shown.at(-1)?.context ?? initial;
  const offices = record.surroundings.officeHolders.map((o) => ({
    text: `${o.role}: ${o.holder}, from ${humanDate(o.since)}`,
    refs: cite.sources(
      scenario.sources,
      shown.filter((s) => s.event.type === 'office.changed' && s.event.holder === o.holder).flatMap((s) => s.sources),
    ),
  }));
  const charts = reportCharts(trace, cut ? { until: last } : {});
  const chartRefs = Object.fromEntries(charts.map((c) => [c.id, cite.sources(scenario.sources, c.refs)]));
  const law = lawOver(scenario, scenario.period.from, endDay, cite);

  const summary = summarize(trace);
  // The epilogue's figures cite the events that made them: every ballot, strike or offer of the dispute.
  const made = sourcesByThing(steps);
  const refsOfKind = (kind: string) =>
    cite.sources(
      scenario.sources,
      [...made].filter(([key]) => key.startsWith(`${kind}:`)).flatMap(([, sources]) => sources),
    );
  const epilogue = student
    ? undefined
    : {
        outcome: outcomeWords(trace.final.outcome, trace.final.context),
        ended: humanDate(trace.final.date),
        summary: scenario.summary,
        figures: [
          { text: `Ballots: ${summary.ballots.join('; ') || 'none'}.`, refs: refsOfKind('ballot') },
          {
            text: `Strikes held: ${summary.strikesHeld}; days of action: ${summary.daysOfAction}; days called off: ${summary.daysCalledOff}.`,
            refs: refsOfKind('action'),
          },
          {
            text: `Offers with a pay figure: ${summary.offers.join(', ') || 'none'}; accepted: ${summary.accepted}.`,
            refs: refsOfKind('offer'),
          },
        ],
      };
  const claim = record.dispute.claim;
  const declared = steps.find((s) => s.event.type === 'dispute.declared');
  const synopsis = student
    ? `${scenario.parties.find((p) => p.side === 'union')?.name ?? 'The union'} ${declared && declared.date.slice(0, 10) <= endDay ? `declared a dispute on ${humanDate(declared.date)}` : 'was heading for a dispute'}${claim ? `; its claim: ${claimWords(claim)}` : ''}. This handout follows the record from ${humanDate(scenario.period.from)} to ${humanDate(endDay)}, and stops there: what happened next is for the class to weigh up.`
    : (teaching.summary ?? scenario.summary);
  // A handout keeps to the generic objectives: a teacher's may name how the dispute went ("why the re-ballot failed").
  const objectives = (!student && teaching.objectives) || [
    'Explain what the law required of the union before it could strike, and how that changed the timing of the dispute.',
    'Identify the decision points where each side could have taken another road, and the options open at each.',
    'Assess how ballots, offers and days of action shaped each side’s position over time.',
  ];
  const allQuestions = Object.entries(teaching.questions ?? {}).flatMap(([id, qs]) => {
    const i = steps.findIndex((s) => s.id === id);
    return i >= 0 && i <= last + (cut ? 1 : 0) ? qs : [];
  });
  return {
    trace,
    shown: new Set(shown.flatMap((s) => (s.id ? [s.id] : []))),
    ...(cut ? { cutDay: cut.day } : {}),
    part: {
      id: scenario.id,
      title: scenario.title,
      period: `${humanDate(scenario.period.from)} – ${humanDate(endDay)}`,
      synopsis,
      ...(teaching.audience ? { audience: teaching.audience } : {}),
      objectives,
      parties: scenario.parties.map((p) => ({ name: p.name, side: p.side })),
      offices,
      law,
      timeline,
      charts,
      chartRefs,
      decisions,
      ...(roles ? { roles } : {}),
      ...(epilogue ? { epilogue } : {}),
      whatIfs: student ? [] : (options.whatIfs ?? []).map(whatIfResult),
      discussion: allQuestions.length
        ? allQuestions
        : student
          ? ['What should each side do next, and what would it take to move the other side?']
          : ['Which single decision most changed how the dispute went, and what made it possible?'],
      debrief: student ? [] : (teaching.debrief ?? []),
    },
  };
}

/** The teacher's pack or the student handout of one scenario. */
export function buildPack(scenario: Scenario, options: PackOptions = {}): Pack {
  const cite = new Citations();
  const { part, cutDay, shown } = disputePart(scenario, cite, options);
  const teaching = teachingOf(scenario);
  // A handout keeps only the scenario's glossary entries that name no day after its cut, and none the scenario
  // introduces at an event after it.
  const glossary = (teaching.glossary ?? []).filter(
    (g) => !namesLater(g.meaning, cutDay) && (!cutDay || g.introducedAt === undefined || shown.has(g.introducedAt)),
  );
  return {
    kind: options.student ? 'student' : 'teacher',
    title: scenario.title,
    ...(cutDay ? { until: cutDay } : {}),
    disputes: [part],
    glossary: glossaryWith(glossary),
    references: cite.list,
  };
}

/** The comparison pack of several scenarios: the table, their charts side by side, and each one's part. */
export function buildComparisonPack(scenarios: readonly Scenario[]): Pack {
  const cite = new Citations();
  const parts = scenarios.map((s) => disputePart(s, cite, {}));
  return {
    kind: 'comparison',
    title: `Comparison: ${scenarios.map((s) => s.title).join('; ')}`,
    disputes: parts.map((p) => p.part),
    comparison: comparisonTable(parts.map((p) => p.trace)),
    glossary: glossaryWith(scenarios.flatMap((s) => teachingOf(s).glossary ?? [])),
    references: cite.list,
  };
}
