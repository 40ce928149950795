/**
 * Reading a JSON export back, pure: parse, format and version checks, migrations of older
 * versions, then every record validated and rebuilt field by field. All or nothing: the first
 * invalid record stops the import with a message naming it, in the UI's language (from
 * `_locales`). This file is the check that walks a file; the guards (size, prototype keys)
 * are import-guard.ts, the record's schema and the migrations import-schema.ts.
 */
import * as v from 'valibot';
import { isRecord } from '../core/parse';
import { DAY_MS } from '../core/time-units';
import { yieldToPage } from '../core/yield-to-page';
import { formatNumber, t } from '../i18n/i18n';
import { parseTemplates, type TemplatePrefs } from '../reflections/own-templates';
import type { Reflection } from '../reflections/reflection';
import { parseSettings, type Settings } from '../settings/settings';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export';
import { findForbiddenKey, headerForbidden } from './import-guard';
import {
  messageOf,
  migrateHeader,
  migrateRecord,
  pathOf,
  ReflectionSchema,
  rebuild,
} from './import-schema';

/** Clocks differ between devices; a date this far ahead is still accepted. */
export const FUTURE_TOLERANCE_MS = DAY_MS;

/** A checked file, ready to write. */
export interface ImportFile {
  version: number;
  exportedAt: number | null;
  settings: Settings;
  /** Calm-day check-ins, "YYYY-MM-DD" (none in files before version 3). */
  checkins: string[];
  /** Own templates and their defaults, repaired (none in files before own templates). */
  templates: TemplatePrefs;
  reflections: Reflection[];
}

export type ImportCheck = { ok: true; file: ImportFile } | { ok: false; message: string };

const count = formatNumber;

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
      templates: TemplatePrefs;
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
  const forbidden =
    findForbiddenKey(parsed.settings, 'settings') ??
    findForbiddenKey(parsed.templates, 'templates') ??
    headerForbidden(parsed);
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
    // Files from before own templates have none: an empty set, nothing to merge.
    templates: parseTemplates(parsed.templates),
    records: parsed.reflections,
  };
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
      templates: header.templates,
      reflections,
    },
  };
}
