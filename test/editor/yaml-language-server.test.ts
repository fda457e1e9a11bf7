/**
 * Scenario files in an editor, proved with the real `yaml-language-server` over stdio: the schema that
 * `dispute-sim schema --out` writes, found through the modeline `modelineFor` computes, gives completion of every
 * event type, hovers that say what a field means, and diagnostics that name the actual mistake.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { shippedScenarioFiles } from '../../src/loader/registry.js';
import { BallotClosed, EVENT_TYPES } from '../../src/schemas/events/index.js';
import { scenarioJsonSchema } from '../../src/schemas/json-schema.js';
import { modelineFor, SCHEMA_FILE_NAME, withModeline } from '../../src/schemas/modeline.js';
import { cli } from '../helpers/cli.js';
import { type Diagnostic, positionOf, YamlLanguageServer } from './lsp.js';

const folders: string[] = [];
const servers: YamlLanguageServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder outside the project holding the schema as `dispute-sim schema --out` writes it. */
async function folderWithSchema(): Promise<{ dir: string; schema: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'dispute-sim-editor-'));
  folders.push(dir);
  const schema = join(dir, 'my-scenarios', SCHEMA_FILE_NAME);
  const run = await cli('schema', '--out', schema);
  expect(run.code, run.stderr).toBe(0);
  return { dir, schema };
}

/** A server over `dir`, with a scenario written (and opened) at `file` under the modeline for that place. */
async function openScenario(dir: string, schema: string, file: string, body: string) {
  const text = withModeline(body, file, schema);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  const server = await YamlLanguageServer.start(dir);
  servers.push(server);
  return { server, text, uri: server.open(file, text) };
}

const HEADER = `id: editor-check
title: Editor check
kind: example
period: { from: 2023-01-01, to: 2023-12-31 }
summary: A scenario written in an editor.
outcome: ongoing
events:
`;

/** The text a diagnostic covers. */
function covered(text: string, d: Diagnostic): string {
  const lines = text.split('\n');
  const { start, end } = d.range;
  if (start.line !== end.line) return '';
  return (lines[start.line] ?? '').slice(start.character, end.character);
}

describe('yaml-language-server with the generated schema', () => {
  it('completes `type: ` in an event with every event type', async () => {
    const { dir, schema } = await folderWithSchema();
    const body = `${HEADER}  - id: a\n    at: 2023-02-01\n    type: \n`;
    const { server, text, uri } = await openScenario(dir, schema, join(dir, 'my-scenarios', 'new.yaml'), body);
    const items = await server.completion(uri, positionOf(text, 'type: \n', 'type: '.length));
    expect(items.map((i) => i.label).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('a hover on `entitled` in a ballot.closed event says what it means; one on the type says what happened', async () => {
    const { dir, schema } = await folderWithSchema();
    const body = `${HEADER}  - id: a\n    at: 2023-02-01\n    type: ballot.closed\n    ballot: b\n    entitled: 400\n    cast: 260\n    yes: 230\n    no: 30\n`;
    const { server, text, uri } = await openScenario(dir, schema, join(dir, 'my-scenarios', 'new.yaml'), body);
    const entitled = await server.hover(uri, positionOf(text, 'entitled: 400', 3));
    expect(entitled).toContain(BallotClosed.shape.entitled.description);
    const type = await server.hover(uri, positionOf(text, 'ballot.closed', 3));
    expect(type).toContain(BallotClosed.description);
  });

  it('`type: offer.rejectd` is reported on the misspelt type, with the valid types, not as missing properties', async () => {
    const { dir, schema } = await folderWithSchema();
    const body = `${HEADER}  - id: a\n    at: 2023-02-01\n    type: offer.rejectd\n    offer: offer-1\n`;
    const { server, text, uri } = await openScenario(dir, schema, join(dir, 'my-scenarios', 'new.yaml'), body);
    const diagnostics = await server.diagnosticsFor(uri);
    expect(diagnostics.map((d) => d.message).join('\n')).not.toMatch(/Missing property/);
    expect(diagnostics).toHaveLength(1);
    const [typo] = diagnostics as [Diagnostic];
    expect(covered(text, typo)).toBe('offer.rejectd');
    for (const type of EVENT_TYPES) expect(typo.message).toContain(`"${type}"`);
  });

  it.each([
    ['21/01/2023', 'not ISO 8601'],
    ['2023-02-30', 'not a day of the calendar'],
    ['0048-01-01', 'a year before 1000'],
  ])('`at: %s` (%s) gets the date pattern’s diagnostic', async (date) => {
    const { dir, schema } = await folderWithSchema();
    const body = `${HEADER}  - id: a\n    at: ${date}\n    type: talks.opened\n    with: employers\n`;
    const { server, text, uri } = await openScenario(dir, schema, join(dir, 'my-scenarios', 'new.yaml'), body);
    const diagnostics = await server.diagnosticsFor(uri);
    const instant = scenarioJsonSchema().$defs as { instant: { patternErrorMessage: string } };
    expect(diagnostics.map((d) => [covered(text, d), d.message])).toEqual([
      [date, instant.instant.patternErrorMessage],
    ]);
  });

  it('a scenario outside scenarios/ finds the schema `schema --out` wrote, through the modeline for its place', async () => {
    const { dir, schema } = await folderWithSchema();
    const porters = readFileSync('scenarios/examples/porters.yaml', 'utf8');
    const good = join(dir, 'my-scenarios', 'porters.yaml');
    const bad = join(dir, 'my-scenarios', 'drafts', 'broken.yaml');
    expect(withModeline(porters, good, schema).split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./scenario.schema.json',
    );
    expect(modelineFor(bad, schema)).toBe('# yaml-language-server: $schema=../scenario.schema.json');
    const { server, uri: goodUri } = await openScenario(dir, schema, good, porters);
    const badText = withModeline(porters.replace('kind: example', 'kind: exemple'), bad, schema);
    mkdirSync(join(bad, '..'), { recursive: true });
    writeFileSync(bad, badText);
    const badUri = server.open(bad, badText);
    const problems = await server.diagnosticsFor(badUri);
    expect(problems.map((d) => covered(badText, d))).toEqual(['exemple']);
    expect(await server.diagnosticsFor(goodUri, () => true)).toEqual([]);
  });

  it('every shipped scenario is clean in the editor, as it is for the loader', async () => {
    const root = process.cwd();
    const server = await YamlLanguageServer.start(root);
    servers.push(server);
    const files = shippedScenarioFiles();
    const uris = files.map((f) => server.open(f, readFileSync(f, 'utf8')));
    const published = await Promise.all(uris.map((u) => server.diagnosticsFor(u, () => true)));
    expect(Object.fromEntries(files.map((f, i) => [basename(f), published[i]]))).toEqual(
      Object.fromEntries(files.map((f) => [basename(f), []])),
    );
  });
});
