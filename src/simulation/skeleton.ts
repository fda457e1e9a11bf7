/**
 * The skeleton of a new branch: a counterfactual that extends a scenario and diverges at one of its events, and
 * the events the machine would accept there, with lawful example values (a strike with the notice the law then
 * asks, a ballot that passes and one that fails the thresholds in force, an offer, a vote on the offer on the
 * table). Each suggestion is checked on a copy of the engine at that point. Pure: the CLI writes it as YAML.
 */
import { judgeBallot, regimeForBallot, regimeForNotice } from '../domain/regimes.js';
import { addDays, formatInstant, parseInstant, startOfDay } from '../domain/time.js';
import { currentOffer, nextPendingAction, runningAction } from '../machine/checks.js';
import type { DisputeEvent } from '../schemas/events/index.js';
import type { Scenario, ScenarioFile } from '../schemas/scenario.js';
import { type BranchFields, branchAt } from './branch.js';
import type { Engine } from './engine.js';
import { Replayer } from './replay.js';

/** A suggestion: what it would mean, and its events in order (each checked in turn on a copy of the engine). */
export interface Suggestion {
  says: string;
  events: (DisputeEvent & { id: string })[];
}

/** A new branch and what could happen at its point of divergence. */
export interface Skeleton {
  branch: ScenarioFile;
  /** The instant the branch takes over: the base event it replaces. */
  at: string;
  suggestions: Suggestion[];
}

/** A day `days` after an instant, at a time of day (UK local), as a scenario writes it: `2023-06-05T07:00`. */
function dayAt(ms: number, days: number, time = '07:00'): string {
  return `${formatInstant(addDays(startOfDay(ms), days)).slice(0, 10)}T${time}`;
}

/** The day of an instant as a scenario writes it. */
const day = (ms: number): string => formatInstant(ms).slice(0, 10);

/** The suggestions worth checking at the point of divergence, before the check. */
function candidates(engine: Engine, atMs: number): Suggestion[] {
  const c = engine.snapshot.context;
  const at = day(atMs);
  const out: Suggestion[] = [];
  const notice = regimeForNotice(c.law.rules, atMs);
  const mandate = c.balloting.mandate;
  if (mandate && !mandate.endedAt) {
    // Notice as the law of the day counts it, and two days of action ending before the mandate does.
    const start = dayAt(atMs, notice.noticeDays);
    let end = dayAt(atMs, notice.noticeDays + 2);
    if (mandate.expiresAt && parseInstant(end) >= parseInstant(mandate.expiresAt)) {
      end = formatInstant(parseInstant(mandate.expiresAt) - 60_000).slice(0, 16);
    }
    out.push({
      says: `call a strike with the ${notice.noticeDays} days' notice ${notice.name} asks, ending before the mandate does`,
      events: [
        { id: 'my-strike-called', type: 'strike.called', at, action: 'my-strike', start, end, scope: 'full-walkout' },
      ],
    });
  }
  const open = c.balloting.ballots.find((b) => !b.closedAt);
  const regime = regimeForBallot(c.law.rules, open ? parseInstant(open.openedAt) : atMs);
  const passing = { entitled: 10_000, cast: 6_000, yes: 5_000, no: 1_000 };
  // A result that fails the law in force: too low a turnout where it has a threshold, else a majority against.
  const failing =
    regime.turnoutThreshold !== null
      ? { entitled: 10_000, cast: 4_500, yes: 4_000, no: 500 }
      : { entitled: 10_000, cast: 4_500, yes: 2_000, no: 2_500 };
  const passes =
    regime.turnoutThreshold !== null
      ? `${regime.name}'s thresholds (60% turnout, 50% of all members voting yes)`
      : `${regime.name}: a majority of those voting say yes (5,000 to 1,000)`;
  const verdict = (f: typeof passing) => judgeBallot(regime, f, c.law.importantPublicService);
  const ballotId = open?.id ?? 'my-ballot';
  const opening: Suggestion['events'] = open
    ? []
    : [{ id: 'my-ballot-opened', type: 'ballot.opened', at, ballot: ballotId, closes: dayAt(atMs, 28, '12:00') }];
  const closes = open ? at : dayAt(atMs, 28, '12:00');
  out.push({
    says: `${open ? 'close the open ballot' : 'ballot the members'} with a result that passes ${passes}`,
    events: [...opening, { id: 'my-ballot-passes', type: 'ballot.closed', at: closes, ballot: ballotId, ...passing }],
  });
  const fails = verdict(failing).reasons.join('; ');
  out.push({
    says: `${open ? 'close the open ballot' : 'ballot the members'} with a result that fails ${regime.name}: ${fails || 'no mandate'}`,
    events: [...opening, { id: 'my-ballot-fails', type: 'ballot.closed', at: closes, ballot: ballotId, ...failing }],
  });
  const offer = currentOffer(c);
  if (offer?.status === 'open') {
    out.push({
      says: `put the offer on the table (${offer.id}) to the members, who accept it two weeks later`,
      events: [
        {
          id: 'my-vote-opened',
          type: 'referendum.opened',
          at,
          referendum: 'my-vote',
          kind: 'referendum',
          offer: offer.id,
        },
        {
          id: 'my-vote-closed',
          type: 'referendum.closed',
          at: dayAt(atMs, 14, '12:00'),
          referendum: 'my-vote',
          yesPct: 60,
          noPct: 40,
        },
      ],
    });
    out.push({
      says: `the committee accepts the offer on the table (${offer.id})`,
      events: [{ id: 'my-offer-accepted', type: 'offer.accepted', at, offer: offer.id }],
    });
    out.push({
      says: `the committee rejects the offer on the table (${offer.id})`,
      events: [{ id: 'my-offer-rejected', type: 'offer.rejected', at, offer: offer.id }],
    });
  } else if (offer?.status === 'putToMembers') {
    const vote = c.negotiation.referendums.find((r) => !r.closedAt && r.offer === offer.id);
    if (vote) {
      out.push({
        says: `the members accept the offer they are voting on (${offer.id})`,
        events: [{ id: 'my-vote-closed', type: 'referendum.closed', at, referendum: vote.id, yesPct: 60, noPct: 40 }],
      });
    }
  } else {
    out.push({
      says: 'the government tables an offer, which the members then vote on and accept',
      events: [
        {
          id: 'my-offer',
          type: 'offer.made',
          at,
          offer: 'my-offer',
          by: 'the government',
          summary: 'describe the offer',
          payUpliftPct: 5,
        },
        {
          id: 'my-vote-opened',
          type: 'referendum.opened',
          at,
          referendum: 'my-vote',
          kind: 'referendum',
          offer: 'my-offer',
        },
        {
          id: 'my-vote-closed',
          type: 'referendum.closed',
          at: dayAt(atMs, 14, '12:00'),
          referendum: 'my-vote',
          yesPct: 60,
          noPct: 40,
        },
      ],
    });
  }
  const strike = runningAction(c) ?? nextPendingAction(c);
  if (strike) {
    out.push({
      says: `suspend the strike ${strike.status === 'running' ? 'under way' : 'called'} (${strike.id})`,
      events: [{ id: 'my-strike-suspended', type: 'strike.suspended', at, action: strike.id }],
    });
  }
  if (!c.dispute.declaredAt) {
    out.push({
      says: 'the union declares a trade dispute',
      events: [
        { id: 'my-dispute', type: 'dispute.declared', at, by: 'the union', claim: { summary: 'describe the claim' } },
      ],
    });
  }
  out.push(
    {
      says: 'open talks with the government',
      events: [{ id: 'my-talks', type: 'talks.opened', at, with: 'government' }],
    },
    { says: 'go to Acas for conciliation', events: [{ id: 'my-acas', type: 'conciliation.opened', at }] },
    {
      says: 'the government imposes its terms',
      events: [{ id: 'my-imposition', type: 'terms.imposed', at, by: 'the government', summary: 'describe the terms' }],
    },
    { says: 'the union ends the dispute', events: [{ id: 'my-end', type: 'dispute.ended', at }] },
  );
  return out;
}

/** Whether a copy of the engine accepts a suggestion's events, one after another. */
function accepted(engine: Engine, s: Suggestion): boolean {
  const run = engine.fork();
  try {
    return s.events.every(({ id: _id, ...event }) => run.send(event as DisputeEvent).accepted);
  } finally {
    run.stop();
  }
}

/** The suggestions the machine accepts on an engine at an instant, each checked on a copy of it. */
export function suggestionsOn(engine: Engine, atMs: number): Suggestion[] {
  return candidates(engine, atMs).filter((s) => accepted(engine, s));
}

/**
 * A branch of `base` diverging at one of its events (`atEventId`), with the suggestions the machine accepts at
 * that point, just before the event. Throws `UnknownEventError` for an event the base does not hold.
 */
export function skeletonAt(base: Scenario, atEventId: string, fields: BranchFields = {}): Skeleton {
  const branch = branchAt(base, atEventId, fields);
  const cut = base.events.findIndex((e) => e.id === atEventId);
  const replayer = new Replayer(base, base.period.from);
  try {
    for (const event of base.events.slice(0, cut)) replayer.offer(event);
    const at = base.events[cut]?.at as string;
    const atMs = Math.max(parseInstant(at), replayer.engine.nowMs);
    replayer.advanceTo(atMs);
    const suggestions = suggestionsOn(replayer.engine, atMs);
    // A branch may run past the record's end: its period reaches the last suggested event, so each validates.
    const dates = suggestions.flatMap((s) => s.events.map((e) => parseInstant(e.at)));
    const to = formatInstant(Math.max(parseInstant(branch.period.to), ...dates)).slice(0, 10);
    const period = to > branch.period.to ? { ...branch.period, to } : branch.period;
    return { branch: { ...branch, period }, at: formatInstant(atMs), suggestions };
  } finally {
    replayer.stop();
  }
}

/** The first event of a scenario after the end of a day (or an instant): where a branch from that date diverges. */
export function firstEventAfter(base: Scenario, date: string): string | undefined {
  const end = parseInstant(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T23:59:59` : date);
  return base.events.find((e) => parseInstant(e.at) > end)?.id;
}
