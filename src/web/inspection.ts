/**
 * What the inspector page shows for one scenario, computed once: the replay's steps with their descriptions,
 * state changes and open branches, the statechart drawn with the replay's path, and the series for the charts.
 */
import { createActor } from 'xstate';
import { disputeMachine } from '../machine/dispute.machine.js';
import { emphasisFromTrace, traceEventOf } from '../render/chart/emphasis.js';
import { layoutChart } from '../render/chart/layout.js';
import { allNodes, type ChartModel, type ChartNode, chartModel } from '../render/chart/model.js';
import { toSvg } from '../render/chart/svg.js';
import { describeEvent, humanDate, stateChanges } from '../render/describe.js';
import type { Scenario } from '../schemas/scenario.js';
import { type Branch, openBranches } from '../simulation/branches.js';
import { explore } from '../simulation/explore.js';
import { recordAt } from '../simulation/records.js';
import { replay } from '../simulation/replay.js';
import type { BoardRow, Inspection, InspectionDecision, InspectionStep } from './page/types.js';

/** The CSS of the `<style>` elements in an SVG, for the page's Content-Security-Policy. */
export function inlineStyles(svg: string): string[] {
  return [...svg.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
}

/** The chart as board rows: the dispute's top-level states, then each parallel region of the live dispute. */
export function boardOf(root: ChartNode): BoardRow[] {
  const flatten = (node: ChartNode, depth: number): BoardRow['states'] =>
    node.children.flatMap((child) => [
      { path: child.path, label: child.key, depth, ...(child.description ? { description: child.description } : {}) },
      ...(child.type === 'parallel' ? [] : flatten(child, depth + 1)),
    ]);
  const rows: BoardRow[] = [
    { label: 'dispute', states: flatten({ ...root, children: root.children }, 0).filter((s) => s.depth === 0) },
  ];
  for (const node of allNodes(root)) {
    if (node.type !== 'parallel') continue;
    for (const region of node.children) {
      rows.push({
        label: region.key,
        ...(region.description ? { description: region.description } : {}),
        states: flatten(region, 0),
      });
    }
  }
  return rows;
}

/** The transitions of the chart a step took: its event's, from a state it was in to one it is in now. */
function takenEdges(model: ChartModel, type: string, before: readonly string[], after: readonly string[]): string[] {
  const [was, is] = [new Set(before), new Set(after)];
  return model.edges.filter((e) => traceEventOf(e) === type && was.has(e.source) && is.has(e.target)).map((e) => e.id);
}

/**
 * The events a branch adds to its base's record: those the base does not hold as they are (same id, same fields).
 * None for a scenario that extends nothing.
 */
function ownEvents(scenario: Scenario, base: Scenario | undefined): Set<string> {
  if (!base) return new Set();
  const kept = new Map(base.events.map((e) => [e.id, JSON.stringify(e)]));
  return new Set(scenario.events.filter((e) => kept.get(e.id) !== JSON.stringify(e)).map((e) => e.id));
}

/** Where Play stops in classroom mode: `explore`'s decision points, or none if exploring fails. */
function decisionsOf(scenario: Scenario): InspectionDecision[] {
  try {
    return explore(scenario, { decisionPoints: 24 }).decisionPoints.map((d) => ({ index: d.index, note: d.note }));
  } catch {
    return [];
  }
}

/** The inspection of a scenario, ready to serve as JSON. */
export async function buildInspection(scenario: Scenario, options: { base?: Scenario } = {}): Promise<Inspection> {
  const own = ownEvents(scenario, options.base);
  const branches: Branch[][] = [];
  // The page shows each step's whole record; a scenario is small enough to send them all.
  const trace = replay(scenario, {
    records: 'full',
    onStep: (_step, snapshot) => branches.push(openBranches(snapshot)),
  });
  const start = createActor(disputeMachine, {
    input: {
      rules: scenario.rules,
      importantPublicService: scenario.importantPublicService,
      start: scenario.period.from,
    },
  }).getSnapshot();

  const initialActive = start._nodes.filter((n) => n.path.length > 0).map((n) => n.path.join('.'));
  const model = chartModel(disputeMachine);
  const questions = new Map(scenario.events.flatMap((e) => (e.ask ? [[e.id, e.ask] as const] : [])));
  let previous: readonly string[] = initialActive;
  const steps: InspectionStep[] = trace.steps.map((step, i) => {
    const changes = stateChanges(previous, step.active);
    const edges = step.accepted ? takenEdges(model, step.event.type, previous, step.active) : [];
    previous = step.active;
    const question = step.id ? questions.get(step.id) : undefined;
    return {
      index: step.index,
      date: step.date,
      when: humanDate(step.date),
      cause: step.cause,
      accepted: step.accepted,
      ...(step.reason ? { reason: step.reason } : {}),
      ...(step.id ? { id: step.id } : {}),
      description: describeEvent(step.event),
      event: step.event,
      ...(step.note ? { note: step.note } : {}),
      sources: step.sources,
      active: step.active,
      changes,
      branches: branches[i] ?? [],
      // Replayed with full records, every step has its own; recordAt would rebuild one from the patches.
      context: step.context ?? recordAt(trace, i),
      edges,
      ...(question ? { question } : {}),
      ...(step.id && own.has(step.id) ? { own: true as const } : {}),
    };
  });

  const svg = toSvg(await layoutChart(model), { emphasis: emphasisFromTrace(trace, model), title: scenario.title });
  const { dispute, negotiation } = trace.final.context;

  return {
    scenario: {
      id: scenario.id,
      title: scenario.title,
      kind: scenario.kind,
      period: scenario.period,
      summary: scenario.summary,
      rules: scenario.rules,
      outcome: trace.final.outcome,
      sources: scenario.sources,
      parties: scenario.parties,
      people: scenario.people,
    },
    initial: {
      active: initialActive,
      branches: openBranches(start),
      context: trace.initial.context,
    },
    steps,
    final: { date: trace.final.date, when: humanDate(trace.final.date), outcome: trace.final.outcome },
    decisionPoints: decisionsOf(scenario),
    chart: {
      svg,
      paths: allNodes(model.root)
        .map((n) => n.path)
        .filter(Boolean),
    },
    board: boardOf(model.root),
    series: {
      claimPct: dispute.claim?.payRestorationPct ?? null,
      pay: [
        ...negotiation.offers
          .filter((o) => o.payUpliftPct !== undefined)
          .map((o) => ({
            date: o.madeAt,
            pct: o.payUpliftPct ?? 0,
            label: `${o.id}: ${o.summary}`,
            kind: 'offer' as const,
            status: o.status,
          })),
        ...negotiation.awards
          .filter((a) => a.payUpliftPct !== undefined)
          .map((a) => ({
            date: a.publishedAt,
            pct: a.payUpliftPct ?? 0,
            label: `${a.body} ${a.payYear ?? ''}: ${a.summary}`,
            kind: 'award' as const,
            status: a.acceptedAt ? 'accepted' : 'published',
          })),
      ].sort((a, b) => Date.parse(a.date) - Date.parse(b.date)),
      days: steps.map((s) => ({ date: s.date, days: s.context.action.daysOfAction })),
    },
  };
}
