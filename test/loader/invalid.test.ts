import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScenarioProblem } from '../../src/loader/problems.js';
import { problemsOf } from '../helpers/problems.js';

const DIR = 'test/fixtures/invalid';

describe('malformed scenario files: every problem at file:line:col with its field', () => {
  it.each([
    ['yaml-syntax.yaml', 9, 3, '', 'yaml.block-in-flow'],
    ['duplicate-key.yaml', 8, 1, '', 'yaml.duplicate-key'],
    ['tab-indent.yaml', 9, 1, '', 'yaml.tab-as-indent'],
    ['alias-bomb.yaml', 1, 1, '', 'yaml.aliases'],
    ['empty.yaml', 1, 1, '', 'file.empty'],
    ['only-comments.yaml', 1, 1, '', 'file.empty'],
    ['not-a-mapping.yaml', 1, 1, '', 'file.not-mapping'],
    ['scalar-root.yaml', 1, 1, '', 'file.not-mapping'],
    ['binary.yaml', 1, 1, '', 'file.binary'],
    ['not-utf8.yaml', 1, 1, '', 'file.encoding'],
    ['a-directory.yaml', 1, 1, '', 'file.folder'],
    ['missing-id.yaml', 2, 1, 'id', 'field.required'],
    ['missing-events.yaml', 2, 1, 'events', 'field.required'],
    ['wrong-type-title.yaml', 3, 8, 'title', 'field.type'],
    ['wrong-kind.yaml', 4, 7, 'kind', 'field.choice'],
    ['unknown-field.yaml', 8, 1, 'titel', 'field.unknown'],
    ['unknown-event-field.yaml', 18, 5, 'events[1].closess', 'field.unknown'],
    ['unknown-event-type.yaml', 16, 11, 'events[1].type', 'event.type'],
    ['missing-event-type.yaml', 14, 5, 'events[1].type', 'event.type'],
    ['event-not-a-mapping.yaml', 9, 5, 'events[0]', 'field.type'],
    ['bad-date.yaml', 15, 9, 'events[1].at', 'field.instant'],
    ['bad-date-format.yaml', 15, 9, 'events[1].at', 'field.instant'],
    ['dates-out-of-order.yaml', 15, 9, 'events[1].at', 'event.order'],
    ['duplicate-event-id.yaml', 14, 9, 'events[1].id', 'event.duplicate-id'],
    ['unknown-source.yaml', 16, 15, 'events[0].sources[0]', 'source.unknown'],
    ['historical-without-sources.yaml', 11, 5, 'events[0].sources', 'source.required'],
    ['negative-count.yaml', 22, 15, 'events[2].entitled', 'field.range'],
    ['string-for-number.yaml', 22, 15, 'events[2].entitled', 'field.type'],
    ['percent-over-100.yaml', 18, 17, 'events[1].supportPct', 'field.range'],
    ['bad-scope.yaml', 20, 12, 'events[1].scope', 'field.choice'],
    ['bad-hours.yaml', 21, 12, 'events[1].hours', 'field.format'],
    ['bad-url.yaml', 9, 17, 'sources.bbc-1.url', 'field.format'],
    ['long-quote.yaml', 17, 13, 'events[0].quote.text', 'field.invalid'],
    ['event-outside-period.yaml', 15, 9, 'events[1].at', 'event.after-period'],
    ['period-backwards.yaml', 5, 33, 'period.to', 'period.order'],
    ['counterfactual-without-extends.yaml', 2, 1, 'extends', 'extends.required'],
    ['unknown-divergence.yaml', 9, 13, 'divergesAt', 'diverges-at.unknown'],
    ['missing-base.yaml', 8, 10, 'extends', 'extends.not-found'],
    ['year-0048.yaml', 5, 17, 'period.from', 'field.instant'],
    ['bad-offset.yaml', 10, 9, 'events[0].at', 'field.instant'],
    ['cast-over-entitled.yaml', 18, 11, 'events[1].cast', 'ballot.cast-over-entitled'],
    ['votes-over-cast.yaml', 19, 10, 'events[1].yes', 'ballot.votes-over-cast'],
    ['shares-over-100.yaml', 19, 12, 'events[1].noPct', 'referendum.shares-over-100'],
    ['vote-result-required.yaml', 24, 13, 'events[2].yesPct', 'referendum.result-required'],
    ['totals-with-constituencies.yaml', 17, 17, 'events[1].turnoutPct', 'ballot.totals-with-constituencies'],
    ['met-over-balloted.yaml', 17, 28, 'events[1].constituencies.met', 'ballot.met-over-balloted'],
    ['scope-change-outside.yaml', 17, 17, 'events[0].scopeChanges[0].from', 'strike.scope-change-outside'],
    ['orders-need-upheld.yaml', 20, 18, 'events[1].mandateEnds', 'challenge.orders-need-upheld'],
    ['proto-source.yaml', 9, 3, 'sources.__proto__', 'field.reserved'],
    ['extends-not-scenario.yaml', 8, 10, 'extends', 'extends.invalid'],
    ['extends-package-json.yaml', 8, 10, 'extends', 'extends.not-found'],
  ])('%s → line %i, col %i, field "%s", code %s', (name, line, col, field, code) => {
    const problems = problemsOf(`${DIR}/${name}`);
    const { message, ...place } = problems[0] as ScenarioProblem;
    expect(place).toEqual({ file: `${DIR}/${name}`, line, col, field, code });
    expect(message.length).toBeGreaterThan(0);
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
    expect(problemsOf(file)[0]?.message).toBe('is too large to be a scenario (10.0 MB; the limit is 8 MB)');
  });

  it('a missing file', () => {
    expect(problemsOf(`${DIR}/no-such-file.yaml`)[0]).toEqual({
      file: `${DIR}/no-such-file.yaml`,
      line: 1,
      col: 1,
      field: '',
      code: 'file.missing',
      message: 'no such file',
    });
  });
});
