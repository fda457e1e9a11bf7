import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/loader/load.js';
import { ScenarioCatalogue } from '../../src/loader/registry.js';
import { type Scenario, type ScenarioEvent, ScenarioFile } from '../../src/schemas/scenario.js';
import { branchAt, type MergedBranch, mergeBranch, UnknownEventError } from '../../src/simulation/branch.js';

const catalogue = new ScenarioCatalogue();
const porters = catalogue.resolve('example-porters');

/** The merged scenario, failing the test with the problems if there are any. */
function merged(result: MergedBranch): Scenario {
  if ('problems' in result) throw new Error(`merge failed: ${JSON.stringify(result.problems)}`);
  return result.scenario;
}

describe('branchAt: a counterfactual skeleton forked at an event of its base', () => {
  it('is a valid scenario file as it stands, extending the base at that event', () => {
    const branch = branchAt(porters, 'strike-2-called');
    expect(ScenarioFile.parse(branch)).toEqual(branch);
    expect(branch).toMatchObject({
      id: 'example-porters-from-strike-2-called',
      kind: 'counterfactual',
      extends: 'example-porters',
      divergesAt: 'strike-2-called',
      period: porters.period,
      outcome: 'ongoing',
      events: [],
    });
  });

  it.each(['declared', 'strike-2-called', 'referendum-closes'])(
    'merged back with no events of its own, it is exactly the base’s events before "%s"',
    (id) => {
      const cut = porters.events.findIndex((e) => e.id === id);
      const scenario = merged(mergeBranch(porters, branchAt(porters, id)));
      expect(scenario.events).toEqual(porters.events.slice(0, cut));
      expect(scenario.events.length).toBe(cut);
    },
  );

  it('keeps the base’s rules, which a file that left them out would reset to "by-date"', () => {
    const tua = catalogue.resolve('2016-tua');
    const first = tua.events[1]?.id ?? '';
    const branch = branchAt(tua, first);
    expect(ScenarioFile.parse(branch).rules).toBe('tua-2016');
    expect(merged(mergeBranch(tua, branch)).rules).toBe('tua-2016');
  });

  it('takes the fields it is given, and its own events replace the record from the branch point', () => {
    const own: ScenarioEvent = { id: 'ended', at: '2023-03-24', type: 'dispute.ended', sources: [] };
    const branch = branchAt(porters, 'strike-2-called', {
      id: 'porters-give-up',
      title: 'What if the porters gave up after talks',
      outcome: 'abandoned',
      events: [own],
    });
    expect(ScenarioFile.parse(branch)).toEqual(branch);
    const scenario = merged(mergeBranch(porters, branch));
    expect(scenario.events.map((e) => e.id)).toEqual([...porters.events.slice(0, 7).map((e) => e.id), 'ended']);
    expect(scenario).toMatchObject({ id: 'porters-give-up', kind: 'counterfactual', outcome: 'abandoned' });
  });

  it('refuses an event the base does not have, with the loader’s code', () => {
    expect(() => branchAt(porters, 'no-such-event')).toThrow(UnknownEventError);
    expect(() => branchAt(porters, 'no-such-event')).toThrow(expect.objectContaining({ code: 'diverges-at.unknown' }));
  });
});

describe('mergeBranch: a counterfactual onto its base, without files', () => {
  it('merges the shipped "2023-5pct" onto "junior-doctors-2023" as the catalogue resolves it', () => {
    const file = loadScenarioFile('scenarios/counterfactual/2023-members-take-5pct.yaml').data;
    const base = catalogue.resolve(file.extends ?? '');
    const scenario = merged(mergeBranch(base, file));
    expect(scenario).toEqual(catalogue.resolve('2023-5pct'));
    const cut = base.events.findIndex((e) => e.id === 'offer-5pct-rejected');
    // What came later in history is left off the events the branch inherits: it need not come on the branch.
    const withoutLater = ({ later: _later, ...e }: (typeof base.events)[number]) => e;
    expect(scenario.events).toEqual([...base.events.slice(0, cut).map(withoutLater), ...file.events]);
    expect(base.events.slice(0, cut).some((e) => e.later)).toBe(true);
    expect(scenario.events.some((e) => e.later)).toBe(false);
    expect(scenario.sources).toEqual({ ...base.sources, ...file.sources });
  });

  it('keeps every base event when the branch names no "divergesAt" (a change of rules alone)', () => {
    const { divergesAt: _, ...rulesOnly } = branchAt(porters, 'declared', { rules: 'tulrca-1992' });
    const scenario = merged(mergeBranch(porters, rulesOnly));
    expect(scenario.events).toEqual(porters.events);
    expect(scenario.rules).toBe('tulrca-1992');
  });

  it('"divergesAt" naming no base event → diverges-at.unknown at "divergesAt"', () => {
    const branch = { ...branchAt(porters, 'declared'), divergesAt: 'no-such-event' };
    expect(mergeBranch(porters, branch)).toEqual({
      problems: [{ path: ['divergesAt'], code: 'diverges-at.unknown', message: expect.any(String) }],
    });
  });

  it('a branch event earlier than the kept record → event.order at the branch’s own "events[0].at"', () => {
    const early: ScenarioEvent = { id: 'early', at: '2023-01-15', type: 'dispute.ended', sources: [] };
    const result = mergeBranch(porters, branchAt(porters, 'ballot-opens', { events: [early] }));
    expect(result).toEqual({
      problems: [{ path: ['events', 0, 'at'], code: 'event.order', message: expect.any(String) }],
    });
  });

  it('kept base events after a shorter period → event.after-period, marked inBase at the base’s own indices', () => {
    const period = { from: '2023-01-01', to: '2023-02-15' };
    const result = mergeBranch(porters, branchAt(porters, 'strike-2-called', { period }));
    expect('problems' in result && result.problems).toEqual([
      { path: ['events', 4, 'at'], code: 'event.after-period', message: expect.any(String), inBase: true },
      { path: ['events', 5, 'at'], code: 'event.after-period', message: expect.any(String), inBase: true },
      { path: ['events', 6, 'at'], code: 'event.after-period', message: expect.any(String), inBase: true },
    ]);
  });
});

describe('mergeBranch with rejoinsAt: a branch that goes back to the record', () => {
  const ids = (s: Scenario) => s.events.map((e) => e.id);
  const at = porters.events.findIndex((e) => e.id === 'strike-2-called');
  const own: ScenarioEvent = {
    id: 'my-talks',
    at: porters.events[at]?.at as string,
    type: 'talks.opened',
    with: 'employers',
    sources: [],
  } as ScenarioEvent;

  it('rejoining where it diverges inserts its own events before that one, and keeps all the rest', () => {
    const branch = { ...branchAt(porters, 'strike-2-called'), rejoinsAt: 'strike-2-called', events: [own] };
    const scenario = merged(mergeBranch(porters, ScenarioFile.parse(branch)));
    expect(ids(scenario)).toEqual([...ids(porters).slice(0, at), 'my-talks', ...ids(porters).slice(at)]);
  });

  it('rejoining later leaves out the base events in between', () => {
    const later = porters.events[at + 2]?.id as string;
    const branch = { ...branchAt(porters, 'strike-2-called'), rejoinsAt: later, events: [own] };
    const scenario = merged(mergeBranch(porters, ScenarioFile.parse(branch)));
    expect(ids(scenario)).toEqual([...ids(porters).slice(0, at), 'my-talks', ...ids(porters).slice(at + 2)]);
  });

  it('an unknown event, or one before the divergence, is a problem at rejoinsAt with its code', () => {
    const unknown = { ...branchAt(porters, 'strike-2-called'), rejoinsAt: 'nope' };
    const early = { ...branchAt(porters, 'strike-2-called'), rejoinsAt: porters.events[0]?.id as string };
    for (const [branch, code] of [
      [unknown, 'rejoins-at.unknown'],
      [early, 'rejoins-at.before-divergence'],
    ] as const) {
      const result = mergeBranch(porters, ScenarioFile.parse(branch));
      expect('problems' in result && result.problems.map((p) => [p.path, p.code])).toEqual([[['rejoinsAt'], code]]);
    }
  });
});
