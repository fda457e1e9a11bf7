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

/** What a court's decision orders, in words, or '' for one that orders nothing. */
function courtOrderWords(e: Ev): string {
  const orders: string[] = [];
  if (typeof e.mandateEnds === 'string') orders.push(`the mandate ends ${humanDate(e.mandateEnds)}`);
  for (const o of Array.isArray(e.strikes) ? (e.strikes as { action?: unknown; endsAt?: unknown }[]) : []) {
    orders.push(
      typeof o.endsAt === 'string'
        ? `strike ${String(o.action)} may run only until ${humanDate(o.endsAt)}`
        : `strike ${String(o.action)} is stopped`,
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

/** What an event says, in a short line. */
export function describeEvent(e: Ev): string {
  switch (e.type) {
    case 'dispute.declared':
      return `${String(e.by)} declares a dispute: ${String((e.claim as { summary?: string })?.summary ?? '')}`;
    case 'ballot.opened':
      return `ballot ${String(e.ballot)} opens${e.closes ? ` (closes ${humanDate(String(e.closes))})` : ''}`;
    case 'ballot.closed': {
      const announced = typeof e.announced === 'string' ? `; result announced ${humanDate(e.announced)}` : '';
      const result =
        e.result === 'mandate'
          ? ', a mandate as announced'
          : e.result === 'no-mandate'
            ? ', no mandate as announced'
            : '';
      return `ballot ${String(e.ballot)} closes: ${ballotFigureWords(e as BallotFiguresLike)}${result}${announced}`;
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
      return `talks conclude${e.offer ? ` with offer ${String(e.offer)}` : ' with something to put to members'}`;
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
      return `offer ${String(e.offer)} from ${String(e.by)}: ${String(e.summary)}`;
    case 'offer.withdrawn':
      return `offer ${String(e.offer)} withdrawn`;
    case 'offer.rejected':
      return `committee rejects offer ${String(e.offer)}`;
    case 'offer.accepted':
      return `committee accepts offer ${String(e.offer)}`;
    case 'referendum.opened':
      return `${String(e.kind)} ${String(e.referendum)} opens${e.offer ? ` on offer ${String(e.offer)}` : e.question ? `: ${String(e.question)}` : ''}`;
    case 'referendum.closed':
      return `${String(e.referendum)} closes: ${[
        e.yesPct !== undefined ? `${pct(e.yesPct)} yes` : '',
        e.noPct !== undefined ? `${pct(e.noPct)} no` : '',
        e.yesPct === undefined && e.noPct === undefined ? `${e.result === 'yes' ? 'yes' : 'no'} as announced` : '',
      ]
        .filter(Boolean)
        .join(', ')}${e.turnoutPct !== undefined ? ` on ${pct(e.turnoutPct)} turnout` : ''}`;
    case 'award.published':
      return `${String(e.body)} award ${String(e.award)}: ${String(e.summary)}`;
    case 'award.accepted':
      return `award ${String(e.award)} accepted${e.inFull ? ' in full' : ' in part'}`;
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
      return `strike ${String(e.action)} called: ${span(e.start, e.end)}, ${scope}${at}${argued}`;
    }
    case 'strike.rescheduled':
      return `strike ${String(e.action)} moved to ${span(e.start, e.end)}`;
    case 'strike.rescoped':
      return `strike ${String(e.action)} now ${String(e.scope).replaceAll('-', ' ')}`;
    case 'strike.suspended':
      return `strike ${String(e.action)} suspended`;
    case 'strike.cancelled':
      return `strike ${String(e.action)} called off`;
    case 'strike.started':
      return `strike ${String(e.action ?? '')} begins`;
    case 'strike.ended':
      return `strike ${String(e.action ?? '')} ends`;
    case 'strike.lapsed':
      return `strike ${String(e.action ?? '')} cannot go ahead: the mandate has ended`;
    case 'impact.reported': {
      const parts = [
        e.appointmentsRescheduled !== undefined ? `${num(e.appointmentsRescheduled)} appointments rescheduled` : '',
        e.staffAbsentPeak !== undefined ? `${num(e.staffAbsentPeak)} absent at the peak` : '',
        typeof e.summary === 'string' ? e.summary : '',
      ].filter(Boolean);
      return `impact of ${String(e.action)} (${String(e.by)})${parts.length ? `: ${parts.join(', ')}` : ''}`;
    }
    case 'terms.imposed':
      return `${String(e.by)} imposes terms: ${String(e.summary)}`;
    case 'terms.paused':
      return `${String(e.by)} pauses the imposed terms${e.summary ? `: ${String(e.summary)}` : ''}`;
    case 'challenge.filed':
      return `legal challenge ${String(e.challenge)} by ${String(e.by)}`;
    case 'challenge.decided':
      return `challenge ${String(e.challenge)} ${String(e.result)}${courtOrderWords(e)}`;
    case 'terms.implemented':
      return `${String(e.by)} implements terms over the union's head: ${String(e.summary)}${e.offer ? ` (offer ${String(e.offer)})` : ''}`;
    case 'office.changed':
      return `${String(e.holder)} becomes ${String(e.role)}`;
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
