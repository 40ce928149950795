/**
 * The shape of one exported reflection (valibot, with the messages a person reads), the
 * append-only migrations that bring older files and records up to it, and the rebuild of a
 * checked record into a fresh Reflection. Separate from the check (import.ts), which walks a
 * file and decides; this file only says what a valid record is and how old ones become one.
 */
import * as v from 'valibot';
import { isRecord, ownRecord } from '../core/parse';
import { formatNumber, type MessageKey, t } from '../i18n/i18n';
import {
  firstReview,
  LIMITS,
  normalizeTags,
  type Reflection,
  type ReflectionContext,
  TRIGGERS,
} from '../reflections/reflection';
import { isTemplateId, TEMPLATE_IDS } from '../reflections/templates';
import { EXPORT_VERSION } from './export';

const count = formatNumber;

/** A schema message, looked up when an issue is reported (the schema is built at load time). */
const say =
  (key: MessageKey, ...substitutions: Array<string | number>) =>
  () =>
    t(key, ...substitutions);

function text(max: number) {
  return v.pipe(
    v.string(say('importShouldBeText')),
    v.maxLength(max, (issue) => t('importTooLong', count(String(issue.input).length), count(max))),
  );
}

const epoch = v.pipe(
  v.number(say('importShouldBeDate')),
  v.integer(say('importShouldBeWholeMs')),
  v.minValue(0, say('importBefore1970')),
);

const answerKey = v.pipe(
  v.string(say('importShouldBeText')),
  v.minLength(1, say('importAnswerNoName')),
  v.maxLength(60, say('importAnswerNameLong', 60)),
);

/** The current (version 2) shape of one stored reflection. */
export const ReflectionSchema = v.object({
  id: v.pipe(
    v.string(say('importShouldBeText')),
    v.minLength(1, say('importShouldNotBeEmpty')),
    v.maxLength(100, say('importLongerThan', 100)),
  ),
  createdAt: epoch,
  updatedAt: epoch,
  template: v.custom<(typeof TEMPLATE_IDS)[number] | `own-${string}`>(
    isTemplateId,
    say('importTemplate', TEMPLATE_IDS.join(', ')),
  ),
  prompt: v.optional(text(500)),
  // An own template's words as the reflection was answered with them (own-templates.ts limits).
  wording: v.optional(
    v.object({
      name: text(200),
      questions: v.pipe(
        v.array(
          v.object({ key: answerKey, label: text(500), placeholder: v.optional(text(500)) }),
          say('importShouldBeWording'),
        ),
        v.maxLength(30, say('importTooManyAnswers', 30)),
      ),
    }),
  ),
  answers: v.pipe(
    // A list is an object too: only a plain set of named answers will do.
    v.custom<Record<string, unknown>>(isRecord, say('importShouldBeAnswers')),
    v.record(answerKey, text(LIMITS.answerChars), say('importShouldBeAnswers')),
    v.check((answers) => Object.keys(answers).length <= 30, say('importTooManyAnswers', 30)),
  ),
  tags: v.pipe(
    v.array(text(LIMITS.tagChars), say('importShouldBeTags')),
    v.maxLength(LIMITS.tags, say('importTooManyTags', LIMITS.tags)),
  ),
  sting: v.nullable(v.picklist([1, 2, 3, 4, 5], say('importShouldBeSting'))),
  trigger: v.picklist(TRIGGERS, say('importOneOf', TRIGGERS.join(', '))),
  context: v.nullable(
    v.object(
      {
        title: v.optional(text(1_000)),
        url: v.optional(text(8_000)),
        selection: v.optional(text(LIMITS.answerChars)),
      },
      say('importShouldBeObjectOrNull'),
    ),
  ),
  followUps: v.pipe(
    v.array(
      v.object(
        {
          dueAt: epoch,
          answeredAt: v.nullable(epoch),
          outcome: v.nullable(
            v.picklist(
              ['applied', 'partly', 'not-yet', 'no-longer-relevant'],
              say('importShouldBeOutcome'),
            ),
          ),
          note: text(LIMITS.answerChars),
        },
        say('importShouldBeObject'),
      ),
      say('importShouldBeList'),
    ),
    v.maxLength(50, say('importTooManyFollowUps', 50)),
  ),
  share: v.nullable(
    v.object(
      {
        affected: text(1_000),
        told: v.boolean(say('importShouldBeBoolean')),
        toldAt: v.nullable(epoch),
      },
      say('importShouldBeObjectOrNull'),
    ),
  ),
  pinned: v.boolean(say('importShouldBeBoolean')),
  review: v.object(
    {
      count: v.pipe(
        v.number(say('importShouldBeNumber')),
        v.integer(say('importShouldBeWhole')),
        v.minValue(0, say('importShouldNotBeNegative')),
      ),
      nextDueAt: epoch,
      retired: v.boolean(say('importShouldBeBoolean')),
    },
    say('importShouldBeObject'),
  ),
  deletedAt: v.nullable(epoch),
  // Both versions of an answer edited on two synced devices, while the choice waits: a backup
  // restored then still offers both.
  conflicts: v.optional(
    v.pipe(
      v.array(
        v.object(
          {
            field: v.pipe(
              v.string(say('importShouldBeConflict')),
              v.check(
                (field) => field.startsWith('answers.') && v.is(answerKey, field.slice(8)),
                say('importShouldBeConflict'),
              ),
            ),
            versions: v.tuple(
              [text(LIMITS.answerChars), text(LIMITS.answerChars)],
              say('importShouldBeConflict'),
            ),
          },
          say('importShouldBeConflict'),
        ),
        say('importShouldBeList'),
      ),
      v.maxLength(30, say('importTooManyAnswers', 30)),
    ),
  ),
});

/** A record as the schema hands it back, before it is rebuilt. */
export type CheckedReflection = v.InferOutput<typeof ReflectionSchema>;

/**
 * Explicit, append-only migrations of one raw record from file version N to N + 1. They run
 * on a fresh copy of the record's own properties, before validation. Version 2 → 3 changed
 * the file, not its records (see `migrateHeader`).
 */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 1 files predate review state: give each lesson its first due date, like the
  // database's own version 2 upgrade does.
  1: (raw) => ({
    ...raw,
    review: raw.review ?? firstReview(typeof raw.createdAt === 'number' ? raw.createdAt : 0),
  }),
};

/**
 * Append-only migrations of the file's own fields from version N to N + 1, before checking.
 */
const HEADER_MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> =
  {
    // Files before version 3 carried no check-ins: they import with none.
    2: (raw) => ({ ...raw, checkins: [] }),
  };

/** A raw file's fields brought from `version` up to the current one. */
export function migrateHeader(
  raw: Record<string, unknown>,
  version: number,
): Record<string, unknown> {
  let header = raw;
  for (let from = version; from < EXPORT_VERSION; from++) {
    const step = HEADER_MIGRATIONS[from];
    if (step) header = step(header);
  }
  return header;
}

/** A raw record brought from `version` up to the current one. */
export function migrateRecord(raw: unknown, version: number): unknown {
  if (!isRecord(raw) || version >= EXPORT_VERSION) return raw;
  let record = ownRecord(raw);
  for (let from = version; from < EXPORT_VERSION; from++) {
    const step = MIGRATIONS[from];
    if (step) record = step(record);
  }
  return record;
}

/** Where in a record an issue is, as "field → subfield" ('' at the top). */
export function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((item) => String(item.key)).join(' → ');
}

/** A required field that is absent gets one plain message, whatever its schema. */
export function messageOf(issue: v.BaseIssue<unknown>): string {
  return issue.kind === 'schema' && issue.received === 'undefined' && issue.type === 'object'
    ? t('importIsMissing')
    : issue.message;
}

/** A fresh reflection built field by field from a checked one: no parsed object is reused. */
export function rebuild(r: CheckedReflection): Reflection {
  const context: ReflectionContext | null = r.context
    ? {
        ...(r.context.title !== undefined ? { title: r.context.title } : {}),
        ...(r.context.url !== undefined ? { url: r.context.url } : {}),
        ...(r.context.selection !== undefined ? { selection: r.context.selection } : {}),
      }
    : null;
  return {
    id: r.id,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    template: r.template,
    ...(r.prompt !== undefined ? { prompt: r.prompt } : {}),
    ...(r.wording
      ? {
          wording: {
            name: r.wording.name,
            questions: r.wording.questions.map((q) => ({
              key: q.key,
              label: q.label,
              ...(q.placeholder !== undefined ? { placeholder: q.placeholder } : {}),
            })),
          },
        }
      : {}),
    // Object.fromEntries defines properties; it never calls a setter such as __proto__.
    answers: Object.fromEntries(Object.entries(r.answers).map(([k, t]) => [k, t])),
    tags: normalizeTags(r.tags),
    sting: r.sting,
    trigger: r.trigger,
    context,
    followUps: r.followUps.map((f) => ({
      dueAt: f.dueAt,
      answeredAt: f.answeredAt,
      outcome: f.outcome,
      note: f.note,
    })),
    share: r.share
      ? { affected: r.share.affected, told: r.share.told, toldAt: r.share.toldAt }
      : null,
    pinned: r.pinned,
    review: { count: r.review.count, nextDueAt: r.review.nextDueAt, retired: r.review.retired },
    deletedAt: r.deletedAt,
    // Kept only for an answer still there: a choice about a missing one has nothing to choose.
    ...conflictsOf(r),
  };
}

function conflictsOf(r: CheckedReflection): Pick<Reflection, 'conflicts'> {
  const kept = (r.conflicts ?? [])
    .filter((c) => Object.hasOwn(r.answers, c.field.slice('answers.'.length)))
    .map((c) => ({ field: c.field, versions: [c.versions[0], c.versions[1]] as [string, string] }));
  return kept.length > 0 ? { conflicts: kept } : {};
}
