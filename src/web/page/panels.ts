/** The page's panels for one step: the step itself, and the record as it stood then. */

import type { DisputeRecord } from '../../schemas/record.js';
import { byId, fill, h, status, table } from './dom.js';
import { ballotFigureWords, humanDate, regimeById, scopeAt } from './engine.js';
import type { Inspection, InspectionStep } from './types.js';

/** A day as the rest of the page writes it: `13 Mar 2023`. */
const regimeName = (id: Parameters<typeof regimeById>[0]): string => regimeById(id).name;
const day = (iso: string | null | undefined): string => (iso ? humanDate(iso.slice(0, 10)) : '—');
const pct = (x: number | undefined): string => (x === undefined ? '—' : `${Number(x.toFixed(2))}%`);

/** A strike's dates in a few words: `15 Dec 2022 08:00–20:00`, or `30 Apr 2023 20:00 → 1 May 2023 23:59`. */
function when(start: string, end: string): string {
  const [from, to] = [humanDate(start), humanDate(end)];
  const sameDay = start.slice(0, 10) === end.slice(0, 10) && from.includes(':') && to.includes(':');
  return sameDay ? `${from}–${to.slice(to.lastIndexOf(' ') + 1)}` : `${from} → ${to}`;
}

/** The current step: date, cause, event, refusal, state changes, note, sources, data. */
export function renderStep(
  data: Inspection,
  step: InspectionStep | undefined,
  classroom = false,
  decision?: string,
): void {
  const el = byId('step');
  // Details a reader opened stay open from step to step.
  const open = new Set([...el.querySelectorAll('details[open]')].map((d) => d.getAttribute('data-key')));
  if (!step) {
    fill(
      el,
      h('p', { class: 'step-date' }, 'Before the first event'),
      h(
        'p',
        { class: 'muted' },
        classroom
          ? `${data.scenario.title}, from ${humanDate(data.scenario.period.from)}. Step through it: what happens next stays hidden until you reveal it.`
          : data.scenario.summary,
      ),
    );
    return;
  }
  const cause = !step.accepted
    ? h('span', { class: 'cause refused' }, '✗ refused')
    : step.cause === 'time'
      ? h('span', { class: 'cause time' }, '◷ by the passage of time')
      : step.own
        ? h('span', { class: 'cause own' }, '• this branch’s own event')
        : h('span', { class: 'cause' }, '• from the record');
  const sources = step.sources.map((id) => {
    const s = data.scenario.sources[id];
    if (!s) return h('li', {}, id);
    return h(
      'li',
      {},
      h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, s.title),
      ` — ${s.publisher}${s.date ? `, ${humanDate(s.date)}` : ''}`,
      s.archived
        ? h(
            'span',
            { class: 'muted' },
            ' (read as a ',
            h('a', { href: s.archived, target: '_blank', rel: 'noopener noreferrer' }, 'copy'),
            ')',
          )
        : null,
    );
  });
  fill(
    el,
    h(
      'div',
      { class: 'step-head' },
      h('span', { class: 'step-date' }, step.when),
      cause,
      h('span', { class: 'muted' }, `step ${step.index + 1} of ${data.steps.length}`),
    ),
    h('p', { class: 'step-event' }, step.description),
    decision ? h('p', { class: 'decision' }, h('strong', {}, 'A decision point: '), decision) : null,
    step.reason ? h('p', { class: 'reason' }, `Refused: ${step.reason}`) : null,
    step.changes.length
      ? h('ul', { class: 'changes', 'aria-label': 'State changes' }, ...step.changes.map((c) => h('li', {}, c)))
      : null,
    step.note ? h('p', { class: 'note' }, step.note) : null,
    step.later ? h('p', { class: 'note later spoiler' }, h('strong', {}, 'Later: '), step.later) : null,
    sources.length ? h('h2', {}, 'Sources') : null,
    sources.length ? h('ul', { class: 'sources', id: 'sources' }, ...sources) : null,
    h(
      'details',
      { class: 'technical', 'data-key': 'event', ...(open.has('event') ? { open: '' } : {}) },
      h('summary', {}, `Event data (${step.event.type})`),
      h('pre', {}, JSON.stringify(step.event, null, 2)),
    ),
    h(
      'details',
      { class: 'technical', 'data-key': 'active', ...(open.has('active') ? { open: '' } : {}) },
      h('summary', {}, 'Active states'),
      h('ul', { class: 'active-list' }, ...step.active.map((path) => h('li', {}, path))),
    ),
  );
}

/** The record at a step: claim and mandate, offers and awards, actions, office holders. */
export function renderFacts(record: DisputeRecord, now: string): void {
  const { claim } = record.dispute;
  const { ballots, mandate: m } = record.balloting;
  const { offers, awards } = record.negotiation;
  const { actions, daysOfAction } = record.action;
  // A ballot by when it closed, as a reader names it, never by its id.
  const ballotOf = (id: string) => {
    const closed = ballots.find((b) => b.id === id)?.closedAt;
    return closed ? `ballot of ${day(closed)}` : 'its ballot';
  };
  // The employers column only where some strike counts them (the RCN called some employers at a time).
  const counted = actions.some((a) => a.employers);
  fill(
    byId('mandate'),
    h(
      'p',
      {},
      h('strong', {}, 'Claim: '),
      claim
        ? `${claim.summary}${claim.payRestorationPct !== undefined ? ` (${claim.payRestorationPct}%)` : ''}`
        : 'not yet declared',
    ),
    h(
      'p',
      {},
      h('strong', {}, 'Mandate: '),
      !m
        ? 'none yet'
        : m.endedAt
          ? `ended ${day(m.endedAt)} (${m.end === 'court' ? `declared over by ${m.endedBy ?? 'a court'}` : (m.end ?? '')}); from ${ballotOf(m.ballot)}`
          : m.expiresAt
            ? `live, expires ${day(m.expiresAt)}${m.endedBy ? ` (as ${m.endedBy} decided)` : ''} (${ballotOf(m.ballot)}, ${regimeName(m.regime)})${m.covers ? `, at ${m.covers.count} ${m.covers.unit}` : ''}`
            : m.startBy
              ? `live; action must begin by ${day(m.startBy)} (${ballotOf(m.ballot)})`
              : `live until given up (${ballotOf(m.ballot)})`,
    ),
    ballots.length
      ? table(
          ['opened', 'closed', 'result as published', 'mandate'],
          ballots.map((b) => [
            day(b.openedAt),
            day(b.closedAt),
            b.closedAt ? ballotFigureWords(b) : '—',
            b.closedAt ? (b.mandate ? (b.asAnnounced ? 'yes (as announced)' : 'yes') : 'no') : 'open',
          ]),
          [],
        )
      : null,
  );
  // In date order, by the dates themselves (the cells show them as a reader writes them).
  const rows = [
    ...offers.map((o) => ({
      at: o.madeAt,
      cells: [day(o.madeAt), `offer by ${o.by}`, o.summary, pct(o.payUpliftPct), status(o.status)] as (string | Node)[],
    })),
    ...awards.map((a) => ({
      at: a.publishedAt,
      cells: [
        day(a.publishedAt),
        `${a.body} award`,
        a.summary,
        pct(a.payUpliftPct),
        status(a.acceptedAt ? 'accepted' : 'published'),
      ] as (string | Node)[],
    })),
  ]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((r) => r.cells);
  fill(
    byId('offers'),
    rows.length
      ? table(['date', 'what', 'terms', 'pay', 'status'], rows, [3])
      : h('p', { class: 'muted' }, 'No offer or award yet.'),
  );
  fill(
    byId('actions'),
    h(
      'p',
      {},
      h('strong', {}, `${daysOfAction} day${daysOfAction === 1 ? '' : 's'} of action`),
      ` completed by ${humanDate(now.slice(0, 10))}`,
      record.action.running !== null ? h('strong', {}, ' · a strike is under way') : null,
    ),
    actions.length
      ? table(
          ['when', 'scope', ...(counted ? ['at'] : []), 'status', 'days'],
          actions.map((a) => [
            when(a.start, a.end),
            scopeAt(a, now).replaceAll('-', ' '),
            ...(counted ? [a.employers ? `${a.employers.count} ${a.employers.kind}` : ''] : []),
            a.court ? h('span', {}, status(a.status), ` (court: ${a.court})`) : status(a.status),
            a.days === undefined ? '' : String(a.days),
          ]),
          [counted ? 4 : 3],
        )
      : h('p', { class: 'muted' }, 'No strike called yet.'),
  );
  const current = new Map<string, { holder: string; since: string }>();
  for (const o of record.surroundings.officeHolders) current.set(o.role, o);
  fill(
    byId('people'),
    current.size
      ? table(
          ['role', 'holder', 'since'],
          [...current].map(([role, o]) => [role, o.holder, day(o.since)]),
        )
      : h('p', { class: 'muted' }, 'No office holder recorded yet.'),
  );
}
