/**
 * The heartbeat in `storage.sync` (utils/data/heartbeat.ts says what it is and why): read,
 * refreshed from the database's numbers, and removed by delete-everything. One small key;
 * `storage.sync` allows a few writes a minute, so callers refresh it debounced or on an alarm.
 */
import { browser } from 'wxt/browser';
import { withLock } from '../core/cross-context-lock-browser';
import { journalSummary } from '../reflections/db-summary-store';
import { type Heartbeat, nextHeartbeat, parseHeartbeat } from './heartbeat';

/** The key in `storage.sync`. */
export const HEARTBEAT_KEY = 'heartbeat';

/** The stored heartbeat, or null (none yet, removed, or not ours). */
export async function readHeartbeat(): Promise<Heartbeat | null> {
  const stored = (await browser.storage.sync.get(HEARTBEAT_KEY))[HEARTBEAT_KEY];
  return parseHeartbeat(stored);
}

/**
 * Write the heartbeat the database's numbers call for (and the last backup, when one was just
 * written); nothing when it would not change, or when an empty database would erase the sign
 * of a loss. Returns what was written, or null.
 */
export function refreshHeartbeat(
  lastBackup: { at: number; name: string } | null = null,
): Promise<Heartbeat | null> {
  return withLock('fail-well:heartbeat', async () => {
    const [stored, summary] = await Promise.all([readHeartbeat(), journalSummary()]);
    const next = nextHeartbeat(stored, {
      rows: summary.rows,
      live: summary.rows - summary.deleted,
      newestUpdatedAt: summary.newestUpdatedAt,
      lastBackup,
    });
    if (next) await browser.storage.sync.set({ [HEARTBEAT_KEY]: next });
    return next;
  });
}

/** Forget the heartbeat: after delete-everything, or when the person starts afresh. */
export function clearHeartbeat(): Promise<void> {
  return withLock('fail-well:heartbeat', () => browser.storage.sync.remove(HEARTBEAT_KEY));
}
