import { describe, expect, it } from 'vitest';
import { disputeMachine } from '../../../src/machine/dispute.machine.js';
import { emphasisFromTrace } from '../../../src/render/chart/emphasis.js';
import { layoutChart } from '../../../src/render/chart/layout.js';
import { allNodes, chartModel } from '../../../src/render/chart/model.js';
import { escapeXml, toSvg } from '../../../src/render/chart/svg.js';
import { browserTestsRun, launch } from '../../helpers/browser.js';
import { replayed } from '../../helpers/scenarios.js';

const model = chartModel(disputeMachine);
const laid = await layoutChart(model);
const emphasis = emphasisFromTrace(replayed('example').trace, model);
const plain = toSvg(laid);
const marked = toSvg(laid, { emphasis, title: 'The path of the porters' });

/** Throws unless the text is well-formed XML: tags balanced, attributes quoted and unique, `<` and `&` escaped. */
function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  let last = 0;
  for (const match of xml.matchAll(/<[^>]*>/g)) {
    const text = xml.slice(last, match.index);
    if (/<|&(?!#\d+;|amp;|lt;|gt;|quot;|apos;)/.test(text)) throw new Error(`unescaped text: ${text.slice(0, 60)}`);
    last = match.index + match[0].length;
    const tag = match[0];
    const closing = tag.match(/^<\/([\w:-]+)>$/);
    if (closing) {
      if (stack.pop() !== closing[1]) throw new Error(`unbalanced ${tag}`);
      continue;
    }
    const open = tag.match(/^<([\w:-]+)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>$/);
    if (!open?.[1]) throw new Error(`malformed tag ${tag.slice(0, 80)}`);
    const names = [...(open[2] ?? '').matchAll(/([\w:-]+)=/g)].map((m) => m[1]);
    if (new Set(names).size !== names.length) throw new Error(`duplicate attribute in ${tag.slice(0, 80)}`);
    if (!open[3]) stack.push(open[1]);
  }
  if (stack.length > 0) throw new Error(`unclosed ${stack.join(' > ')}`);
}

/** The drawn box of each state, by path, read back from the SVG. */
function boxes(svg: string): Map<string, { x: number; y: number }> {
  const found = svg.matchAll(
    /data-path="([^"]*)">\s*<title>[^<]*<\/title>\s*<rect class="box" x="([\d.]+)" y="([\d.]+)"/g,
  );
  return new Map([...found].map((m) => [m[1] as string, { x: Number(m[2]), y: Number(m[3]) }]));
}

/** The element opened by `opener` (a whole line), up to its closing tag at the same indent. */
function element(svg: string, opener: string): string {
  const lines = svg.split('\n');
  const start = lines.findIndex((l) => l.trim() === opener);
  const indent = lines[start]?.match(/^ */)?.[0] ?? '';
  const end = lines.findIndex((l, i) => i > start && l === `${indent}</g>`);
  return lines.slice(start, end + 1).join('\n');
}

describe('toSvg', () => {
  it('the ballot region: a dashed lane holding its initial marker and its states, descriptions as titles', () => {
    expect(element(plain, '<g class="state state-compound region" data-path="active.ballot">')).toMatchInlineSnapshot(`
      "  <g class="state state-compound region" data-path="active.ballot">
          <title>Statutory ballots of the members for industrial action.</title>
          <rect class="box" x="386" y="60" width="2296" height="133.3" rx="10"/>
          <path class="header-rule" d="M386,90 h2296"/>
          <text class="active-mark" x="405" y="75">▶</text>
          <text class="label header" x="410" y="75">ballot</text>
          <g class="marker-initial" data-initial-of="active.ballot"><circle cx="410" cy="131.7" r="5"/><path d="M416,131.7 L436,131.7" marker-end="url(#sc-arrow)"/></g>
          <g class="state state-atomic" data-path="active.ballot.idle">
            <title>No ballot is open.</title>
            <rect class="box" x="436" y="114.7" width="84" height="34" rx="8"/>
            <text class="active-mark" x="457.5" y="131.7">▶</text>
            <text class="label" x="478" y="131.7">idle</text>
          </g>
          <g class="state state-atomic" data-path="active.ballot.open">
            <title>Members are voting in a statutory ballot; the law in force when it opened will judge it.</title>
            <rect class="box" x="784" y="114.7" width="84" height="34" rx="8"/>
            <text class="active-mark" x="805.5" y="131.7">▶</text>
            <text class="label" x="826" y="131.7">open</text>
          </g>
        </g>"
    `);
    const edge = plain.split('\n').findIndex((l) => l.includes('data-event="ballot.opened"'));
    expect(
      plain
        .split('\n')
        .slice(edge, edge + 5)
        .join('\n'),
    ).toMatchInlineSnapshot(`
      "<g class="edge" data-edge="e3" data-event="ballot.opened">
        <title>ballot.opened [isNewBallot]</title>
        <path class="route" d="M520,126 L784,126" marker-end="url(#sc-arrow)"/>
        <text class="label"><tspan x="652" y="113.5">ballot.opened<tspan class="guard"> [isNewBallot]</tspan></tspan></text>
      </g>"
    `);
  });

  it('is a standalone, well-formed SVG with a viewBox and its own style', () => {
    expect(() => assertWellFormed(plain)).not.toThrow();
    expect(() => assertWellFormed(marked)).not.toThrow();
    expect(() => assertWellFormed(plain.replace('</title>', ''))).toThrow(/unbalanced/);
    expect(plain).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="statechart" viewBox="0 0 \d+(\.\d)? \d+(\.\d)?"/,
    );
    expect(plain).toContain('<style>');
    expect(plain).not.toMatch(/href="http|@import|url\(http/);
  });

  it('draws every state once, with its exact path, type and description as its title', () => {
    for (const node of allNodes(model.root).slice(1)) {
      const opening = new RegExp(
        `<g class="state state-${node.type}[^"]*" data-path="${node.path.replaceAll('.', '\\.')}">`,
        'g',
      );
      expect(plain.match(opening), node.path).toHaveLength(1);
      expect(plain, node.path).toContain(`<title>${escapeXml(node.description ?? '')}`);
    }
    expect(plain.match(/<g class="state /g)).toHaveLength(allNodes(model.root).length - 1);
    expect(plain).toContain('Handled here without a change of state: strike.called, strike.rescheduled');
    expect(plain.match(/class="box-inner"/g)).toHaveLength(3);
    expect(plain).toContain('∥ parallel regions');
  });

  it('reads left to right: grievance, active, settled; idle before open; none, announced, striking', () => {
    const at = boxes(plain);
    const x = (path: string): number => at.get(path)?.x ?? Number.NaN;
    expect(x('grievance')).toBeLessThan(x('active'));
    expect(x('active')).toBeLessThan(x('settled'));
    expect(x('active.ballot.idle')).toBeLessThan(x('active.ballot.open'));
    expect(x('active.action.none')).toBeLessThan(x('active.action.announced'));
    expect(x('active.action.announced')).toBeLessThan(x('active.action.striking'));
  });

  it('every transition is a g.edge listing its chart edges, with an arrowhead and an event [guard] label', () => {
    const listed = [...plain.matchAll(/<g class="edge" data-edge="([^"]+)" data-event="([^"]+)">/g)];
    expect(listed.flatMap((m) => (m[1] as string).split(' ')).sort()).toEqual(model.edges.map((e) => e.id).sort());
    expect(plain.match(/marker-end="url\(#sc-arrow\)"/g)?.length).toBeGreaterThanOrEqual(listed.length);
    expect(plain).toContain('>referendum.opened</tspan><tspan class="guard"');
    expect(plain).toContain('>[isVoteOnOffer &amp;&amp; isNewVote &amp;&amp;</tspan>');
  });

  it('emphasis: visited states and taken transitions get classes, styled by weight and pattern as well as colour', () => {
    expect(plain).not.toMatch(/class="[^"]*\b(visited|taken)\b/);
    expect(marked).toContain('<g class="state state-atomic visited" data-path="grievance">');
    expect(marked).toContain('<g class="state state-atomic visited" data-path="active.mandate.live.term">');
    expect(marked).toContain('<g class="state state-atomic" data-path="active.mandate.failed">');
    const taken = [...marked.matchAll(/<g class="edge taken" data-edge="([^"]+)"/g)].flatMap((m) =>
      (m[1] as string).split(' '),
    );
    for (const id of emphasis.edges) expect(taken).toContain(id);
    expect(marked).toMatch(/\.state\.visited[^{]*> \.box \{ fill: url\(#sc-visited\)/);
    expect(marked).toMatch(/\.edge\.taken > \.route \{ stroke: #2f5d7c; stroke-width: 2\.75px/);
    expect(marked).toContain('<tspan class="hit">strike.suspended</tspan>, strike.cancelled');
    expect(marked).toContain('<title id="sc-title">The path of the porters</title>');
  });

  it('is ready for the inspector: .is-active outlines a state, bolds its label and shows its ▶ mark', () => {
    expect(plain.match(/<text class="active-mark"[^>]*>▶<\/text>/g)).toHaveLength(allNodes(model.root).length - 1);
    expect(plain).toContain('.statechart .active-mark { display: none;');
    expect(plain).toContain('.statechart .state.is-active > .box { stroke: #111111; stroke-width: 3.5px; }');
    expect(plain).toContain('.statechart .state.is-active > .label { font-weight: 800;');
    expect(plain).toContain('.statechart .state.is-active > .active-mark { display: inline; }');
  });
});

describe.runIf(browserTestsRun('in Chromium'))('in Chromium', () => {
  it('an is-active state shows its ▶ mark and a thick outline; the others do not', { timeout: 60_000 }, async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.setContent(`<!doctype html><html><body>${marked}</body></html>`);
      const styles = await page.evaluate(() => {
        document.querySelector('g.state[data-path="active.ballot.idle"]')?.classList.add('is-active');
        const look = (path: string) => {
          const g = document.querySelector(`g.state[data-path="${path}"]`);
          const mark = g?.querySelector(':scope > .active-mark');
          const box = g?.querySelector(':scope > .box');
          return [mark && getComputedStyle(mark).display, box && getComputedStyle(box).strokeWidth];
        };
        return { active: look('active.ballot.idle'), other: look('active.ballot.open'), parent: look('active.ballot') };
      });
      expect(styles.active?.[0]).not.toBe('none');
      expect(styles.active?.[1]).toBe('3.5px');
      expect(styles.other).toEqual(['none', '2.25px']);
      expect(styles.parent?.[0]).toBe('none');
    } finally {
      await browser.close();
    }
  });
});
