/**
 * The steps the inspector page shows, from a replay: each with its words, what changed, the chart's transitions
 * it took, the roads open after it and the record then. Pure, so the server builds them for history and the page
 * builds them again, with the engine bundle, for a branch a reader forks.
 */
import { disputeMachine } from '../machine/dispute.machine.js';
import { traceEventOf } from '../render/chart/emphasis.js';
import { type ChartModel, chartModel } from '../render/chart/model.js';
import { EventNames, humanDate, stateChanges } from '../render/describe.js';
import type { Scenario } from '../schemas/scenario.js';
import type { Trace } from '../schemas/trace.js';
import { type Branch, openBranches } from '../simulation/branches.js';
import { Engine } from '../simulation/engine.js';
import { recordAt } from '../simulation/records.js';
import { replay } from '../simulation/replay.js';
import type { Inspection, InspectionStep } from './page/types.js';

let model: ChartModel | undefined;

/** The transitions of the chart a step took: its event's, from a state it was in to one it is in now. */
function takenEdges(type: string, before: readonly string[], after: readonly string[]): string[] {
  model ??= chartModel(disputeMachine);
  const [was, is] = [new Set(before), new Set(after)];
  return model.edges.filter((e) => traceEventOf(e) === type && was.has(e.source) && is.has(e.target)).map((e) => e.id);
}

/** A scenario's replay as the page's steps, its own events (a branch's) marked, with the state before the first. */
export function inspectionSteps(
  scenario: Scenario,
  own: ReadonlySet<string> = new Set(),
): { trace: Trace; initial: Inspection['initial']; steps: InspectionStep[] } {
  const branches: Branch[][] = [];
  // The page shows each step's whole record; a scenario is small enough to send them all.
  const trace = replay(scenario, {
    records: 'full',
    onStep: (_step, snapshot) => branches.push(openBranches(snapshot)),
  });
  const start = Engine.start({
    rules: scenario.rules,
    importantPublicService: scenario.importantPublicService,
    start: scenario.period.from,
  });
  const initial = {
    active: trace.initial.active,
    branches: openBranches(start.snapshot),
    context: trace.initial.context,
  };
  start.stop();
  const questions = new Map(scenario.events.flatMap((e) => (e.ask ? [[e.id, e.ask] as const] : [])));
  let previous: readonly string[] = initial.active;
  const names = new EventNames();
  const steps: InspectionStep[] = trace.steps.map((step, i) => {
    const changes = stateChanges(previous, step.active);
    const edges = step.accepted ? takenEdges(step.event.type, previous, step.active) : [];
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
      description: names.describe(step.event),
      event: step.event,
      ...(step.note ? { note: step.note } : {}),
      ...(step.later ? { later: step.later } : {}),
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
  return { trace, initial, steps };
}
