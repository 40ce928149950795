/**
 * Reading a JSON export back, pure: size cap, parse, format and version checks, migrations of
 * older versions, then every record validated (valibot) and rebuilt field by field. All or
 * nothing: the first invalid record stops the import with a message naming it, in the UI's
 * language (from `_locales`).
 */
import * as v from 'valibot';
import { isRecord, ownRecord } from '../core/parse';
import { yieldToPage } from '../core/yield-to-page';
import { formatNumber, type MessageKey, t, uiLanguage } from '../i18n/i18n';
import {
  firstReview,
  LIMITS,
  normalizeTags,
  type Reflection,
  type ReflectionContext,
  TRIGGERS,
} from '../reflections/reflection';
import { TEMPLATE_IDS } from '../reflections/templates';
import { parseSettings, type Settings } from '../settings/settings';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export';

/** Files larger than this are refused before a byte is read. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Clocks differ between devices; a date this far ahead is still accepted. */
export const FUTURE_TOLERANCE_MS = 86_400_000;
/** Keys that could reach an object's prototype when code later copies or merges the value. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A checked file, ready to write. */
export interface ImportFile {
  version: number;
  exportedAt: number | null;
  settings: Settings;
  /** Calm-day check-ins, "YYYY-MM-DD" (none in files before version 3). */
  checkins: string[];
  reflections: Reflection[];
}

export type ImportCheck = { ok: true; file: ImportFile } | { ok: false; message: string };

/** A plain message when a file is too large to read, or null when its size is fine. */
export function importSizeProblem(bytes: number): string | null {
  if (bytes === 0) return t('importEmpty');
  if (bytes > MAX_IMPORT_BYTES) {
    const mb = new Intl.NumberFormat(uiLanguage(), {
      style: 'unit',
      unit: 'megabyte',
      maximumFractionDigits: 0,
    });
    const size = (n: number) => mb.format(n / 1024 / 1024);
    return t('importTooLarge', size(bytes), size(MAX_IMPORT_BYTES));
  }
  return null;
}

/** The path to the first forbidden key, as a list of keys; null when there is none. */
function forbiddenPath(value: unknown): Array<string | number> | null {
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = forbiddenPath(value[i]);
      if (found) return [i, ...found];
    }
    return null;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (FORBIDDEN_KEYS.has(key)) return [key];
    const found = forbiddenPath((value as Record<string, unknown>)[key]);
    if (found) return [key, ...found];
  }
  return null;
}

/** The path of the first forbidden key inside a parsed value, or null when there is none. */
export function findForbiddenKey(value: unknown, path = ''): string | null {
  const found = forbiddenPath(value);
  if (!found) return null;
  return found.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key),
    path,
  );
}

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
const ReflectionSchema = v.object({
  id: v.pipe(
    v.string(say('importShouldBeText')),
    v.minLength(1, say('importShouldNotBeEmpty')),
    v.maxLength(100, say('importLongerThan', 100)),
  ),
  createdAt: epoch,
  updatedAt: epoch,
  template: v.picklist(TEMPLATE_IDS, say('importOneOf', TEMPLATE_IDS.join(', '))),
  prompt: v.optional(text(500)),
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
});

type CheckedReflection = v.InferOutput<typeof ReflectionSchema>;

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

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar day written "YYYY-MM-DD" (not 2026-02-30). */
export function isDayKey(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** The check-ins of a migrated file, or what is wrong with them. */
function checkCheckins(
  raw: unknown,
): { ok: true; checkins: string[] } | { ok: false; message: string } {
  // A hand-made file without the field has no calm days; one of the wrong shape is refused.
  if (raw === undefined) return { ok: true, checkins: [] };
  if (!Array.isArray(raw)) return { ok: false, message: t('importCheckinsNotList') };
  const bad = raw.findIndex((day) => !isDayKey(day));
  if (bad >= 0) return { ok: false, message: t('importCheckinBad', count(bad + 1)) };
  return { ok: true, checkins: [...new Set(raw as string[])].sort() };
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

function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((item) => String(item.key)).join(' → ');
}

/** A required field that is absent gets one plain message, whatever its schema. */
function messageOf(issue: v.BaseIssue<unknown>): string {
  return issue.kind === 'schema' && issue.received === 'undefined' && issue.type === 'object'
    ? t('importIsMissing')
    : issue.message;
}

/** A fresh reflection built field by field from a checked one: no parsed object is reused. */
function rebuild(r: CheckedReflection): Reflection {
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
  };
}

function recordName(index: number, raw: unknown): string {
  const number = count(index + 1);
  return isRecord(raw) && typeof raw.id === 'string'
    ? t('importRecordNameId', number, raw.id.slice(0, 60))
    : t('importRecordName', number);
}

/**
 * Check one raw record (already migrated) and rebuild it, or say plainly what is wrong.
 * `index` is its position in the file (shown counting from 1).
 */
export function checkReflection(
  raw: unknown,
  index: number,
  now: number,
): { ok: true; reflection: Reflection } | { ok: false; message: string } {
  // Named only when something is wrong: a good record of 100,000 costs no formatting.
  const name = () => recordName(index, raw);
  if (!isRecord(raw)) return { ok: false, message: t('importNotObject', name()) };
  const forbidden = findForbiddenKey(raw);
  if (forbidden) {
    return {
      ok: false,
      message: t('importForbiddenRecord', name(), forbidden),
    };
  }
  const result = v.safeParse(ReflectionSchema, raw, { abortEarly: true });
  if (!result.success) {
    const issue = result.issues[0];
    const where = pathOf(issue);
    const message = where
      ? t('importFieldProblem', name(), where, messageOf(issue))
      : t('importRecordProblem', name(), messageOf(issue));
    return { ok: false, message };
  }
  const r = result.output;
  const latest = now + FUTURE_TOLERANCE_MS;
  for (const [field, at] of [
    ['createdAt', r.createdAt],
    ['updatedAt', r.updatedAt],
    ['deletedAt', r.deletedAt],
  ] as const) {
    if (at !== null && at > latest) {
      return {
        ok: false,
        message: t('importFuture', name(), field, new Date(at).toISOString().slice(0, 10)),
      };
    }
  }
  return { ok: true, reflection: rebuild(r) };
}

/** The checked header of a file, or what is wrong with it. */
export function checkHeader(text: string):
  | {
      ok: true;
      version: number;
      exportedAt: number | null;
      settings: Settings;
      checkins: string[];
      records: unknown[];
    }
  | { ok: false; message: string } {
  if (text.trim() === '') {
    return { ok: false, message: t('importEmpty') };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: t('importNotJson'),
    };
  }
  if (!isRecord(parsed) || parsed.format !== EXPORT_FORMAT) {
    return {
      ok: false,
      message: t('importNotExport'),
    };
  }
  const version = parsed.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      message: t('importNoVersion'),
    };
  }
  if (version > EXPORT_VERSION) {
    return {
      ok: false,
      message: t('importNewer', count(version), count(EXPORT_VERSION)),
    };
  }
  const forbidden = findForbiddenKey(parsed.settings, 'settings') ?? headerForbidden(parsed);
  if (forbidden) {
    return {
      ok: false,
      message: t('importForbiddenFile', forbidden),
    };
  }
  if (!Array.isArray(parsed.reflections)) {
    return {
      ok: false,
      message: t('importNoList'),
    };
  }
  const header = migrateHeader(parsed, version);
  const checkins = checkCheckins(header.checkins);
  if (!checkins.ok) return checkins;
  const exportedAt =
    typeof parsed.exportedAt === 'number' && Number.isFinite(parsed.exportedAt)
      ? parsed.exportedAt
      : null;
  return {
    ok: true,
    version,
    exportedAt,
    settings: parseSettings(parsed.settings),
    checkins: checkins.checkins,
    records: parsed.reflections,
  };
}

function headerForbidden(parsed: Record<string, unknown>): string | null {
  return Object.keys(parsed).find((key) => FORBIDDEN_KEYS.has(key)) ?? null;
}

export interface CheckOptions {
  /** Called after each chunk with how many records were checked. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Records checked between pauses (so a page stays responsive). */
  chunkSize?: number;
  /** How to give the page a breath between chunks; tests pass an instant one. */
  pause?: () => Promise<void>;
}

/**
 * Check a whole file's text: header, then every record, in chunks with pauses between them.
 * Returns the first problem, or every reflection ready to write. `now` judges future dates.
 */
export async function checkImport(
  text: string,
  now: number,
  options: CheckOptions = {},
): Promise<ImportCheck> {
  const header = checkHeader(text);
  if (!header.ok) return header;
  const { records, version } = header;
  const chunkSize = options.chunkSize ?? 2_000;
  const pause = options.pause ?? yieldToPage;
  const reflections: Reflection[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < records.length; i++) {
    if (i > 0 && i % chunkSize === 0) {
      options.onProgress?.(i, records.length);
      await pause();
      options.signal?.throwIfAborted();
    }
    const checked = checkReflection(migrateRecord(records[i], version), i, now);
    if (!checked.ok) return { ok: false, message: t('importNothingImported', checked.message) };
    const id = checked.reflection.id;
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      return {
        ok: false,
        message: t('importDuplicateId', count(earlier + 1), count(i + 1), id.slice(0, 60)),
      };
    }
    seen.set(id, i);
    reflections.push(checked.reflection);
  }
  options.onProgress?.(records.length, records.length);
  return {
    ok: true,
    file: {
      version,
      exportedAt: header.exportedAt,
      settings: header.settings,
      checkins: header.checkins,
      reflections,
    },
  };
}
