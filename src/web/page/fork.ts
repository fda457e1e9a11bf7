/**
 * Forking in the page: at a step, the roads not taken as buttons, each with a small form of its fields prefilled
 * with lawful values; taking one runs the engine here (the bundle) on the scenario with the branch merged in, and
 * the page goes on along the branch. The branch downloads as a counterfactual file the CLI replays the same way.
 */
import type { Scenario, ScenarioEvent, ScenarioFile } from '../../schemas/scenario.js';
import { byId, fill, h } from './dom.js';
import {
  branchAt,
  humanDate,
  inspectionSteps,
  mergeBranch,
  Replayer,
  type Suggestion,
  suggestionsOn,
} from './engine.js';
import type { Inspection, InspectionStep, InspectionWhatIf } from './types.js';

/** A branch taken in the page: where it diverges from history, its own events, and its steps. */
export interface PageBranch {
  divergesAt: string;
  events: ScenarioEvent[];
  file: ScenarioFile;
  steps: InspectionStep[];
  outcome: string;
  /** A shipped what-if's title; a branch the reader took has none. */
  title?: string;
}

/** The scenario the page was built from, as the engine takes it. */
export function scenarioOf(data: Inspection): Scenario {
  const s = data.scenario;
  return {
    id: s.id,
    aliases: [],
    title: s.title,
    kind: s.kind as Scenario['kind'],
    period: s.period,
    summary: s.summary,
    outcome: s.outcome as Scenario['outcome'],
    rules: s.rules as Scenario['rules'],
    importantPublicService: s.importantPublicService,
    parties: s.parties,
    people: s.people,
    sources: s.sources,
    events: s.events,
  };
}

/**
 * Where a branch from step `index` of the steps shown diverges: the first event of the base after that step
 * (undefined at the end of the record). On a branch, only its end can go on, so it keeps its divergence.
 */
export function divergenceAfter(data: Inspection, steps: InspectionStep[], index: number): string | undefined {
  const base = data.scenario.events;
  const shownIds = new Set(steps.slice(0, index + 1).flatMap((s) => (s.id ? [s.id] : [])));
  return base.find((e) => !shownIds.has(e.id) && Date.parse(e.at) >= Date.parse(steps[index]?.date ?? e.at))?.id;
}

/** The suggestions at a step: the base replayed to it (and the branch so far), then each road checked there. */
export function suggestionsAt(
  data: Inspection,
  branch: PageBranch | undefined,
  divergesAt: string,
  atDate: string,
): Suggestion[] {
  const base = scenarioOf(data);
  const merged = branch ? merge(base, branch.file) : merge(base, { ...branchAt(base, divergesAt), events: [] });
  const replayer = new Replayer(merged, merged.period.from);
  try {
    for (const e of merged.events) replayer.offer(e);
    // On to the step's own instant (a strike that began after the last event has begun).
    const at = Math.max(Date.parse(atDate), replayer.engine.nowMs);
    replayer.advanceTo(at);
    return suggestionsOn(replayer.engine, at);
  } finally {
    replayer.stop();
  }
}

function merge(base: Scenario, file: ScenarioFile): Scenario {
  const merged = mergeBranch(base, file);
  if ('problems' in merged) throw new Error(merged.problems.map((p) => p.message).join('; '));
  return merged.scenario;
}

/** The fields of an event a reader may change in the form (not its id or type), with their values. */
function editable(e: Record<string, unknown>): [string, string | number][] {
  return Object.entries(e).filter(
    (entry): entry is [string, string | number] =>
      !['id', 'type', 'note'].includes(entry[0]) && (typeof entry[1] === 'string' || typeof entry[1] === 'number'),
  );
}

/** The form for a suggestion: one row of inputs an event, prefilled; submitting it takes the road. */
export function suggestionForm(s: Suggestion, onTake: (events: ScenarioEvent[]) => void): HTMLFormElement {
  const rows = s.events.map((e, i) =>
    h(
      'fieldset',
      { class: 'fork-event' },
      h('legend', {}, e.type),
      ...editable(e as unknown as Record<string, unknown>).map(([key, value]) =>
        h(
          'label',
          {},
          `${key} `,
          h('input', {
            name: `${i}.${key}`,
            value: String(value),
            type: typeof value === 'number' ? 'number' : 'text',
            'data-kind': typeof value,
          }),
        ),
      ),
    ),
  );
  const form = h(
    'form',
    { class: 'fork-form' },
    ...rows,
    h('button', { type: 'submit', class: 'play' }, 'Take this road'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const events = s.events.map((e, i) => {
      const out: Record<string, unknown> = { ...e, sources: [], note: 'Tried in the inspector.' };
      for (const input of form.querySelectorAll<HTMLInputElement>(`input[name^="${i}."]`)) {
        const key = input.name.slice(String(i).length + 1);
        out[key] = input.dataset.kind === 'number' ? Number(input.value) : input.value;
      }
      return out as unknown as ScenarioEvent;
    });
    onTake(events);
  });
  return form;
}

/** A branch with more events of its own: the file to download, and its steps replayed in the page. */
export function takeRoad(
  data: Inspection,
  branch: PageBranch | undefined,
  divergesAt: string,
  events: ScenarioEvent[],
): PageBranch {
  const base = scenarioOf(data);
  // Ids made unique within the branch (a second strike called is my-strike-2).
  const used = new Set([...base.events, ...(branch?.events ?? [])].map((e) => e.id));
  const renamed = events.map((e) => {
    let id = e.id;
    for (let n = 2; used.has(id); n++) id = `${e.id}-${n}`;
    used.add(id);
    return { ...e, id };
  });
  const own = [...(branch?.events ?? []), ...renamed];
  const from = humanDate(base.events.find((e) => e.id === divergesAt)?.at ?? base.period.to);
  const summary = `A branch of ${base.id} taken in the inspector: the record up to ${from}, then ${own.length} event${own.length === 1 ? '' : 's'} of the reader's own.`;
  // Going on from a shipped what-if keeps its premise (its law, where it diverges); the file is the reader's.
  const head: ScenarioFile = branch?.title
    ? {
        ...branch.file,
        id: `${branch.file.id}-my-branch`,
        title: `${branch.title}, then my own road`,
        kind: 'counterfactual',
        summary,
      }
    : branchAt(base, divergesAt, {
        id: `${base.id}-my-branch`,
        title: `What if: ${base.title}, a branch from ${from}`,
        summary,
      });
  delete head.teaching;
  const file: ScenarioFile = { ...head, events: own };
  const lastAt = own.reduce((m, e) => (Date.parse(e.at) > Date.parse(m) ? e.at : m), file.period.to);
  const lastDay = lastAt.slice(0, 10);
  // Days as text compare in date order (ISO dates); the branch's period reaches its last event.
  if (lastDay > file.period.to) file.period = { ...file.period, to: lastDay };
  const merged = merge(base, file);
  const { steps, trace } = inspectionSteps(merged, new Set(own.map((e) => e.id)));
  file.outcome = trace.final.outcome;
  return { divergesAt: file.divergesAt ?? divergesAt, events: own, file, steps, outcome: trace.final.outcome };
}

/** A shipped what-if opened in the page: its file merged with the record and replayed here, as the CLI does. */
export function whatIfBranch(data: Inspection, whatIf: InspectionWhatIf): PageBranch {
  const merged = merge(scenarioOf(data), whatIf.file);
  const { steps, trace } = inspectionSteps(merged, new Set(whatIf.file.events.map((e) => e.id)));
  return {
    divergesAt: whatIf.file.divergesAt ?? '',
    events: whatIf.file.events,
    file: whatIf.file,
    steps,
    outcome: trace.final.outcome,
    title: whatIf.title,
  };
}

/** Where a branch opens: its first own step, else its first refused one (a branch of the law), else the start. */
export function branchOpening(branch: PageBranch): number {
  const own = branch.steps.findIndex((s) => s.own);
  if (own >= 0) return own;
  const refused = branch.steps.findIndex((s) => !s.accepted);
  return refused >= 0 ? refused : -1;
}

/** The branch as a counterfactual file: YAML (its body written as JSON, which YAML reads), ready for the CLI. */
export function branchFileText(branch: PageBranch): string {
  return `# A branch of ${branch.file.extends}, taken in the dispute-sim inspector.\n# Check it with: dispute-sim validate ${branch.file.id}.yaml\n${JSON.stringify(branch.file, null, 2)}\n`;
}

/** Offers the branch file as a download. */
export function download(branch: PageBranch): void {
  const url = URL.createObjectURL(new Blob([branchFileText(branch)], { type: 'text/yaml' }));
  const a = h('a', { href: url, download: `${branch.file.id}.yaml` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The banner while on a branch: where it left history, its outcome so far beside history's, and its actions. */
export function branchBanner(
  data: Inspection,
  history: InspectionStep[],
  branch: PageBranch,
  onDownload: () => void,
  onBack: () => void,
): void {
  const el = byId('branch-banner');
  const days = (steps: InspectionStep[]) => steps.at(-1)?.context.action.daysOfAction ?? 0;
  const record = (steps: InspectionStep[]) => steps.at(-1)?.context;
  // The offers with a pay figure, each with its fate: `5% accepted, 3% rejected`.
  const offers = (steps: InspectionStep[]) =>
    (record(steps)?.negotiation.offers ?? [])
      .filter((o) => o.payUpliftPct !== undefined)
      .map((o) => `${o.payUpliftPct}% ${o.status}`)
      .join(', ') || 'none';
  const claim = record(history)?.dispute.claim?.payRestorationPct;
  const diverged = data.scenario.events.find((e) => e.id === branch.divergesAt);
  const own = branch.events.length;
  fill(
    el,
    h('strong', {}, branch.title ? `What if: ${branch.title.replace(/^What if:?\s*/i, '')}` : 'On your branch'),
    diverged ? ` — leaves history on ${humanDate(diverged.at)}` : ' — the record under other rules',
    own ? `, with ${own} event${own === 1 ? '' : 's'} of ${branch.title ? 'its' : 'your'} own. ` : '. ',
    `Outcome so far: ${branch.outcome} (history: ${data.final.outcome}). Days of action: ${days(branch.steps)} (history: ${days(history)}). `,
    `Offers${claim !== undefined ? ` against the ${claim}% claim` : ''}: ${offers(branch.steps)} (history: ${offers(history)}). `,
    h('button', { type: 'button', id: 'branch-download' }, 'Download'),
    ' ',
    h('button', { type: 'button', id: 'branch-back' }, 'Back to history'),
  );
  el.hidden = false;
  byId('branch-download').addEventListener('click', onDownload);
  byId('branch-back').addEventListener('click', onBack);
}
