/** Plain-English one-liners for events, dates and states, shared by every renderer. */

type Ev = { type: string; [key: string]: unknown };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An instant as a reader wants it: `13 Mar 2023`, with the UK time when it is not midnight. */
export function humanDate(iso: string, withYear = true): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d, h, mi] = m;
  const day = `${Number(d)} ${MONTHS[Number(mo) - 1]}${withYear ? ` ${y}` : ''}`;
  return h && (h !== '00' || mi !== '00') ? `${day} ${h}:${mi}` : day;
}

/**
 * A claim in a few words as a reader says it: `35% (restoration since 2008/09)`, `RPI + 5%`, or the claim's own
 * summary where it names no figure. Never a percentage the claim does not state.
 */
export function claimWords(claim: {
  summary: string;
  payRestorationPct?: number | undefined;
  indexPlus?: { index: string; plusPct: number } | undefined;
  restorationSince?: string | undefined;
}): string {
  const since = claim.restorationSince ? `restoration since ${claim.restorationSince}` : '';
  if (claim.indexPlus) {
    const peg = `${claim.indexPlus.index} + ${formatNumber(claim.indexPlus.plusPct)}%`;
    return since ? `${peg} (${since})` : peg;
  }
  if (claim.payRestorationPct !== undefined) {
    return `${formatNumber(claim.payRestorationPct)}%${since ? ` (${since})` : ' pay rise'}`;
  }
  return since ? `full pay ${since}` : claim.summary;
}

/** A span of days, e.g. `13–16 Mar 2023`. */
function span(start: unknown, end: unknown): string {
  if (typeof start !== 'string' || typeof end !== 'string') return '';
  return `${humanDate(start)} → ${humanDate(end)}`;
}

/**
 * A number as an English reader writes it, `175,122` or `8.8`: what `toLocaleString('en-GB')` gives, without
 * loading the locale data (tens of ms of every command's start-up).
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const [whole = '', fraction] = (Math.round(Math.abs(x) * 1000) / 1000).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${x < 0 || Object.is(x, -0) ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

const num = (x: unknown): string => (typeof x === 'number' ? formatNumber(x) : String(x));
const pct = (x: unknown): string => (typeof x === 'number' ? `${Number(x.toFixed(2))}%` : '?');

/** A ballot's figures as published, shortest first; a disaggregated ballot by its constituencies, never totals. */
export interface BallotFiguresLike {
  entitled?: number | undefined;
  cast?: number | undefined;
  yes?: number | undefined;
  no?: number | undefined;
  turnoutPct?: number | undefined;
  yesPct?: number | undefined;
  constituencies?: { met: number; balloted?: number | undefined; unit: string } | undefined;
}

/**
 * A ballot's result in words, from what was published and nothing else: `86.08% yes on 71.08% turnout (20,741
 * yes of 24,106 cast)`, `thresholds met at 130 NHS organisations in England (no national totals)`, or `figures not
 * published`. Shares are worked out from counts only where both were given.
 */
export function ballotFigureWords(b: BallotFiguresLike): string {
  if (b.constituencies) {
    const { met, balloted, unit } = b.constituencies;
    return `thresholds met at ${formatNumber(met)}${balloted !== undefined ? ` of ${formatNumber(balloted)}` : ''} ${unit} (balloted one by one: no national totals)`;
  }
  const turnout =
    b.entitled !== undefined && b.cast !== undefined && b.entitled > 0 ? (b.cast / b.entitled) * 100 : b.turnoutPct;
  const yes = b.yes !== undefined && b.cast !== undefined && b.cast > 0 ? (b.yes / b.cast) * 100 : b.yesPct;
  const shares = [yes !== undefined ? `${pct(yes)} yes` : '', turnout !== undefined ? `on ${pct(turnout)} turnout` : '']
    .filter(Boolean)
    .join(' ');
  const counts = [
    b.yes !== undefined ? `${num(b.yes)} yes` : '',
    b.no !== undefined ? `${num(b.no)} no` : '',
    b.cast !== undefined ? `${num(b.cast)} cast` : '',
    b.entitled !== undefined ? `${num(b.entitled)} entitled` : '',
  ].filter(Boolean);
  if (!shares && counts.length === 0) return 'figures not published';
  return counts.length ? `${shares}${shares ? ' ' : ''}(${counts.join(', ')})` : shares;
}

/** A strike's scope in words, with the changes its call declared: `emergency care only; full walkout from 21 Sep 2023 07:00`. */
export function scopeWords(a: {
  scope: string;
  scopeChanges?: readonly { from: string; scope: string }[] | undefined;
}): string {
  const words = (scope: string) => scope.replaceAll('-', ' ');
  return [words(a.scope), ...(a.scopeChanges ?? []).map((c) => `${words(c.scope)} from ${humanDate(c.from)}`)].join(
    '; ',
  );
}

/** A strike's scope at an instant: its scope at the start, or the last change its call declared before then. */
export function scopeAt(
  a: { scope: string; scopeChanges?: readonly { from: string; scope: string }[] | undefined },
  instant: string,
): string {
  let scope = a.scope;
  for (const c of a.scopeChanges ?? []) if (Date.parse(c.from) <= Date.parse(instant)) scope = c.scope;
  return scope;
}

/** Two days as a reader writes a span: `13–16 Mar 2023`, `30 Mar – 2 Apr 2023`, `30 Dec 2025 – 5 Jan 2026`. */
export function daySpan(start: string, end: string): string {
  const a = /^(\d{4})-(\d{2})-(\d{2})/.exec(start);
  const b = /^(\d{4})-(\d{2})-(\d{2})/.exec(end);
  if (!a || !b) return `${humanDate(start)} – ${humanDate(end)}`;
  if (a[0] === b[0]) return humanDate(start).replace(/ \d{2}:\d{2}$/, '');
  const month = (m: RegExpExecArray) => MONTHS[Number(m[2]) - 1];
  if (a[1] !== b[1]) return `${Number(a[3])} ${month(a)} ${a[1]} – ${Number(b[3])} ${month(b)} ${b[1]}`;
  if (a[2] !== b[2]) return `${Number(a[3])} ${month(a)} – ${Number(b[3])} ${month(b)} ${b[1]}`;
  return `${Number(a[3])}–${Number(b[3])} ${month(b)} ${b[1]}`;
}

/**
 * What a reader calls the things events refer to, learnt from the events seen so far: `the strike of 13–16 Mar
 * 2023`, `the offer of 16 May 2023`, `the DDRB award`. Ids are handles for files, never words for a reader, and a
 * name comes only from an event already seen, so that no line names a date still to come (classroom mode shows
 * the steps one at a time). Something never introduced gets a plain name: `the strike`, `an offer`.
 */
export class EventNames {
  private readonly strikes = new Map<string, string>();
  private readonly offers = new Map<string, string>();
  private readonly votes = new Map<string, string>();
  private readonly awards = new Map<string, string>();
  private readonly challenges = new Map<string, string>();

  /** Learns the names an event introduces. */
  see(e: Ev): void {
    const id = (key: string) => (typeof e[key] === 'string' ? (e[key] as string) : undefined);
    switch (e.type) {
      case 'strike.called': {
        const action = id('action');
        if (action && typeof e.start === 'string' && typeof e.end === 'string' && !this.strikes.has(action)) {
          this.strikes.set(action, `the strike of ${daySpan(e.start, e.end)}`);
        }
        break;
      }
      case 'offer.made': {
        const offer = id('offer');
        const at = id('at');
        if (offer && !this.offers.has(offer))
          this.offers.set(offer, at ? `the offer of ${humanDate(at)}` : 'the offer');
        break;
      }
      case 'referendum.opened': {
        const vote = id('referendum');
        if (vote) this.votes.set(vote, e.kind === 'survey' ? 'the survey of members' : 'the referendum of members');
        break;
      }
      case 'award.published': {
        const award = id('award');
        const body = id('body');
        if (award && body) this.awards.set(award, `the ${shortBody(body)} award`);
        break;
      }
      case 'challenge.filed': {
        const challenge = id('challenge');
        const by = id('by');
        if (challenge && by) this.challenges.set(challenge, `the legal challenge by ${by}`);
        break;
      }
    }
  }

  strike(id: unknown): string {
    return this.strikes.get(String(id)) ?? 'the strike';
  }
  offer(id: unknown, fallback = 'the offer'): string {
    return this.offers.get(String(id)) ?? fallback;
  }
  vote(id: unknown): string {
    return this.votes.get(String(id)) ?? 'the vote of members';
  }
  award(id: unknown): string {
    return this.awards.get(String(id)) ?? 'the award';
  }
  challenge(id: unknown): string {
    return this.challenges.get(String(id)) ?? 'the legal challenge';
  }

  /** Learns what an event introduces, then describes it: the way to describe a run of events in order. */
  describe(e: Ev): string {
    this.see(e);
    return describeEvent(e, this);
  }
}

/** A pay body as its short name where it gives one: `DDRB (Review Body on …)` → `DDRB`, `… (NHSPRB)` → `NHSPRB`. */
function shortBody(body: string): string {
  const bracket = /\(([A-Z]{2,10})\)$/.exec(body);
  if (bracket?.[1]) return bracket[1];
  return body.replace(/ \(.*\)$/, '');
}

/** `X becomes Y`, or `X and Y become Y` for more than one holder. */
function becomes(holder: string): string {
  return / and |,/.test(holder.replace(/\(.*\)/, '')) ? 'become' : 'becomes';
}

/** What a court's decision orders, in words, or '' for one that orders nothing. */
function courtOrderWords(e: Ev, names: EventNames): string {
  const orders: string[] = [];
  if (typeof e.mandateEnds === 'string') orders.push(`the mandate ends ${humanDate(e.mandateEnds)}`);
  for (const o of Array.isArray(e.strikes) ? (e.strikes as { action?: unknown; endsAt?: unknown }[]) : []) {
    orders.push(
      typeof o.endsAt === 'string'
        ? `${names.strike(o.action)} may run only until ${humanDate(o.endsAt)}`
        : `${names.strike(o.action)} is stopped`,
    );
  }
  return orders.length ? `: ${orders.join('; ')}` : '';
}

/**
 * An outcome in words, with what a bare outcome leaves out: a dispute abandoned after terms it rejected were
 * implemented over its head says so, and by whom.
 */
export function outcomeWords(
  outcome: string,
  record: { surroundings: { implementations?: readonly { at: string; by: string }[] } },
): string {
  const implemented = record.surroundings.implementations?.at(-1);
  if (outcome === 'abandoned' && implemented) {
    return `abandoned, after terms it rejected were implemented over its head (${implemented.by}, ${humanDate(implemented.at)})`;
  }
  return outcome;
}

/** Words wrapped into lines of at most `width` characters (one empty line for no words). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/**
 * What an event says, in a short line, naming what it refers to as `names` knows it (see `EventNames`; with
 * none, by plain names such as `the strike`). To describe a run of events, use one `EventNames` and its
 * `describe`, which learns each event's names first.
 */
export function describeEvent(e: Ev, names: EventNames = new EventNames()): string {
  switch (e.type) {
    case 'dispute.declared':
      return `${String(e.by)} declares a dispute: ${String((e.claim as { summary?: string })?.summary ?? '')}`;
    case 'ballot.opened':
      return `a strike ballot opens${e.closes ? ` (closes ${humanDate(String(e.closes))})` : ''}`;
    case 'ballot.closed': {
      const announced = typeof e.announced === 'string' ? `; result announced ${humanDate(e.announced)}` : '';
      const result =
        e.result === 'mandate'
          ? ', a mandate as announced'
          : e.result === 'no-mandate'
            ? ', no mandate as announced'
            : '';
      return `the ballot closes: ${ballotFigureWords(e as BallotFiguresLike)}${result}${announced}`;
    }
    case 'mandate.extended':
      return `mandate extended by agreement to ${humanDate(String(e.until))}`;
    case 'mandate.relinquished':
      return 'the union gives up its mandate';
    case 'mandate.lapsed':
      return 'the mandate lapses';
    case 'mandate.windowClosed':
      return 'the window to begin action closes';
    case 'talks.opened':
      return `talks open with the ${String(e.with)}${e.mediator ? `, chaired by ${String(e.mediator)}` : ''}`;
    case 'talks.concluded':
      return `talks conclude${e.offer ? ` with ${names.offer(e.offer, 'an offer')}` : ' with something to put to members'}`;
    case 'talks.collapsed':
      return `talks collapse${e.by ? ` (${String(e.by)})` : ''}`;
    case 'conciliation.requested':
      return `${String(e.by)} asks Acas to conciliate`;
    case 'conciliation.declined':
      return `${String(e.by)} declines conciliation`;
    case 'conciliation.opened':
      return 'conciliation by Acas begins';
    case 'conciliation.ended':
      return `conciliation ends ${e.agreement ? 'with an agreement' : 'without agreement'}`;
    case 'offer.made':
      return `an offer from ${String(e.by)}: ${String(e.summary)}`;
    case 'offer.withdrawn':
      return `${names.offer(e.offer)} is withdrawn`;
    case 'offer.rejected':
      return `the committee rejects ${names.offer(e.offer)}`;
    case 'offer.accepted':
      return `the committee accepts ${names.offer(e.offer)}`;
    case 'referendum.opened':
      return `a ${e.kind === 'survey' ? 'survey' : 'referendum'} of members opens${e.offer ? ` on ${names.offer(e.offer)}` : e.question ? `: ${String(e.question)}` : ''}`;
    case 'referendum.closed':
      return `${names.vote(e.referendum)} closes: ${[
        e.yesPct !== undefined ? `${pct(e.yesPct)} yes` : '',
        e.noPct !== undefined ? `${pct(e.noPct)} no` : '',
        e.yesPct === undefined && e.noPct === undefined ? `${e.result === 'yes' ? 'yes' : 'no'} as announced` : '',
      ]
        .filter(Boolean)
        .join(', ')}${e.turnoutPct !== undefined ? ` on ${pct(e.turnoutPct)} turnout` : ''}`;
    case 'award.published':
      return `${String(e.body)} publishes its award: ${String(e.summary)}`;
    case 'award.accepted':
      return `${names.award(e.award)} is accepted${e.inFull ? ' in full' : ' in part'}`;
    case 'strike.called': {
      const employers = e.employers as { count?: number; kind?: string } | undefined;
      const at = employers ? `, at ${num(employers.count)} ${String(employers.kind)}` : '';
      const scope = scopeWords({
        scope: String(e.scope),
        scopeChanges: e.scopeChanges as { from: string; scope: string }[] | undefined,
      });
      const argued =
        typeof e.mandateEndArgued === 'string'
          ? ` (on the mandate as argued, to ${humanDate(e.mandateEndArgued)})`
          : '';
      return `a strike is called: ${span(e.start, e.end)}, ${scope}${at}${argued}`;
    }
    case 'strike.rescheduled':
      return `${names.strike(e.action)} is moved to ${span(e.start, e.end)}`;
    case 'strike.rescoped':
      return `${names.strike(e.action)} is now ${String(e.scope).replaceAll('-', ' ')}`;
    case 'strike.suspended':
      return `${names.strike(e.action)} is suspended`;
    case 'strike.cancelled':
      return `${names.strike(e.action)} is called off`;
    case 'strike.started':
      return `${names.strike(e.action)} begins`;
    case 'strike.ended':
      return `${names.strike(e.action)} ends`;
    case 'strike.lapsed':
      return `${names.strike(e.action)} cannot go ahead: the mandate has ended`;
    case 'impact.reported': {
      const parts = [
        e.appointmentsRescheduled !== undefined ? `${num(e.appointmentsRescheduled)} appointments rescheduled` : '',
        e.staffAbsentPeak !== undefined ? `${num(e.staffAbsentPeak)} absent at the peak` : '',
        typeof e.summary === 'string' ? e.summary : '',
      ].filter(Boolean);
      return `impact of ${names.strike(e.action)} (${String(e.by)})${parts.length ? `: ${parts.join(', ')}` : ''}`;
    }
    case 'terms.imposed':
      return `${String(e.by)} imposes terms: ${String(e.summary)}`;
    case 'terms.paused':
      return `${String(e.by)} pauses the imposed terms${e.summary ? `: ${String(e.summary)}` : ''}`;
    case 'challenge.filed':
      return `a legal challenge by ${String(e.by)}`;
    case 'challenge.decided':
      return `${names.challenge(e.challenge)}: ${String(e.result)}${courtOrderWords(e, names)}`;
    case 'terms.implemented':
      return `${String(e.by)} implements terms over the union's head: ${String(e.summary)}${e.offer ? ` (${names.offer(e.offer)})` : ''}`;
    case 'office.changed':
      return `${String(e.holder)} ${becomes(String(e.holder))} ${String(e.role)}`;
    case 'poll.published':
      return `${String(e.pollster)} poll: ${pct(e.supportPct)} support${e.opposePct !== undefined ? `, ${pct(e.opposePct)} oppose` : ''}`;
    case 'law.changed':
      return `new industrial-action law in force (${String(e.regime)})`;
    case 'dispute.ended':
      return `the dispute ends${e.summary ? `: ${String(e.summary)}` : ''}`;
    default:
      return e.type;
  }
}

/** The leaf state of each region in a list of active paths, e.g. `{ mandate: 'live.term', action: 'striking' }`. */
export function regionLeaves(active: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const leaves = active.filter((p) => !active.some((q) => q !== p && q.startsWith(`${p}.`)));
  for (const leaf of leaves) {
    const parts = leaf.split('.');
    if (parts[0] === 'active' && parts.length > 2) out[parts[1] ?? ''] = parts.slice(2).join('.');
    else out.dispute = leaf;
  }
  return out;
}

/** What changed between two sets of active states, e.g. `action: announced → striking`. */
export function stateChanges(before: readonly string[], after: readonly string[]): string[] {
  const a = regionLeaves(before);
  const b = regionLeaves(after);
  const out: string[] = [];
  if (a.dispute !== b.dispute && (b.dispute || a.dispute)) {
    if (b.dispute) out.push(`dispute: ${b.dispute}`);
    else if (a.dispute === 'grievance') out.push('dispute: active');
  }
  for (const region of Object.keys(b)) {
    if (region === 'dispute') continue;
    if (a[region] !== b[region]) out.push(`${region}: ${a[region] ? `${a[region]} → ` : ''}${b[region]}`);
  }
  return out;
}
