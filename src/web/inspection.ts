/**
 * What the inspector page shows for one scenario, computed once: the replay's steps with their descriptions,
 * state changes and open branches, the statechart drawn with the replay's path, and the series for the charts.
 */
import { disputeMachine } from '../machine/dispute.machine.js';
import { emphasisFromTrace } from '../render/chart/emphasis.js';
import { allNodes, type ChartNode, chartModel } from '../render/chart/model.js';
import { toSvg } from '../render/chart/svg.js';
import { humanDate } from '../render/describe.js';
import { type Scenario, type ScenarioFile, teachingOf } from '../schemas/scenario.js';
import { ownEventIds } from '../simulation/branch.js';
import { explore } from '../simulation/explore.js';
import { laidOutChart } from './chart-cache.js';
import type { BoardRow, Inspection, InspectionDecision } from './page/types.js';
import { inspectionSteps } from './steps.js';

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

/** Where Play stops in classroom mode: `explore`'s decision points, or none if exploring fails. */
function decisionsOf(scenario: Scenario): InspectionDecision[] {
  try {
    return explore(scenario, { decisionPoints: 24 }).decisionPoints.map((d) => ({ index: d.index, note: d.note }));
  } catch {
    return [];
  }
}

/** The inspection of a scenario, ready to serve as JSON. */
export async function buildInspection(
  scenario: Scenario,
  options: { base?: Scenario; whatIfs?: readonly ScenarioFile[] } = {},
): Promise<Inspection> {
  const own = ownEventIds(scenario, options.base);
  const { trace, initial, steps } = inspectionSteps(scenario, own);
  const model = chartModel(disputeMachine);
  const svg = toSvg(await laidOutChart(model), { emphasis: emphasisFromTrace(trace, model), title: scenario.title });
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
      importantPublicService: scenario.importantPublicService,
      events: scenario.events,
    },
    initial,
    steps,
    final: { date: trace.final.date, when: humanDate(trace.final.date), outcome: trace.final.outcome },
    decisionPoints: decisionsOf(scenario),
    whatIfs: (options.whatIfs ?? []).map((file) => ({
      id: file.id,
      title: file.title,
      summary: teachingOf(file).summary ?? file.summary,
      file,
    })),
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
            label: `${o.summary} (${o.by})`,
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
