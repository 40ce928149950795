/**
 * Automatic backups in the worker: a periodic alarm (it survives a stopped worker and, being
 * re-created on start-up and install, a restart) that refreshes the heartbeat and, when a
 * backup is due and the journal changed, writes one file without a dialog, waits for the
 * browser to finish it, then removes the files beyond the newest N — only files this log
 * recorded, by their download ids. A failure is recorded for the Data section and nudged
 * once. Every step's state is in storage: a worker stopped mid-way settles the download on
 * its next wake-up. The decisions are pure (utils/data/auto-backup.ts).
 */

import { browser } from 'wxt/browser';
import { loadCheckins } from '../../capture/checkin-store';
import { withLock } from '../../core/cross-context-lock-browser';
import {
  type BackupFailure,
  type BackupFile,
  type BackupLog,
  backupDueNow,
  backupPath,
  baseName,
  failureOfInterrupt,
  type JournalFingerprint,
  lastBackup,
  recordFailure,
  recordWritten,
  sameJournal,
} from '../../data/auto-backup';
import { backupLogItem, readAutoBackup, readBackupLog } from '../../data/auto-backup-store';
import { refreshHeartbeat } from '../../data/heartbeat-store';
import { t } from '../../i18n/i18n';
import { FORMER_KEY, readKeyring } from '../../lock/lock-read-store';
import { journalSummary } from '../../reflections/db-summary-store';
import { readTemplatePrefs } from '../../reflections/own-templates-read-store';
import { getSettings } from '../../settings/settings-store';
import { BackupBuildError, backupUrl } from './backup-blob';
import { reminderId, showReminder } from './reminder-delivery';

/** The backup check's alarm. */
export const BACKUP_ALARM = 'fail-well-backup';
/**
 * Every half hour: a daily backup is written within 30 minutes of the day's first chance, and
 * the heartbeat follows changes made while no review page was open. Each ring counts two
 * indexes and, most of the time, writes nothing.
 */
export const BACKUP_CHECK_MINUTES = 30;

/** How long one download may take before this wake-up leaves it to the next one. */
const DOWNLOAD_WAIT_MS = 5 * 60_000;
const POLL_MS = 250;

/** Start the periodic check unless it runs already (re-creating would restart its period). */
export async function ensureBackupCheck(): Promise<void> {
  if (await browser.alarms.get(BACKUP_ALARM)) return;
  await browser.alarms.create(BACKUP_ALARM, {
    delayInMinutes: 1,
    periodInMinutes: BACKUP_CHECK_MINUTES,
  });
}

/** What one check did. */
export type BackupOutcome =
  | 'off'
  | 'not-due'
  | 'unchanged'
  | 'empty'
  | 'running'
  /** Records are moving to a new key: a file now would hold rows its keyring cannot open. */
  | 'moving'
  | 'written'
  | { failed: BackupFailure };

/** The backup alarm rang; other alarms are not ours. */
export function handleBackupAlarm(name: string, now = Date.now()): Promise<BackupOutcome | null> {
  if (name !== BACKUP_ALARM) return Promise.resolve(null);
  // A one-off ring (a missed alarm re-created, a test) must not end the periodic check.
  return runBackupCheck(now).finally(ensureBackupCheck);
}

/** How long a backup waits for records moving to a new key (utils/lock/former-key.ts). */
const MAX_MOVE_WAIT_MS = 3 * 24 * 60 * 60_000;

const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Settle a finished download, write a due backup of a changed journal, then refresh the
 * heartbeat. One check at a time in every context (a Web Lock), so an alarm and a switch-on
 * never write two files.
 */
export function runBackupCheck(now = Date.now(), timeZone = zone()): Promise<BackupOutcome> {
  return withLock('fail-well:auto-backup', async () => {
    let outcome: BackupOutcome;
    try {
      outcome = await check(now, timeZone);
    } catch {
      // No database in this context (Firefox without history): nothing to back up, nothing lost.
      outcome = { failed: 'read' };
      await fail('read', now);
    }
    const newest = lastBackup(await readBackupLog());
    await refreshHeartbeat(newest && { at: newest.at, name: baseName(newest.path) }).catch(
      () => null,
    );
    return outcome;
  });
}

async function check(now: number, timeZone: string): Promise<BackupOutcome> {
  const settings = await readAutoBackup();
  let log = await readBackupLog();
  if (log.pending) {
    const settled = await settle(log, log.pending, settings.keep, now);
    if (settled === 'running') return 'running';
    log = await readBackupLog();
  }
  const newest = lastBackup(log);
  if (!backupDueNow(settings, newest?.at ?? null, now, timeZone)) {
    return settings.enabled ? 'not-due' : 'off';
  }
  const [summary, checkins, keyring, moving] = await Promise.all([
    journalSummary(),
    loadCheckins(),
    readKeyring(),
    browser.storage.local.get(FORMER_KEY).then((stored) => stored[FORMER_KEY] !== undefined),
  ]);
  // The file's one keyring opens rows under the current key only: wait for the next check,
  // while the move takes its usual seconds — not for ever, if a row that will not open keeps
  // the former key (it would not open from any file either).
  if (moving && newest && now - newest.at < MAX_MOVE_WAIT_MS) return 'moving';
  const fingerprint: JournalFingerprint = {
    ...summary,
    checkins: checkins.length,
    locked: keyring !== null,
  };
  // An empty journal is never written: eight empty files would push out the real ones.
  if (summary.rows - summary.deleted === 0) return 'empty';
  if (sameJournal(log.fingerprint, fingerprint) && newest) {
    await backupLogItem.setValue({ ...log, checkedAt: now });
    return 'unchanged';
  }
  const downloads = browser.downloads;
  if (!downloads) return fail('permission', now);
  const path = backupPath(now, timeZone, keyring !== null);
  let file: Awaited<ReturnType<typeof backupUrl>>;
  try {
    file = await backupUrl({
      createdAt: now,
      settings: await getSettings(),
      checkins,
      keyring,
      ...(keyring ? {} : { templates: await readTemplatePrefs() }),
    });
  } catch (error) {
    return fail(error instanceof BackupBuildError ? error.reason : 'read', now);
  }
  try {
    let id: number;
    try {
      id = await downloads.download({
        url: file.url,
        filename: path,
        saveAs: false,
        conflictAction: 'uniquify',
      });
    } catch {
      return fail('write', now);
    }
    const pending = { id, path, at: now, count: file.count, fingerprint };
    await backupLogItem.setValue({ ...log, pending });
    const settled = await settle({ ...log, pending }, pending, settings.keep, now);
    return settled === 'complete' ? 'written' : settled === 'running' ? 'running' : settled;
  } finally {
    await file.release();
  }
}

/**
 * Wait (up to a few minutes) for a started download to finish, then record it: a written
 * file joins the log and pushes out the oldest; an interrupted one is a failure and its
 * entry is erased from the browser's list.
 */
async function settle(
  log: BackupLog,
  pending: BackupFile & { fingerprint: JournalFingerprint },
  keep: number,
  now: number,
): Promise<'complete' | 'running' | { failed: BackupFailure }> {
  const item = await finished(pending.id);
  if (item === 'running') return 'running';
  if (item === null || item.state !== 'complete') {
    await browser.downloads?.erase({ id: pending.id }).catch(() => []);
    return fail(item === null ? 'write' : failureOfInterrupt(item.error), now);
  }
  const written = {
    id: pending.id,
    path: item.filename || pending.path,
    at: pending.at,
    count: pending.count,
  };
  const next = recordWritten(log, written, pending.fingerprint, keep, now);
  await backupLogItem.setValue(next.log);
  await browser.notifications.clear(FAILURE_NOTIFICATION).catch(() => false);
  for (const old of next.remove) await removeFile(old.id);
  return 'complete';
}

async function finished(
  id: number,
): Promise<{ state: string; filename: string; error?: string } | 'running' | null> {
  const deadline = Date.now() + DOWNLOAD_WAIT_MS;
  for (;;) {
    const [item] = (await browser.downloads?.search({ id }).catch(() => [])) ?? [];
    if (!item) return null;
    if (item.state !== 'in_progress') return item;
    if (Date.now() > deadline) return 'running';
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Remove a file this extension wrote (by its download id) and its entry in the list. */
async function removeFile(id: number): Promise<void> {
  // Already gone (the person deleted or moved it): nothing to remove, only the entry.
  await browser.downloads?.removeFile(id).catch(() => undefined);
  await browser.downloads?.erase({ id }).catch(() => []);
}

/** The one notification of a run of failures; replaced, never stacked. */
const FAILURE_NOTIFICATION = reminderId('backup');

async function fail(reason: BackupFailure, now: number): Promise<{ failed: BackupFailure }> {
  const { log, nudge } = recordFailure(await readBackupLog(), reason, now);
  await backupLogItem.setValue(log);
  if (nudge) {
    await showReminder('backup', {
      title: t('nudgeBackupFailedTitle'),
      message: t('nudgeBackupFailedMessage'),
    }).catch(() => null);
  }
  return { failed: reason };
}

/** Whether a download is one of the extension's own (its backups), not the person's. */
export function isOwnDownload(item: { byExtensionId?: string } | undefined): boolean {
  return item?.byExtensionId !== undefined && item.byExtensionId === browser.runtime.id;
}
