import { beforeAll, describe, expect, it } from 'vitest';
import { disputeMachine } from '../../../src/machine/dispute.machine.js';
import { toDot } from '../../../src/render/chart/dot.js';
import { emphasisFromTrace } from '../../../src/render/chart/emphasis.js';
import { allNodes, chartModel } from '../../../src/render/chart/model.js';
import { replayed } from '../../helpers/scenarios.js';

const model = chartModel(disputeMachine);
const emphasis = emphasisFromTrace(replayed('example').trace, model);
const plain = toDot(model);
const marked = toDot(model, { emphasis });
const lines = plain.split('\n');

/** The cluster of a compound state, as written. */
function cluster(text: string, path: string): string {
  const all = text.split('\n');
  const start = all.findIndex((l) => l.trim() === `subgraph "cluster_${path}" {`);
  const indent = all[start]?.match(/^ */)?.[0] ?? '';
  const end = all.findIndex((l, i) => i > start && l === `${indent}}`);
  return all.slice(start, end + 1).join('\n');
}

const edgeLine = (text: string, id: string): string =>
  text.split('\n').find((l) => l.includes(`id="${id}"`) && l.includes('->')) ?? '';
const idOf = (source: string, target: string, event: string): string =>
  model.edges.find((e) => e.source === source && e.target === target && e.event === event)?.id ?? '';

describe('toDot', () => {
  it('the mandate cluster: a point for the initial state, live as a cluster with an entry point, tooltips', () => {
    expect(cluster(plain, 'active.mandate')).toMatchInlineSnapshot(`
      "    subgraph "cluster_active.mandate" {
            graph [label="mandate", tooltip="The legal mandate for industrial action that a successful ballot gives.", id="active.mandate", style="rounded,filled", fillcolor="#f8f7f3", color="#6b7780"];
            "active.mandate.__initial" [shape="point", width=0.12, color="#33414b", fillcolor="#33414b", tooltip="initial state"];
            "active.mandate.__initial" -> "active.mandate.none";
            "active.mandate.none" [label="none", tooltip="No ballot has yet given the union a mandate: any strike now would be unlawful.", id="active.mandate.none"];
            "active.mandate.failed" [label="failed", tooltip="The last ballot failed: too few voted, or too few of those entitled voted yes, so there is no mandate.", id="active.mandate.failed"];
            subgraph "cluster_active.mandate.live" {
              graph [label="live", tooltip="The union holds a live mandate and may call lawful industrial action with due notice.", id="active.mandate.live", style="rounded,filled", fillcolor="#f1efe9", color="#6b7780"];
              "active.mandate.live.__initial" [shape="point", width=0.12, color="#33414b", fillcolor="#33414b", tooltip="initial state"];
              "active.mandate.live.__initial" -> "active.mandate.live.term";
              "active.mandate.live.__entry" [shape="circle", width=0.14, fixedsize="true", label="", fillcolor="#ffffff", tooltip="live itself, for transitions between it and a state inside it"];
              "active.mandate.live.term" [label="term", tooltip="A fixed-term mandate (six months under the 2016 Act, twelve under the 2025 Act); it lapses by itself on its expiry date.", id="active.mandate.live.term"];
              "active.mandate.live.window" [label="window", tooltip="Before 2017: action must begin within four weeks of the ballot (longer by agreement), or the mandate is lost.", id="active.mandate.live.window"];
              "active.mandate.live.openEnded" [label="openEnded", tooltip="Before 2017: action began in time, so the mandate stays live until the union gives it up.", id="active.mandate.live.openEnded"];
            }
            "active.mandate.lapsed" [label="lapsed", tooltip="The mandate has run out, or a court has declared it over; a new ballot is needed before any further strike.", id="active.mandate.lapsed"];
            "active.mandate.relinquished" [label="relinquished", tooltip="The union has given up its mandate.", id="active.mandate.relinquished"];
          }"
    `);
  });

  it('is a left-to-right compound digraph with a cluster per compound state, the parallel one dashed', () => {
    expect(lines[0]).toBe('digraph "dispute" {');
    expect(plain).toMatch(/graph \[rankdir=LR, compound=true/);
    const compounds = allNodes(model.root).filter((n) => n.path && n.children.length > 0);
    for (const c of compounds) expect(plain, c.path).toContain(`subgraph "cluster_${c.path}" {`);
    const active = cluster(plain, 'active').split('\n')[1] ?? '';
    expect(active).toMatch(/label="active {2}∥ parallel"/);
    expect(active).toMatch(/style="dashed,rounded,filled"/);
    expect(cluster(plain, 'active.ballot').split('\n')[1]).not.toContain('dashed');
  });

  it('every leaf is a node with its description as tooltip; outcomes have two borders; initial states are points', () => {
    for (const leaf of allNodes(model.root).filter((n) => n.path && n.children.length === 0)) {
      const line = lines.find((l) => l.trim().startsWith(`"${leaf.path}" [`)) ?? '';
      expect(line, leaf.path).toContain(`label="${leaf.key}"`);
      expect(line, leaf.path).toContain(`tooltip="${leaf.description?.replaceAll('"', '\\"')}`);
      expect(line.includes('peripheries=2'), leaf.path).toBe(leaf.type === 'final');
    }
    expect(lines.filter((l) => /"[\w.]*__initial" \[shape="point"/.test(l))).toHaveLength(7);
  });

  it('every transition is an edge labelled event [guard], clipped at compound borders with lhead/ltail', () => {
    for (const e of model.edges) {
      const label = e.guard ? `${e.event} [${e.guard}]` : e.event;
      expect(edgeLine(plain, e.id), e.id).toContain(`label="${label}"`);
    }
    expect(edgeLine(plain, idOf('grievance', 'active', 'dispute.declared'))).toBe(
      '  "grievance" -> "active.ballot.idle" [label="dispute.declared", tooltip="dispute.declared", id="e0", lhead="cluster_active"];',
    );
    expect(edgeLine(plain, idOf('active', 'imposed', 'dispute.ended'))).toMatch(
      /^ {2}"active\.ballot\.idle" -> "imposed" \[.*ltail="cluster_active"/,
    );
    expect(edgeLine(plain, idOf('active.mandate.live', 'active.mandate.relinquished', 'mandate.relinquished'))).toMatch(
      /"active\.mandate\.live\.term" -> "active\.mandate\.relinquished" \[.*ltail="cluster_active\.mandate\.live"/,
    );
    // live → live.term cannot be clipped at live's border (term is inside it): it leaves live's entry point.
    expect(edgeLine(plain, idOf('active.mandate.live', 'active.mandate.live.term', 'ballot.closed'))).toMatch(
      /^ {2}"active\.mandate\.live\.__entry" -> "active\.mandate\.live\.term" \[/,
    );
  });

  it('emphasis: visited states and taken transitions are thicker, bold and coloured; the rest unchanged', () => {
    expect(plain).not.toContain('penwidth');
    const grievance = marked.split('\n').find((l) => l.trim().startsWith('"grievance" [')) ?? '';
    expect(grievance).toMatch(/penwidth=2\.5, color="#2f5d7c", fillcolor="#e6eef4", style="rounded,filled,bold"/);
    const taken = edgeLine(marked, idOf('grievance', 'active', 'dispute.declared'));
    expect(taken).toMatch(/penwidth=2\.5, color="#2f5d7c", fontcolor="#2f5d7c", style="bold"/);
    expect(edgeLine(marked, idOf('active', 'abandoned', 'dispute.ended'))).not.toContain('penwidth');
    expect(marked.split('\n').filter((l) => l.includes('->') && l.includes('style="bold"'))).toHaveLength(
      emphasis.edges.size,
    );
  });

  describe('Graphviz (compiled to WebAssembly) lays it out', () => {
    let dot: (text: string) => string;
    beforeAll(async () => {
      const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
      const graphviz = await Graphviz.load();
      dot = (text) => graphviz.dot(text);
    });

    it('without error, drawing every state, cluster and transition', () => {
      for (const text of [plain, marked]) {
        const svg = dot(text);
        expect(svg).toMatch(/^<\?xml/);
        for (const node of allNodes(model.root).filter((n) => n.path)) {
          const kind = node.children.length > 0 ? 'cluster' : 'node';
          expect(svg, node.path).toContain(`<g id="${node.path}" class="${kind}">`);
          expect(svg, node.path).toContain(
            `<title>${node.children.length > 0 ? `cluster_${node.path}` : node.path}</title>`,
          );
        }
        for (const e of model.edges) expect(svg, e.id).toContain(`<g id="${e.id}" class="edge">`);
      }
    });

    it('and rejects broken DOT (so the check can fail)', () => {
      expect(() => dot(plain.replace('digraph "dispute" {', 'digraph "dispute" {{'))).toThrow();
    });
  });
});
