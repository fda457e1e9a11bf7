import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioLoadError, type ScenarioProblem } from '../../src/loader/problems.js';
import { ScenarioCatalogue } from '../../src/loader/registry.js';

const DIR = 'test/fixtures/invalid';

/** The problems loading a file gives (failing the test if it loads). */
function problemsOf(path: string): ScenarioProblem[] {
  try {
    new ScenarioCatalogue().resolve(path);
  } catch (error) {
    if (error instanceof ScenarioLoadError) return error.problems;
    throw error;
  }
  throw new Error(`${path} loaded without a problem`);
}

describe('malformed scenario files: every problem at file:line:col with its field', () => {
  it.each([
    ['yaml-syntax.yaml', 9, 3, '', 'YAML: Block collections are not allowed within flow collections'],
    ['duplicate-key.yaml', 8, 1, '', 'YAML: Map keys must be unique'],
    ['tab-indent.yaml', 9, 1, '', 'YAML: Tabs are not allowed as indentation'],
    ['alias-bomb.yaml', 1, 1, '', 'YAML: Excessive alias count indicates a resource exhaustion attack'],
    ['empty.yaml', 1, 1, '', 'the file is empty: a scenario starts with an id, a title and events'],
    ['only-comments.yaml', 1, 1, '', 'the file is empty: a scenario starts with an id, a title and events'],
    ['not-a-mapping.yaml', 1, 1, '', 'a scenario is a mapping of fields (id, title, events, …)'],
    ['scalar-root.yaml', 1, 1, '', 'a scenario is a mapping of fields (id, title, events, …)'],
    ['binary.yaml', 1, 1, '', 'is a binary file, not YAML text'],
    ['not-utf8.yaml', 1, 1, '', 'is not UTF-8 text'],
    ['a-directory.yaml', 1, 1, '', 'is a directory, not a scenario file'],
    ['missing-id.yaml', 2, 1, 'id', 'this field is required'],
    ['missing-events.yaml', 2, 1, 'events', 'this field is required'],
    ['wrong-type-title.yaml', 3, 8, 'title', 'expected a string, got a list'],
    [
      'wrong-kind.yaml',
      4,
      7,
      'kind',
      'expected one of "historical", "counterfactual", "example", got the text "fiction"',
    ],
    ['unknown-field.yaml', 8, 1, 'titel', 'unknown field "titel"'],
    ['unknown-event-field.yaml', 18, 5, 'events[1].closess', 'unknown field "closess"'],
    [
      'unknown-event-type.yaml',
      16,
      11,
      'events[1].type',
      'unknown event type "ballot.openned" (did you mean "ballot.opened"?)',
    ],
    ['missing-event-type.yaml', 14, 5, 'events[1].type', 'every event needs a type, e.g. ballot.opened'],
    ['event-not-a-mapping.yaml', 9, 5, 'events[0]', 'expected a mapping, got the text "just a string"'],
    ['bad-date.yaml', 15, 9, 'events[1].at', '2023-02-30 is not a day of the calendar'],
    [
      'bad-date-format.yaml',
      15,
      9,
      'events[1].at',
      'expected a date like 2023-03-13 or a UK local time like 2023-03-13T07:00',
    ],
    ['dates-out-of-order.yaml', 15, 9, 'events[1].at', '2023-01-05 is earlier than the event before it'],
    ['duplicate-event-id.yaml', 14, 9, 'events[1].id', 'duplicate event id "declared"'],
    ['unknown-source.yaml', 16, 15, 'events[0].sources[0]', 'unknown source id "bbc-2"'],
    ['historical-without-sources.yaml', 11, 5, 'events[0].sources', 'a historical event needs at least one source'],
    ['negative-count.yaml', 22, 15, 'events[2].entitled', 'cannot be negative'],
    ['string-for-number.yaml', 22, 15, 'events[2].entitled', 'expected a number, got the text "many"'],
    ['percent-over-100.yaml', 18, 17, 'events[1].supportPct', 'a percentage is at most 100'],
    [
      'bad-scope.yaml',
      20,
      12,
      'events[1].scope',
      'expected one of "full-walkout", "emergency-care-only", got the text "partial"',
    ],
    ['bad-hours.yaml', 21, 12, 'events[1].hours', 'write daily hours like 08:00-17:00'],
    ['bad-url.yaml', 9, 17, 'sources.bbc-1.url', 'must be an http(s) address'],
    ['long-quote.yaml', 17, 13, 'events[0].quote.text', 'a quote is 25 words at most'],
    ['event-outside-period.yaml', 15, 9, 'events[1].at', '2024-02-01 is after the period ends (2023-12-31)'],
    ['period-backwards.yaml', 5, 33, 'period.to', 'the period ends (2022-12-31) before it begins'],
    ['counterfactual-without-extends.yaml', 2, 1, 'extends', 'a counterfactual names the scenario it extends'],
    ['unknown-divergence.yaml', 9, 13, 'divergesAt', '"no-such-event" is not an event of example-porters'],
    ['missing-base.yaml', 8, 10, 'extends', 'no scenario "no-such-scenario" to extend'],
  ])('%s → line %i, col %i, field "%s": %s', (name, line, col, field, message) => {
    const problems = problemsOf(`${DIR}/${name}`);
    expect(problems[0]).toEqual({ file: `${DIR}/${name}`, line, col, field, message });
  });

  it('a YAML syntax error reports every problem, not just the first', () => {
    expect(problemsOf(`${DIR}/yaml-syntax.yaml`)).toHaveLength(2);
  });

  it('a file with several mistakes reports them all, in file order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dispute-sim-'));
    const file = join(dir, 'many.yaml');
    writeFileSync(
      file,
      'id: x\ntitle: 5\nkind: example\nperiod: { from: 2023-01-01, to: 2023-13-01 }\nsummary: s\noutcome: won\nevents:\n  - { id: a, at: 2023-01-01, type: nope }\n  - { id: a, at: 2022-01-01, type: poll.published, pollster: X, supportPct: -1, sources: [zz] }\n',
    );
    const problems = problemsOf(file);
    expect(problems.map((p) => `${p.line}:${p.col} ${p.field}`)).toEqual([
      '2:8 title',
      '4:33 period.to',
      '6:10 outcome',
      '8:36 events[0].type',
      '9:11 events[1].id',
      '9:18 events[1].at',
      '9:77 events[1].supportPct',
      '9:91 events[1].sources[0]',
    ]);
  });

  it('a 10 MB file is refused before it is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dispute-sim-'));
    const file = join(dir, 'huge.yaml');
    writeFileSync(file, `id: huge\nsummary: "${'x'.repeat(10 * 1024 * 1024)}"\n`);
    expect(problemsOf(file)[0]?.message).toBe('is too large to be a scenario (10.0 MB; the limit is 2 MB)');
  });

  it('a missing file', () => {
    expect(problemsOf(`${DIR}/no-such-file.yaml`)[0]).toEqual({
      file: `${DIR}/no-such-file.yaml`,
      line: 1,
      col: 1,
      field: '',
      message: 'no such file',
    });
  });
});
