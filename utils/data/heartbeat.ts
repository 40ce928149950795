/**
 * The heartbeat, pure: a few numbers in `storage.sync` that outlive this device's database
 * (a new computer signed into the same browser profile, data cleared, a reinstall), so the
 * review page can tell "this journal was never used" from "this journal was lost" and offer
 * the rescue. It holds no word a person wrote: counts, times and the name of the last backup
 * file, which the extension chose itself — `parseHeartbeat` refuses any other name.
 */
import { isRecord } from '../core/parse';

export const HEARTBEAT_VERSION = 1;

/** What the heartbeat says about the journal. */
export interface Heartbeat {
  v: typeof HEARTBEAT_VERSION;
  /** Live reflections (not soft-deleted). */
  count: number;
  newestUpdatedAt: number | null;
  /** When the last automatic backup was written, and its file name (no folder). */
  backupAt: number | null;
  backupFile: string | null;
}

/**
 * The only names a heartbeat may carry: the extension's own backup names (with the " (1)"
 * the browser adds to a second file of a day). Nothing the person typed can match.
 */
const BACKUP_NAME = /^fail-well-backup-\d{4}-\d{2}-\d{2}(?: \(\d{1,4}\))?(?:\.encrypted)?\.json$/;

/** Whether `name` is a backup file name this extension could have chosen. */
export function isBackupFileName(name: string): boolean {
  return BACKUP_NAME.test(name);
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** A heartbeat from anything stored, or null when it is missing or not one of ours. */
export function parseHeartbeat(raw: unknown): Heartbeat | null {
  if (!isRecord(raw) || raw.v !== HEARTBEAT_VERSION) return null;
  const { count, newestUpdatedAt, backupAt, backupFile } = raw;
  if (!isTime(count) || !Number.isInteger(count)) return null;
  if (newestUpdatedAt !== null && !isTime(newestUpdatedAt)) return null;
  if (backupAt !== null && !isTime(backupAt)) return null;
  if (backupFile !== null && (typeof backupFile !== 'string' || !isBackupFileName(backupFile))) {
    return null;
  }
  return { v: HEARTBEAT_VERSION, count, newestUpdatedAt, backupAt, backupFile };
}

/** What the heartbeat is made from: the database's numbers and the last backup, if any. */
export interface HeartbeatFacts {
  /** Rows stored, soft-deleted ones included: 0 means an empty database. */
  rows: number;
  live: number;
  newestUpdatedAt: number | null;
  lastBackup: { at: number; name: string } | null;
}

/**
 * The heartbeat to write now, or null to leave the stored one alone: unchanged, or — the
 * point of it — the database is empty while the heartbeat remembers reflections. Writing then
 * would erase the only sign that something was lost; the rescue offer (or a deliberate
 * delete-everything, which removes the heartbeat) decides instead.
 */
export function nextHeartbeat(stored: Heartbeat | null, facts: HeartbeatFacts): Heartbeat | null {
  if (facts.rows === 0 && stored !== null && stored.count > 0) return null;
  const name = facts.lastBackup?.name ?? null;
  const next: Heartbeat = {
    v: HEARTBEAT_VERSION,
    count: facts.live,
    newestUpdatedAt: facts.newestUpdatedAt,
    // A backup remembered from before (this device lost its log) is kept, not forgotten.
    backupAt: facts.lastBackup?.at ?? stored?.backupAt ?? null,
    backupFile: name !== null && isBackupFileName(name) ? name : (stored?.backupFile ?? null),
  };
  const same =
    stored !== null &&
    stored.count === next.count &&
    stored.newestUpdatedAt === next.newestUpdatedAt &&
    stored.backupAt === next.backupAt &&
    stored.backupFile === next.backupFile;
  return same ? null : next;
}

/** Whether the review page should offer the rescue: an empty database the heartbeat says was not. */
export function offersRescue(heartbeat: Heartbeat | null, rows: number): boolean {
  return heartbeat !== null && heartbeat.count > 0 && rows === 0;
}

/**
 * `storage.sync` allows a few writes a minute: a page writes the heartbeat at most this long
 * after the last change it saw, once, however many changes came in between.
 */
export const HEARTBEAT_DEBOUNCE_MS = 15_000;
