import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import { disputeMachine } from '../../../src/machine/dispute.machine.js';
import { emphasisFromTrace } from '../../../src/render/chart/emphasis.js';
import { drawableEnds, TAKEN_MARK, toMermaid } from '../../../src/render/chart/mermaid.js';
import { allNodes, chartModel } from '../../../src/render/chart/model.js';
import { browserTestsRun, launch } from '../../helpers/browser.js';
import { replayed } from '../../helpers/scenarios.js';

const model = chartModel(disputeMachine);
const emphasis = emphasisFromTrace(replayed('example').trace, model);
const plain = toMermaid(model);
const marked = toMermaid(model, { emphasis });

/** The lines of the block opened by `opener`, up to its closing brace. */
function block(text: string, opener: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === opener);
  const indent = lines[start]?.match(/^ */)?.[0] ?? '';
  const end = lines.findIndex((l, i) => i > start && l === `${indent}}`);
  return lines.slice(start, end + 1).join('\n');
}

/** Mermaid's own parser, in Node. DOMPurify (which Mermaid uses to clean labels) needs a DOM that Node lacks; */
/** parsing never needs the cleaning, so its two entry points are stood in for. The grammar is Mermaid's. */
async function mermaidParser(): Promise<(text: string) => Promise<unknown>> {
  const purify = (await import('dompurify')).default as unknown as Record<string, unknown>;
  purify.addHook ??= () => undefined;
  purify.sanitize ??= (text: unknown) => String(text);
  const mermaid = (await import('mermaid')).default;
  mermaid.initialize({ startOnLoad: false });
  return (text) => mermaid.parse(text);
}

describe('toMermaid', () => {
  it('the mandate region: ids from paths, initial marker, transitions into live drawn to live with their labels', () => {
    expect(block(plain, 'state active_mandate {')).toMatchInlineSnapshot(`
      "    state active_mandate {
            direction LR
            [*] --> active_mandate_none
            %% none: No ballot has yet given the union a mandate: any strike now would be unlawful.
            state "none" as active_mandate_none
            %% failed: The last ballot failed: too few voted, or too few of those entitled voted yes, so there is no mandate.
            state "failed" as active_mandate_failed
            %% live: The union holds a live mandate and may call lawful industrial action with due notice.
            state "live" as active_mandate_live
            state active_mandate_live {
              direction LR
              [*] --> active_mandate_live_term
              %% term: A fixed-term mandate (six months under the 2016 Act, twelve under the 2025 Act); it lapses by itself on its expiry date.
              state "term" as active_mandate_live_term
              %% window: Before 2017: action must begin within four weeks of the ballot (longer by agreement), or the mandate is lost.
              state "window" as active_mandate_live_window
              %% openEnded: Before 2017: action began in time, so the mandate stays live until the union gives it up.
              state "openEnded" as active_mandate_live_openEnded
              active_mandate_live_term --> active_mandate_live_term : mandate.extended [isAllowedExtension]
              active_mandate_live_window --> active_mandate_live_window : mandate.extended [isAllowedExtension]
              active_mandate_live_window --> active_mandate_live_openEnded : after untilActionWindowCloses [actionBegunUnderMandate]
            }
            %% lapsed: The mandate has run out, or a court has declared it over; a new ballot is needed before any further strike.
            state "lapsed" as active_mandate_lapsed
            %% relinquished: The union has given up its mandate.
            state "relinquished" as active_mandate_relinquished
            active_mandate_none --> active_mandate_live : ballot.closed [isOpenBallot && isKnownResult && isMainBallot && ballotGivesOpenEndedMandate]
            active_mandate_none --> active_mandate_live : ballot.closed [isOpenBallot && isKnownResult && isMainBallot && ballotGivesFixedMandate]
            active_mandate_none --> active_mandate_failed : ballot.closed [isOpenBallot && isKnownResult && isMainBallot && ballotFails]
            active_mandate_failed --> active_mandate_live : ballot.closed [isOpenBallot && isKnownResult && isMainBallot && ballotGivesOpenEndedMandate]
            active_mandate_failed --> active_mandate_live : ballot.closed [isOpenBallot && isKnownResult && isMainBallot && ballotGivesFixedMandate]
            active_mandate_failed --> active_mandate_failed : ballot.closed [isOpenBallot && isKnownResult && isMainBallot && ballotFails]
            active_mandate_live --> active_mandate_live : ballot.closed [isOpenBallot && isKnownResult && isMainBallot && ballotGivesOpenEndedMandate]
            active_mandate_live --> active_mandate_live : ballot.closed [isOpenBallot && isKnownResult && isMainBallot && ballotGivesFixedMandate]
            active_mandate_live --> active_mandate_relinquished : mandate.relinquished [noStrikeCalledOrUnderWay]
            active_mandate_live --> active_mandate_lapsed : challenge.decided [isPendingChallenge && hasPossibleOrders && courtEndsMandateNow]
            active_mandate_live --> active_mandate_live : challenge.decided [isPendingChallenge && hasPossibleOrders && courtFixesMandateEnd]
            active_mandate_live --> active_mandate_lapsed : after untilMandateExpires
            active_mandate_live --> active_mandate_lapsed : after untilActionWindowCloses
            active_mandate_lapsed --> active_mandate_live : ballot.closed [isOpenBallot && isKnownResult && isMainBallot && ballotGivesOpenEndedMandate]
            active_mandate_lapsed --> active_mandate_live : ballot.closed [isOpenBallot && isKnownResult && isMainBallot && ballotGivesFixedMandate]
            active_mandate_lapsed --> active_mandate_failed : ballot.closed [isOpenBallot && isKnownResult && isMainBallot && ballotFails]
            active_mandate_relinquished --> active_mandate_live : ballot.closed [isOpenBallot && isKnownResult && isMainBallot && ballotGivesOpenEndedMandate]
            active_mandate_relinquished --> active_mandate_live : ballot.closed [isOpenBallot && isKnownResult && isMainBallot && ballotGivesFixedMandate]
            active_mandate_relinquished --> active_mandate_failed : ballot.closed [isOpenBallot && isKnownResult && isMainBallot && ballotFails]
          }"
    `);
  });

  it('is a left-to-right stateDiagram-v2 with every state declared once and the outcomes leading to [*]', () => {
    const lines = plain.split('\n');
    expect(lines.slice(0, 2)).toEqual(['stateDiagram-v2', '  direction LR']);
    for (const node of allNodes(model.root).slice(1)) {
      const id = node.path.replaceAll('.', '_');
      const names = id === node.key ? [id, `state ${id} {`] : [`state "${node.key}" as ${id}`];
      const declared = lines.filter((l) => names.includes(l.trim()));
      expect(declared, node.path).toHaveLength(1);
    }
    expect(plain).toContain('state "none" as active_mandate_none');
    expect(plain).toContain('state "none" as active_offer_none');
    for (const outcome of ['settled', 'imposed', 'abandoned']) expect(lines).toContain(`  ${outcome} --> [*]`);
    const initials = lines.filter((l) => l.trim().startsWith('[*] -->')).map((l) => l.trim());
    expect(initials).toEqual([
      '[*] --> grievance',
      '[*] --> active_ballot_idle',
      '[*] --> active_mandate_none',
      '[*] --> active_mandate_live_term',
      '[*] --> active_negotiation_noTalks',
      '[*] --> active_offer_none',
      '[*] --> active_action_none',
    ]);
    // The five regions of `active`, separated by four `--` lines.
    expect(
      block(plain, 'state active {')
        .split('\n')
        .filter((l) => l.trim() === '--'),
    ).toHaveLength(4);
  });

  it('draws every transition, each between states declared in the block it is written in', () => {
    const transitions: string[] = [];
    const scopes: Set<string>[] = [new Set()];
    for (const raw of plain.split('\n').slice(1)) {
      const line = raw.trim();
      const scope = scopes.at(-1) as Set<string>;
      const opened = line.match(/^state (\w+) \{$/);
      const declared = line.match(/^state "[^"]+" as (\w+)$/) ?? line.match(/^(\w+)$/);
      const transition = line.match(/^(\w+) --> (\w+) : (.+)$/);
      if (opened?.[1]) {
        scope.add(opened[1]);
        scopes.push(new Set());
      } else if (line === '}') scopes.pop();
      else if (line === '--') scope.clear();
      else if (declared?.[1] && line !== 'direction') scope.add(declared[1]);
      else if (transition) {
        expect(scope, line).toContain(transition[1]);
        expect(scope, line).toContain(transition[2]);
        transitions.push(transition[3] as string);
      }
    }
    const labels = model.edges.map((e) => (e.guard ? `${e.event} [${e.guard}]` : e.event));
    expect(transitions.sort()).toEqual(labels.sort());
    expect(plain).toContain('  active --> settled : offer.accepted [isOfferOnTable]');
    expect(plain).toContain('active_mandate_live --> active_mandate_lapsed : after untilMandateExpires');
  });

  it('emphasis: classDef at the top level, class on visited leaves only, ✓ on each transition taken', () => {
    expect(plain).not.toContain('classDef');
    expect(plain).not.toContain(TAKEN_MARK);
    const lines = marked.split('\n');
    expect(lines[2]).toMatch(/^ {2}classDef visited /);
    const classLine = lines.filter((l) => l.includes(' visited') && l.trim().startsWith('class '));
    expect(classLine).toHaveLength(1);
    const ids = (classLine[0] as string).trim().split(' ')[1]?.split(',') ?? [];
    expect(ids).toContain('grievance');
    expect(ids).toContain('active_mandate_live_term');
    expect(ids).toContain('settled');
    expect(ids).not.toContain('active_mandate_live');
    expect(ids).not.toContain('active');
    expect(ids).not.toContain('active_mandate_failed');
    expect(marked.split(`: ${TAKEN_MARK} `).length - 1).toBe(emphasis.edges.size);
    expect(marked).toContain(`grievance --> active : ${TAKEN_MARK} dispute.declared`);
  });

  it('lifts transitions Mermaid cannot draw: into a composite, between regions, from a composite into itself', () => {
    const toy = chartModel(
      createMachine({
        id: 'toy',
        initial: 'p',
        states: {
          p: {
            type: 'parallel',
            on: { leave: '.a.y' },
            states: {
              a: { initial: 'x', states: { x: { on: { across: '#toy.p.b.z', out: '#toy.q' } }, y: {} } },
              b: { initial: 'z', states: { z: {} } },
            },
          },
          q: { type: 'final' },
        },
      }),
    );
    const types = new Map(allNodes(toy.root).map((n) => [n.path, n.type]));
    expect(toy.edges.map((e) => [e.event, drawableEnds(e, types)])).toEqual([
      ['leave', ['p', 'p']],
      ['across', ['p', 'p']],
      ['out', ['p', 'q']],
    ]);
    expect(toMermaid(toy)).toContain('  p --> q : out\n');
  });

  describe('Mermaid’s parser accepts it', () => {
    let parse: (text: string) => Promise<unknown>;
    beforeAll(async () => {
      parse = await mermaidParser();
    });

    it('with and without emphasis', async () => {
      await expect(parse(plain)).resolves.toMatchObject({ diagramType: 'stateDiagram' });
      await expect(parse(marked)).resolves.toMatchObject({ diagramType: 'stateDiagram' });
    });

    it('and rejects a broken diagram (so the check can fail)', async () => {
      await expect(parse(plain.replace('grievance --> active', 'grievance --> --> active'))).rejects.toThrow(
        /Parse error/,
      );
    });
  });
});

describe.runIf(browserTestsRun('Mermaid renders it in Chromium'))('Mermaid renders it in Chromium', () => {
  it('draws every state, with visited ones styled', { timeout: 60_000 }, async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><html><body></body></html>');
      await page.addScriptTag({ path: fileURLToPath(import.meta.resolve('mermaid/dist/mermaid.min.js')) });
      const svg = await page.evaluate(async (text) => {
        const m = (globalThis as unknown as { mermaid: typeof import('mermaid').default }).mermaid;
        m.initialize({ startOnLoad: false });
        await m.parse(text);
        return (await m.render('chart', text)).svg;
      }, marked);
      for (const node of allNodes(model.root).slice(1)) expect(svg, node.path).toContain(`>${node.key}<`);
      expect(svg).toMatch(/class="[^"]*visited/);
    } finally {
      await browser.close();
    }
  });
});
