/**
 * Branches: a counterfactual as its base's record up to where it diverges, then its own events. Pure functions on
 * scenario objects (no files), so a browser page can fork a dispute as the loader does.
 */
import { crossCheck } from '../schemas/cross-check.js';
import type { Scenario, ScenarioEvent, ScenarioFile } from '../schemas/scenario.js';

/**
 * A reason a branch cannot be merged onto its base. `path` is a field of the branch (its own events counted from
 * 0), or, with `inBase`, a field of the base: a base event the branch keeps but that breaks the branch's rules
 * (an event after the branch's period ends, a source the merged scenario does not know).
 */
export interface BranchProblem {
  path: (string | number)[];
  /** A stable code, e.g. `diverges-at.unknown`, `event.order`. */
  code: string;
  message: string;
  inBase?: boolean;
}

/** A branch merged onto its base: the scenario to replay, or why it cannot be. */
export type MergedBranch = { scenario: Scenario } | { problems: BranchProblem[] };

/**
 * A counterfactual merged onto the (already resolved) scenario it extends: the base's events before `divergesAt`
 * (all of them without it: a change of rules alone), then the branch's own, then (with `rejoinsAt`) the base's
 * events again from that one on; the branch's fields win, except that
 * empty `parties` and `people` keep the base's and `sources` are the base's plus the branch's. The merged
 * scenario is checked across fields as a whole. Which scenario `extends` names is the caller's business.
 */
export function mergeBranch(base: Scenario, branch: ScenarioFile): MergedBranch {
  const cut =
    branch.divergesAt === undefined ? base.events.length : base.events.findIndex((e) => e.id === branch.divergesAt);
  if (cut < 0) {
    return {
      problems: [
        {
          path: ['divergesAt'],
          code: 'diverges-at.unknown',
          message: `"${branch.divergesAt}" is not an event of ${base.id}`,
        },
      ],
    };
  }
  const rejoin =
    branch.rejoinsAt === undefined ? base.events.length : base.events.findIndex((e) => e.id === branch.rejoinsAt);
  if (branch.rejoinsAt !== undefined && (rejoin < 0 || rejoin < cut)) {
    return {
      problems: [
        {
          path: ['rejoinsAt'],
          code: rejoin < 0 ? 'rejoins-at.unknown' : 'rejoins-at.before-divergence',
          message:
            rejoin < 0
              ? `"${branch.rejoinsAt}" is not an event of ${base.id}`
              : `"${branch.rejoinsAt}" comes before "${branch.divergesAt}", where the branch diverges`,
        },
      ],
    };
  }
  const kept = base.events.slice(0, cut).map(inherited);
  // A branch that rejoins the record takes the base's events again from that event on, after its own.
  const rejoined = base.events.slice(rejoin).map(inherited);
  const scenario: Scenario = {
    ...base,
    ...branch,
    aliases: branch.aliases,
    parties: branch.parties.length ? branch.parties : base.parties,
    people: branch.people.length ? branch.people : base.people,
    sources: { ...base.sources, ...branch.sources },
    events: [...kept, ...branch.events, ...rejoined],
  };
  // What a branch expects refused is its own claim, never its base's.
  if (branch.expectRefused === undefined) delete scenario.expectRefused;
  // So is what it teaches: the base's questions are keyed to events the branch may have replaced.
  if (branch.teaching === undefined) delete scenario.teaching;
  const problems = crossCheck(scenario, { resolved: true }).map((p): BranchProblem => {
    const [field, index, ...rest] = p.path;
    if (field !== 'events' || typeof index !== 'number') return p;
    if (index < kept.length) return { ...p, inBase: true };
    if (index >= kept.length + branch.events.length) return { ...p, inBase: true };
    return { ...p, path: ['events', index - kept.length, ...rest] };
  });
  return problems.length > 0 ? { problems } : { scenario };
}

/** What a new branch says about itself; anything left out is filled in from its base. */
export interface BranchFields {
  id?: string;
  title?: string;
  summary?: string;
  /** The outcome the branch should reach; `ongoing` until its author decides. */
  outcome?: ScenarioFile['outcome'];
  period?: ScenarioFile['period'];
  rules?: ScenarioFile['rules'];
  /** The branch's own events, from the divergence on. */
  events?: ScenarioFile['events'];
}

/** A branch point that names no event of the base. */
export class UnknownEventError extends Error {
  /** The same code the loader gives a branch whose `divergesAt` is unknown. */
  readonly code = 'diverges-at.unknown';

  constructor(
    readonly eventId: string,
    readonly baseId: string,
  ) {
    super(`"${eventId}" is not an event of ${baseId}`);
    this.name = 'UnknownEventError';
  }
}

/**
 * A new counterfactual that extends `base` and replaces its record from the event `atEventId` on: the skeleton a
 * reader forks at a step of a replay. It is a valid scenario file as it stands, and merged onto `base` it replays
 * the base's events before that point; its summary and outcome are placeholders for the author to rewrite. The
 * base's rules and public-service status carry over (a file that left them out would reset them to defaults).
 * Throws `UnknownEventError` if `atEventId` is not an event of `base`.
 */
export function branchAt(base: Scenario, atEventId: string, fields: BranchFields = {}): ScenarioFile {
  const at = base.events.find((e) => e.id === atEventId);
  if (!at) throw new UnknownEventError(atEventId, base.id);
  // The base's own expected refusals before the point are the branch's too (a branch never inherits them).
  const cut = base.events.indexOf(at);
  const kept = new Set(base.events.slice(0, cut).map((e) => e.id));
  const expected = (base.expectRefused ?? []).filter((id) => kept.has(id));
  const title = base.title.startsWith('What if: ') ? base.title.slice('What if: '.length) : base.title;
  return {
    id: fields.id ?? `${base.id}-from-${atEventId}`,
    aliases: [],
    title: fields.title ?? `What if: ${title}, from ${atEventId}`,
    ...(expected.length ? { expectRefused: expected } : {}),
    kind: 'counterfactual',
    extends: base.id,
    divergesAt: atEventId,
    period: fields.period ?? base.period,
    summary:
      fields.summary ??
      `A branch of ${base.id} that keeps the record up to ${atEventId} (${at.type}, ${at.at}) and goes its own way from there.`,
    outcome: fields.outcome ?? 'ongoing',
    rules: fields.rules ?? base.rules,
    importantPublicService: base.importantPublicService,
    parties: [],
    people: [],
    sources: {},
    events: fields.events ?? [],
  };
}

/**
 * An event as a branch inherits it from its base: without its `later`, since what came of it in history need not
 * come on the branch. Unchanged when it has none.
 */
function inherited(e: ScenarioEvent): ScenarioEvent {
  if (e.later === undefined) return e;
  const copy = { ...e };
  delete copy.later;
  return copy;
}

/** The ids of a branch's events that are its own: not its base's as they stand (their `later` aside). */
export function ownEventIds(scenario: Scenario, base: Scenario | undefined): Set<string> {
  if (!base) return new Set();
  const key = (e: ScenarioEvent) => JSON.stringify(inherited(e));
  const kept = new Map(base.events.map((e) => [e.id, key(e)]));
  return new Set(scenario.events.filter((e) => kept.get(e.id) !== key(e)).map((e) => e.id));
}
