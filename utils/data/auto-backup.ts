/**
 * Automatic backups, pure: the person's choice (on, daily or weekly, how many files to keep),
 * the file's name in their zone, whether one is due, whether the journal changed since the
 * last one, which old files to remove and when a failure deserves its one nudge. The browser
 * side (alarm, offscreen document, downloads) is utils/nudges/worker/backup-handlers.ts.
 */
import { isRecord, oneOf } from '../core/parse';
import { DAY_MS } from '../core/time-units';

export const AUTO_BACKUP_EVERY = ['daily', 'weekly'] as const;
/** How often an automatic backup is written. */
export type AutoBackupEvery = (typeof AUTO_BACKUP_EVERY)[number];

/** The bounds of "keep the last N": one file at least, and never a folder that fills a disk. */
export const KEEP_MIN = 1;
export const KEEP_MAX = 60;

/** The person's choice, per device: the `downloads` grant and the reflections are per device too. */
export interface AutoBackupSettings {
  enabled: boolean;
  every: AutoBackupEvery;
  keep: number;
}

export const DEFAULT_AUTO_BACKUP: AutoBackupSettings = { enabled: false, every: 'daily', keep: 8 };

/** Valid settings from anything stored; bad values fall back to the defaults or are clamped. */
export function parseAutoBackupSettings(raw: unknown): AutoBackupSettings {
  const input = isRecord(raw) ? raw : {};
  const keep =
    typeof input.keep === 'number' && Number.isFinite(input.keep)
      ? Math.min(KEEP_MAX, Math.max(KEEP_MIN, Math.round(input.keep)))
      : DEFAULT_AUTO_BACKUP.keep;
  return {
    enabled: input.enabled === true,
    every: oneOf(input.every, AUTO_BACKUP_EVERY, DEFAULT_AUTO_BACKUP.every),
    keep,
  };
}

/**
 * "Keep the last N" as typed: a whole number in range, or a message key saying what is wrong
 * (the field keeps what was typed, so nothing is lost).
 */
export function parseKeepInput(text: string): { ok: true; keep: number } | { ok: false } {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return { ok: false };
  const keep = Number(trimmed);
  return keep >= KEEP_MIN && keep <= KEEP_MAX ? { ok: true, keep } : { ok: false };
}

/** The folder inside Downloads; the person's own cloud sync may already cover Downloads. */
export const BACKUP_FOLDER = 'Fail Well';

/** "2026-12-02": the calendar day of `at` in `timeZone`. */
export function localDay(at: number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/**
 * The path, relative to Downloads, of a backup written at `now`: the date in the person's
 * zone, so a backup written at 00:30 is named for the day it was written where they are.
 * A backup of a locked journal says so in its name, as a locked export does.
 */
export function backupPath(now: number, timeZone?: string, encrypted = false): string {
  return `${BACKUP_FOLDER}/fail-well-backup-${localDay(now, timeZone)}${encrypted ? '.encrypted' : ''}.json`;
}

/** The file name alone, from a full path as the browser reports it (either separator). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Days from one "YYYY-MM-DD" to another, by the calendar (no clock hours, no DST). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Whether a backup is due at `now`: daily once per calendar day, weekly once seven calendar
 * days have passed since the last one, both in the person's zone — so a check at 09:05 after
 * one at 09:10 yesterday still writes today's.
 */
export function backupDueNow(
  settings: AutoBackupSettings,
  lastAt: number | null,
  now: number,
  timeZone?: string,
): boolean {
  if (!settings.enabled) return false;
  if (lastAt === null) return true;
  const days = daysBetween(localDay(lastAt, timeZone), localDay(now, timeZone));
  return days >= (settings.every === 'daily' ? 1 : 7);
}

/**
 * What the journal looks like, in numbers only: rows stored (soft-deleted included), how many
 * are soft-deleted, the newest `updatedAt`, the calm-day check-ins and whether the lock is on.
 * Any save, edit, delete, restore, purge, import or lock change moves one of them.
 */
export interface JournalFingerprint {
  rows: number;
  deleted: number;
  newestUpdatedAt: number | null;
  checkins: number;
  locked: boolean;
}

/** Whether nothing changed between two fingerprints (then no new backup is written). */
export function sameJournal(a: JournalFingerprint | null, b: JournalFingerprint): boolean {
  return (
    a !== null &&
    a.rows === b.rows &&
    a.deleted === b.deleted &&
    a.newestUpdatedAt === b.newestUpdatedAt &&
    a.checkins === b.checkins &&
    a.locked === b.locked
  );
}

/** A backup file this extension wrote: the download id is the only handle it removes by. */
export interface BackupFile {
  id: number;
  /** The path the browser reported once the file was written. */
  path: string;
  at: number;
  /** Reflections in the file. */
  count: number;
}

/** Why a backup could not be written, in words the Data section can say. */
export type BackupFailure = 'permission' | 'no-space' | 'write' | 'read';

/** What the worker remembers about automatic backups (`storage.local`). */
export interface BackupLog {
  files: BackupFile[];
  /** The fingerprint of the journal as the newest file holds it. */
  fingerprint: JournalFingerprint | null;
  /** The last time the journal was looked at (written or found unchanged). */
  checkedAt: number | null;
  /** A download started and not yet seen finished (the worker may stop while it runs). */
  pending: (BackupFile & { fingerprint: JournalFingerprint }) | null;
  failure: { at: number; reason: BackupFailure } | null;
  /** The current run of failures has had its one nudge. */
  failureNudged: boolean;
}

export const EMPTY_BACKUP_LOG: BackupLog = {
  files: [],
  fingerprint: null,
  checkedAt: null,
  pending: null,
  failure: null,
  failureNudged: false,
};

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const BACKUP_FAILURES: readonly BackupFailure[] = ['permission', 'no-space', 'write', 'read'];

function parseFingerprint(raw: unknown): JournalFingerprint | null {
  if (!isRecord(raw)) return null;
  const { rows, deleted, newestUpdatedAt, checkins, locked } = raw;
  if (!isCount(rows) || !isCount(deleted) || !isCount(checkins) || typeof locked !== 'boolean') {
    return null;
  }
  if (newestUpdatedAt !== null && !isCount(newestUpdatedAt)) return null;
  return { rows, deleted, newestUpdatedAt, checkins, locked };
}

function parseFile(raw: unknown): BackupFile | null {
  if (!isRecord(raw)) return null;
  const { id, path, at, count } = raw;
  if (!isCount(id) || typeof path !== 'string' || !isCount(at) || !isCount(count)) return null;
  return { id, path, at, count };
}

/** A valid log from anything stored: broken entries are dropped, never trusted. */
export function parseBackupLog(raw: unknown): BackupLog {
  if (!isRecord(raw)) return EMPTY_BACKUP_LOG;
  const files = Array.isArray(raw.files)
    ? raw.files.map(parseFile).filter((f): f is BackupFile => f !== null)
    : [];
  const pendingFile = parseFile(raw.pending);
  const pendingPrint = isRecord(raw.pending) ? parseFingerprint(raw.pending.fingerprint) : null;
  const failure =
    isRecord(raw.failure) &&
    isCount(raw.failure.at) &&
    BACKUP_FAILURES.includes(raw.failure.reason as BackupFailure)
      ? { at: raw.failure.at, reason: raw.failure.reason as BackupFailure }
      : null;
  return {
    files,
    fingerprint: parseFingerprint(raw.fingerprint),
    checkedAt: isCount(raw.checkedAt) ? raw.checkedAt : null,
    pending: pendingFile && pendingPrint ? { ...pendingFile, fingerprint: pendingPrint } : null,
    failure,
    failureNudged: raw.failureNudged === true && failure !== null,
  };
}

/** The newest file written, or null. */
export function lastBackup(log: BackupLog): BackupFile | null {
  return log.files.reduce<BackupFile | null>((a, f) => (a === null || f.at >= a.at ? f : a), null);
}

/**
 * A written file joins the log; returns the new log and the files beyond the newest `keep`,
 * to be removed (only ever files from this log, so only files the extension wrote).
 */
export function recordWritten(
  log: BackupLog,
  file: BackupFile,
  fingerprint: JournalFingerprint,
  keep: number,
  now: number,
): { log: BackupLog; remove: BackupFile[] } {
  const newestFirst = [...log.files.filter((f) => f.id !== file.id), file].sort(
    (a, b) => b.at - a.at || b.id - a.id,
  );
  return {
    log: {
      ...log,
      files: newestFirst.slice(0, keep).reverse(),
      fingerprint,
      checkedAt: now,
      pending: null,
      failure: null,
      failureNudged: false,
    },
    remove: newestFirst.slice(keep),
  };
}

/**
 * A failed attempt: recorded for the Data section; `nudge` is true only for the first failure
 * of a run (the next success ends the run), so retries never pile up notifications.
 */
export function recordFailure(
  log: BackupLog,
  reason: BackupFailure,
  now: number,
): { log: BackupLog; nudge: boolean } {
  return {
    log: { ...log, pending: null, failure: { at: now, reason }, failureNudged: true },
    nudge: !log.failureNudged,
  };
}

/** The browser's error for an interrupted download, as a failure the person can act on. */
export function failureOfInterrupt(error: string | undefined): BackupFailure {
  return error === 'FILE_NO_SPACE' || error === 'FILE_TOO_LARGE' ? 'no-space' : 'write';
}
