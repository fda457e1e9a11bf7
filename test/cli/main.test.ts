import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Trace } from '../../src/schemas/trace.js';
import { cli } from '../helpers/cli.js';

describe('dispute-sim (in-process)', () => {
  it('--help lists the commands; no arguments is a usage error (exit 2)', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('replay');
    expect(help.stdout).toContain('validate');
    expect((await cli()).code).toBe(2);
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(await cli('--version')).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('every command has --help', async () => {
    for (const name of ['list', 'replay', 'validate', 'schema', 'start']) {
      const r = await cli(name, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: dispute-sim /);
    }
  });

  it('an unknown command or option is a readable usage error, exit 2, no stack trace', async () => {
    const unknown = await cli('replai');
    expect(unknown).toEqual({
      code: 2,
      stdout: '',
      stderr: 'dispute-sim: unknown command "replai"\nRun dispute-sim --help for the commands.\n',
    });
    const option = await cli('replay', 'example', '--jsn');
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("Unknown option '--jsn'");
    expect(option.stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad --until date is a usage error', async () => {
    const r = await cli('replay', 'example', '--until', '2023-02-30');
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'dispute-sim: --until 2023-02-30: 2023-02-30 is not a day of the calendar\nUsage: dispute-sim replay <id|alias|file…> [--json [--full-records]] [--strict] [--until DATE] [--compact]\n',
    });
  });

  it('an unknown scenario is an input problem (exit 1) naming the known ones', async () => {
    const r = await cli('replay', 'nope');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^dispute-sim: no scenario "nope"; known: .*example-porters, example/);
  });

  it('list shows id, aliases, kind, period and title', async () => {
    const r = await cli('list');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/example-porters\s+example\s+example\s+1 Jan 2023 – 31 Dec 2023\s+Hospital porters/);
  });

  it('replay prints a timeline with time-caused steps and the outcome', async () => {
    const r = await cli('replay', 'example');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('◷ 20 Mar 2023 07:00 the strike of 20–22 Mar 2023 begins');
    expect(r.stdout).toContain('→ action: announced → striking');
    expect(r.stdout).toMatch(/Outcome: settled on 5 May 2023/);
  });

  it('replay --json prints a Trace that the exported schema accepts, byte-identical on a second run', async () => {
    const a = await cli('replay', 'example', '--json');
    const b = await cli('replay', 'example', '--json');
    expect(a.stdout).toBe(b.stdout);
    const trace = Trace.parse(JSON.parse(a.stdout));
    expect(trace.final.outcome).toBe('settled');
    expect(trace.steps.filter((s) => s.cause === 'time').map((s) => s.event.type)).toEqual([
      'strike.started',
      'strike.ended',
    ]);
  });

  it('replay --until stops the clock there', async () => {
    const r = await cli('replay', 'example', '--json', '--until', '2023-03-21');
    const trace = Trace.parse(JSON.parse(r.stdout));
    expect(trace.final.date).toBe('2023-03-21T00:00:00+00:00');
    expect(trace.final.outcome).toBe('ongoing');
    expect(trace.final.active).toContain('active.action.striking');
  });

  it('replay --strict exits 1 naming each refused event', async () => {
    const r = await cli('replay', 'test/fixtures/valid/refused.yaml', '--strict');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('REFUSED: there is no live mandate for industrial action');
    expect(r.stderr).toBe(
      'refused-example: event wildcat (strike.called) refused: there is no live mandate for industrial action\n',
    );
    expect((await cli('replay', 'test/fixtures/valid/refused.yaml')).code).toBe(0);
  });

  it('replay takes several scenarios; --json then prints an array', async () => {
    const r = await cli('replay', 'example', 'test/fixtures/valid/refused.yaml', '--json');
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(2);
  });

  it('validate reports every problem as file:line:col field message, exit 1, and writes nothing', async () => {
    const file = 'test/fixtures/invalid/unknown-event-type.yaml';
    const before = statSync(file).mtimeMs;
    const r = await cli('validate', 'scenarios/examples/porters.yaml', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ok {2}scenarios\/examples\/porters.yaml/);
    expect(r.stderr).toBe(
      `${file}:16:11  events[1].type  unknown event type "ballot.openned" (did you mean "ballot.opened"?)  [event.type]\n1 of 2 files failed\n`,
    );
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('start replays every historical dispute, compares them and hints what to run next', async () => {
    const r = await cli('start');
    expect(r.code).toBe(0);
    for (const title of ['2015–16', '2022', '2025', 'Royal College of Nursing', 'consultants']) {
      expect(r.stdout).toContain(title);
    }
    expect(r.stdout).toMatch(
      /Comparison: Junior and resident doctors, 2015–26\ndispute\s+junior-doctors-2016\s+junior-doctors-2023\s+resident-doctors-2025\n/,
    );
    expect(r.stdout).toMatch(
      /Comparison: NHS pay disputes in England, 2022–24\ndispute\s+junior-doctors-2023\s+consultants-2024\s+rcn-nurses-2023\n/,
    );
    expect(r.stdout).toContain('Next: dispute-sim replay 2023');
  });

  it('`npm start -- replay example` (start with a command) runs that command', async () => {
    const r = await cli('start', 'replay', 'example', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).scenario.id).toBe('example-porters');
    expect((await cli('start', '--bogus')).code).toBe(2);
  });

  it('compare --json gives one summary a dispute', async () => {
    const r = await cli('compare', '2016', '2025', '--json');
    expect((JSON.parse(r.stdout) as { outcome: string }[]).map((s) => s.outcome)).toEqual(['imposed', 'settled']);
    expect((await cli('compare')).code).toBe(2);
  });

  it('a bad file given to replay is reported, not thrown', async () => {
    const r = await cli('replay', 'test/fixtures/invalid/binary.yaml');
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: 'test/fixtures/invalid/binary.yaml:1:1  (file)  is a binary file, not YAML text  [file.binary]\n',
    });
  });
});
