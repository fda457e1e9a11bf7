/** The shape of what the inspector server sends its page (types only: nothing here runs). */
import type { DisputeRecord } from '../../schemas/record.js';
import type { Party, Person, ScenarioEvent, ScenarioFile, Source } from '../../schemas/scenario.js';
import type { Branch } from '../../simulation/branches.js';

/** One step as the page shows it. */
export interface InspectionStep {
  index: number;
  date: string;
  /** The date as a reader wants it. */
  when: string;
  cause: 'scenario' | 'time';
  accepted: boolean;
  reason?: string;
  id?: string;
  description: string;
  event: { type: string; [key: string]: unknown };
  note?: string;
  /** What came of it later, with hindsight: classroom mode hides it. */
  later?: string;
  sources: string[];
  active: string[];
  /** What changed, region by region, e.g. `action: announced → striking`. */
  changes: string[];
  /** The events the machine would accept after this step: the roads not taken. */
  branches: Branch[];
  /** The record as it stood after this step. */
  context: DisputeRecord;
  /** The chart's transitions this step took, by edge id (the drawing marks those taken so far). */
  edges: string[];
  /** A question the scenario asks a class before this step is revealed. */
  question?: string;
  /** True for an event a counterfactual adds (not its base's record). */
  own?: true;
}

/** A shipped counterfactual of the dispute: its title, what it teaches, and its file (merged in the page). */
export interface InspectionWhatIf {
  id: string;
  title: string;
  /** Its teaching summary: the premise and a question for class. */
  summary: string;
  file: ScenarioFile;
}

/** A step of the replay where a class might stop and ask "what would you do?" (from `explore`). */
export interface InspectionDecision {
  index: number;
  note: string;
}

/** A point on the pay chart: an offer or an award. */
export interface PayPoint {
  date: string;
  pct: number;
  label: string;
  kind: 'offer' | 'award';
  status: string;
}

/** One row of the state board: a region and its states, nested states indented by depth. */
export interface BoardRow {
  label: string;
  description?: string;
  states: { path: string; label: string; depth: number; description?: string }[];
}

/** Everything the page needs for one scenario. */
export interface Inspection {
  scenario: {
    id: string;
    title: string;
    kind: string;
    period: { from: string; to: string };
    summary: string;
    rules: string;
    outcome: string;
    sources: Record<string, Source>;
    parties: Party[];
    people: Person[];
    importantPublicService: boolean;
    /** The scenario's events, as resolved: what the page replays again to fork a branch. */
    events: ScenarioEvent[];
  };
  /** Before the first step: the active states, the roads open and the record. */
  initial: { active: string[]; branches: Branch[]; context: DisputeRecord };
  steps: InspectionStep[];
  final: { date: string; when: string; outcome: string };
  chart: { svg: string; paths: string[] };
  /** Where Play stops in classroom mode, before the step. */
  decisionPoints: InspectionDecision[];
  /** The counterfactuals that ship with this dispute, as their files: the page replays one when it is opened. */
  whatIfs: InspectionWhatIf[];
  /** The chart as rows of states, one row for the dispute and one a parallel region: readable from afar. */
  board: BoardRow[];
  series: { claimPct: number | null; pay: PayPoint[]; days: { date: string; days: number }[] };
}

/** A message from the server over the page's WebSocket. */
export type ServerMessage =
  | { type: 'inspection'; event: { type: string; snapshot?: { value?: unknown }; event?: { type?: string } } }
  | { type: 'live.started'; speedMs: number }
  | { type: 'live.ended' };
