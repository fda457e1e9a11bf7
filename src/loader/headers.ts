/**
 * Scenario headers: the few top-level fields that name a scenario (id, aliases, title, kind, period, outcome),
 * read from the part of the file before its long lists, so `list` and look-ups by alias stay quick.
 * A file whose header cannot be read this way is left to the full loader, which reports its problems.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** What a scenario is called and covers. */
export interface ScenarioHeader {
  file: string;
  id: string;
  aliases: string[];
  title: string;
  kind: string;
  period: { from: string; to: string };
  outcome: string;
  extends?: string;
}

const LISTS = /^(?:parties|people|sources|events):/m;

const text = (x: unknown): x is string => typeof x === 'string' && x.length > 0;

/** The header of a scenario file, or undefined when it is not plainly there (the full loader then decides). */
export function readHeader(file: string): ScenarioHeader | undefined {
  let head: unknown;
  try {
    const source = readFileSync(file, 'utf8');
    const cut = source.search(LISTS);
    head = parse(cut >= 0 ? source.slice(0, cut) : source, { maxAliasCount: 10 });
  } catch {
    return undefined;
  }
  if (!head || typeof head !== 'object') return undefined;
  const h = head as Record<string, unknown>;
  const period = h.period as { from?: unknown; to?: unknown } | undefined;
  const aliases = h.aliases === undefined ? [] : h.aliases;
  if (!text(h.id) || !text(h.title) || !text(h.kind) || !text(h.outcome) || !period) return undefined;
  if (!text(period.from) || !text(period.to) || !Array.isArray(aliases) || !aliases.every(text)) return undefined;
  return {
    file,
    id: h.id,
    aliases: aliases.map(String),
    title: h.title,
    kind: h.kind,
    period: { from: period.from, to: period.to },
    outcome: h.outcome,
    ...(text(h.extends) ? { extends: h.extends } : {}),
  };
}
