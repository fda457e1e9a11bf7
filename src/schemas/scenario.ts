/**
 * A scenario file: one dispute (historical) or one branch of it (counterfactual), with its sources and its dated
 * events. The event schemas are the model's own, so a file cannot hold an event the machine does not know.
 */
import { z } from 'zod';
import { REGIME_IDS } from '../domain/regimes.js';
import { crossCheck } from './cross-check.js';
import type { DisputeEvent } from './events/index.js';
import { EVENT_SCHEMAS } from './events/index.js';
import { Id, Instant } from './primitives.js';

/** A source: where a fact was published. */
export const Source = z.strictObject({
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) address' })
    .describe('Where the source can be read: an http or https address.'),
  publisher: z.string().min(1).describe('Who published it, e.g. "BBC News" or "BMA".'),
  title: z.string().min(1).describe('The headline or title of the article, report or statement.'),
  date: Instant.optional().describe('When the source was published.'),
  archived: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) address' })
    .optional()
    .describe(
      'A copy that was read where the original (url) could not be: an archive or a syndicated copy on another site.',
    ),
});
/** A source. */
export type Source = z.infer<typeof Source>;

/** A party to the dispute. */
export const Party = z.strictObject({
  id: Id.describe('A short name for the party, which people name in their party field.'),
  name: z.string().min(1).describe('The party’s full name, e.g. "British Medical Association".'),
  side: z
    .enum(['union', 'employer', 'government', 'mediator', 'other'])
    .describe('Where the party stands: union, employer, government, mediator or other.'),
});
/** A party to the dispute. */
export type Party = z.infer<typeof Party>;

/** A person who mattered, in the role they held. */
export const Person = z.strictObject({
  name: z.string().min(1).describe('The person’s name.'),
  role: z
    .string()
    .min(1)
    .describe('The role they held in the dispute, e.g. "chair of the resident doctors committee".'),
  party: Id.optional().describe('The party they acted for, by its id in parties.'),
});
/** A person. */
export type Person = z.infer<typeof Person>;

const Lines = (what: string, max: number) =>
  z.array(z.string().min(1).max(600, 'keep each entry short: 600 characters at most')).min(1).max(max).describe(what);

/** What a teacher writes for a class, beside the record: `report` prints it in the teaching packs. */
export const TeachingBlock = z.strictObject({
  summary: z
    .string()
    .min(1)
    .optional()
    .describe('What the scenario shows a class, in a few sentences: the synopsis a teaching pack opens with.'),
  audience: z
    .string()
    .min(1)
    .optional()
    .describe('Who the material is written for, e.g. "an undergraduate employment-relations class".'),
  objectives: Lines('What a student should be able to do after the lesson, one objective an entry.', 8).optional(),
  questions: z
    .record(Id, Lines('Questions for the class at this event, before it is revealed.', 6))
    .optional()
    .describe(
      'Discussion questions keyed to event ids: the pack asks them at that point of the timeline, before saying what happened.',
    ),
  rolesAt: Id.optional().describe(
    'The event before which the pack’s role briefs are set: each side’s position just before it, from the record.',
  ),
  briefs: z
    .strictObject({
      union: Lines('What the union’s side is told besides the record: its aims and constraints.', 6).optional(),
      employer: Lines('What the employer’s or government’s side is told besides the record.', 6).optional(),
    })
    .optional()
    .describe('Confidential instructions for each side of a role-play, added to what the record gives them.'),
  debrief: Lines('Points for the teacher to draw out once the class knows what happened.', 10).optional(),
  glossary: z
    .array(
      z.strictObject({
        term: z.string().min(1).describe('The word or phrase, e.g. "derogation".'),
        meaning: z.string().min(1).max(400).describe('What it means here, in a sentence or two.'),
        introducedAt: Id.optional().describe(
          'The event from which the term belongs: a student handout cut before it leaves the term out, since its name alone may tell what is coming.',
        ),
      }),
    )
    .optional()
    .describe('Terms the pack’s glossary adds to its own (mandate, thresholds, notice, derogation, Acas…).'),
});
/** What a teacher writes for a class. */
export type TeachingBlock = z.infer<typeof TeachingBlock>;

/** A scenario's teaching: a few sentences, or a whole block (a string is the block's summary). */
export const Teaching = z.union([z.string().min(1), TeachingBlock]);
/** A scenario's teaching. */
export type Teaching = z.infer<typeof Teaching>;

/** The teaching block of a scenario, whichever way it was written. */
export function teachingOf(scenario: { teaching?: Teaching | undefined }): TeachingBlock {
  const t = scenario.teaching;
  return typeof t === 'string' ? { summary: t } : (t ?? {});
}

/** What a scenario says about each event besides the event itself. */
export const EventMeta = {
  id: Id.describe('A name for this event, unique in the scenario; a branch’s divergesAt names one.'),
  sources: z
    .array(Id)
    .default([])
    .describe('The sources that back this event, by their ids in sources; a historical event needs one at least.'),
  note: z
    .string()
    .min(1)
    .max(600, 'keep notes short: 600 characters at most')
    .optional()
    .describe('What happened and why it matters, in our own words: 600 characters at most.'),
  later: z
    .string()
    .min(1)
    .max(600, 'keep notes short: 600 characters at most')
    .optional()
    .describe(
      'What came of the event later, written with hindsight ("they led the committee for the whole dispute"): printed after the note, but kept from a class in classroom mode and from a student handout, which know only what had happened by then.',
    ),
  /** A short attributed quotation: 25 words at most. */
  quote: z
    .strictObject({
      text: z
        .string()
        .min(1)
        .refine((t) => t.trim().split(/\s+/).length <= 25, 'a quote is 25 words at most')
        .describe('The words quoted, exactly and at most 25 of them.'),
      by: z.string().min(1).describe('Who said or wrote them.'),
      source: Id.describe('The source the quotation comes from, by its id in sources.'),
    })
    .optional()
    .describe('A short quotation, attributed to its speaker and its source.'),
  ask: z
    .string()
    .min(1)
    .optional()
    .describe(
      'A question for a class to answer before this event is revealed (classroom mode shows it on its "What would you do?" card).',
    ),
  /** How sure the record is: high (two or more agreeing sources), medium (one), uncertain (see the note). */
  confidence: z
    .enum(['high', 'medium', 'uncertain'])
    .optional()
    .describe(
      'How sure the record is: high (two or more sources agree), medium (one source), uncertain (see the note).',
    ),
};

/** Metadata on a scenario event. */
export interface EventMeta {
  id: string;
  sources: string[];
  note?: string;
  later?: string;
  quote?: { text: string; by: string; source: string };
  confidence?: 'high' | 'medium' | 'uncertain';
  ask?: string;
}

/** What a branch extends: a scenario id, or a relative path to a YAML file, read from the branch's own folder. */
const BaseRef = z
  .string()
  .refine((ref) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(ref) || /^(?![/\\])[^\\]*\.ya?ml$/i.test(ref), {
    message: 'a scenario id, or a path to a .yaml file relative to this one, such as ../my-base.yaml',
    params: { code: 'field.format' },
  });

/** One dated event of a scenario: a dispute event and what backs it. */
export type ScenarioEvent = DisputeEvent & EventMeta;

/** One dated event of a scenario. */
export const ScenarioEvent = z.discriminatedUnion(
  'type',
  EVENT_SCHEMAS.map((s) => s.extend(EventMeta)) as unknown as typeof EVENT_SCHEMAS,
) as unknown as z.ZodType<ScenarioEvent>;

/** The outcomes a scenario can declare. */
export const OUTCOMES = ['settled', 'imposed', 'abandoned', 'ongoing'] as const;

const ScenarioFields = {
  id: Id.describe('The scenario’s unique id, e.g. junior-doctors-2023, by which commands and branches name it.'),
  aliases: z
    .array(z.string().min(1))
    .default([])
    .describe('Short names that also select the scenario on the command line, e.g. 2023.'),
  title: z.string().min(1).describe('The title replays, comparisons and the inspector show.'),
  groups: z
    .array(z.string().min(1))
    .optional()
    .describe(
      'The comparisons `npm start` shows this dispute in, by heading, e.g. "Junior and resident doctors, 2015–26"; a dispute may be in several.',
    ),
  kind: z
    .enum(['historical', 'counterfactual', 'example'])
    .describe('historical (the record), counterfactual (a branch of another scenario) or example (a made-up case).'),
  period: z
    .strictObject({
      from: Instant.describe('The first day the scenario covers; no event may come before it.'),
      to: Instant.describe('The last day the scenario covers; events may fall at any time that day.'),
    })
    .describe('The stretch of time the scenario covers, from one day to another.'),
  summary: z.string().min(1).describe('What the dispute was about and how it went, in a few sentences.'),
  teaching: Teaching.optional().describe(
    'What a class learns from the scenario: a few sentences (for a branch, the lesson of its premise and a question to ask), or a block of objectives, questions keyed to events, role briefs, a debrief and glossary entries that `report` prints in its packs.',
  ),
  /** The outcome a replay must reach. */
  outcome: z
    .enum(OUTCOMES)
    .describe('The outcome a replay must reach: settled, imposed, abandoned, or ongoing if still live at the end.'),
  rules: z
    .union([z.literal('by-date'), z.enum(REGIME_IDS)])
    .default('by-date')
    .describe('The law that judges ballots and notices: by-date (whatever was in force at the time) or one regime id.'),
  importantPublicService: z
    .boolean()
    .default(true)
    .describe(
      'Whether the workers are in an important public service such as health, where the 40% yes threshold applies.',
    ),
  parties: z.array(Party).default([]).describe('The unions, employers, governments and mediators in the dispute.'),
  people: z.array(Person).default([]).describe('The people who mattered, each in the role they held.'),
  sources: z
    .record(Id, Source)
    .default({})
    .describe('Where the facts were published, each under an id that events cite in their sources.'),
  extends: BaseRef.optional().describe(
    'For a counterfactual: the scenario this branch starts from, by id (junior-doctors-2023) or as a path to a .yaml file relative to this one (../my-base.yaml).',
  ),
  /** For a counterfactual: the base scenario's event from which this branch replaces the record. */
  rejoinsAt: Id.optional().describe(
    'Where a branch goes back to the record: after its own events, the base’s events from this one on (it may be its divergesAt, to insert events before it). Without it the branch never rejoins.',
  ),
  expectRefused: z
    .array(Id)
    .optional()
    .describe(
      'Events this scenario expects the machine to refuse, by id: the lesson of a branch (under the 2016 Act the 2015 calls give too little notice). `replay --strict` passes only if exactly these are refused.',
    ),
  divergesAt: Id.optional().describe(
    'For a counterfactual: the base scenario’s event from which this branch’s own events replace the record.',
  ),
  events: z.array(ScenarioEvent).describe('What happened, one dated event after another, in date order.'),
};

export { type CrossProblem, crossCheck } from './cross-check.js';

/** A scenario as written in its file, before `extends` is resolved. */
export const ScenarioFile = z.strictObject(ScenarioFields).superRefine((s, ctx) => {
  for (const p of crossCheck(s))
    ctx.addIssue({ code: 'custom', path: p.path, message: p.message, params: { code: p.code } });
});
/** A scenario as written in its file. */
export type ScenarioFile = z.infer<typeof ScenarioFile>;

/** A scenario ready to replay: `extends` resolved, events complete and in order. */
export type Scenario = ScenarioFile;
