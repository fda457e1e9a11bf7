/** The terminal timeline of a replay: one line a step, what changed, and the note. */
import type { Trace, TraceStep } from '../schemas/trace.js';
import { EventNames, humanDate, outcomeWords, stateChanges } from './describe.js';
import type { Palette } from './palette.js';

/** How much of a timeline to show. */
export interface TimelineOptions {
  palette: Palette;
  /** One line a step, without notes, sources or state changes. */
  compact?: boolean;
  /** The width to cut lines at (compact only). */
  width?: number;
}

function cut(text: string, width: number | undefined): string {
  if (!width || text.length <= width) return text;
  return `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** The heading of a replay. */
export function renderHeading(trace: Trace, p: Palette): string {
  const s = trace.scenario;
  return `${p.bold(s.title)}  ${p.dim(`[${s.id} · ${s.kind} · rules ${s.rules}]`)}`;
}

function stepLine(step: TraceStep, previous: readonly string[], names: EventNames, options: TimelineOptions): string[] {
  const p = options.palette;
  const date = humanDate(step.date).padEnd(17);
  const mark = !step.accepted ? p.red('✗') : step.cause === 'time' ? p.cyan('◷') : p.green('•');
  const what = names.describe(step.event);
  if (options.compact) {
    const tail = step.accepted ? '' : `  REFUSED: ${step.reason ?? ''}`;
    const line = `${date} ${step.accepted ? '' : ''}${what}${tail}`;
    const text = cut(line, options.width ? options.width - 2 : undefined);
    return [`${mark} ${step.accepted ? (step.cause === 'time' ? p.cyan(text) : text) : p.red(text)}`];
  }
  const lines = [`${mark} ${p.bold(date)} ${step.accepted ? what : p.red(what)}`];
  const indent = ' '.repeat(20);
  if (!step.accepted) lines.push(`${indent}${p.red(`REFUSED: ${step.reason ?? 'not possible now'}`)}`);
  const changes = stateChanges(previous, step.active);
  if (changes.length > 0) lines.push(`${indent}${p.yellow(`→ ${changes.join('; ')}`)}`);
  if (step.note) lines.push(`${indent}${p.dim(step.note)}`);
  if (step.later) lines.push(`${indent}${p.dim(`Later: ${step.later}`)}`);
  if (step.sources.length > 0) lines.push(`${indent}${p.dim(`sources: ${step.sources.join(', ')}`)}`);
  return lines;
}

/** The outcome line of a replay, with the totals a reader asks for first. */
export function renderOutcome(trace: Trace, p: Palette): string {
  const { balloting, action, negotiation } = trace.final.context;
  const refused = trace.steps.filter((s) => !s.accepted).length;
  const outcome = trace.final.outcome;
  const colour = outcome === 'settled' ? p.green : outcome === 'ongoing' ? p.yellow : p.magenta;
  const held = action.actions.filter((a) => a.status === 'held').length;
  const { ballots } = balloting;
  const { daysOfAction } = action;
  const { offers } = negotiation;
  const parts = [
    `${ballots.length} ballot${ballots.length === 1 ? '' : 's'}`,
    `${held} strike${held === 1 ? '' : 's'} held`,
    `${daysOfAction} day${daysOfAction === 1 ? '' : 's'} of action`,
    `${offers.length} offer${offers.length === 1 ? '' : 's'}`,
  ];
  const refusedText = refused > 0 ? p.red(`, ${refused} refused event${refused === 1 ? '' : 's'}`) : '';
  return `${p.bold('Outcome:')} ${colour(outcomeWords(outcome, trace.final.context))} on ${humanDate(trace.final.date)} · ${parts.join(' · ')}${refusedText}`;
}

/** The whole timeline of a replay. */
export function renderTimeline(trace: Trace, options: TimelineOptions): string {
  const lines = [renderHeading(trace, options.palette)];
  let previous: readonly string[] = [];
  const names = new EventNames();
  for (const step of trace.steps) {
    lines.push(...stepLine(step, previous, names, options));
    previous = step.active;
  }
  lines.push(renderOutcome(trace, options.palette));
  return `${lines.join('\n')}\n`;
}
