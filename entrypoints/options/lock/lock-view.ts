/**
 * What the review page knows about the lock: its status in this browser session and the
 * progress of a seal or open under way. A page that sees the journal lock (by "Lock now",
 * auto-lock, or in another tab) reloads: the in-memory copy, the search index and every
 * computed insight go with the old page, so nothing read stays behind.
 */
import { signal } from '@preact/signals';
import { lockIfIdle } from '../../../utils/lock/auto-lock-store';
import {
  compactRows,
  type MigrationProgress,
  pendingMigration,
  runMigration,
  turnOff,
} from '../../../utils/lock/lock-migration-store';
import { type LockStatus, lockStatus, readOpeningKeys } from '../../../utils/lock/lock-read-store';
import { onLockChanged, removeLock, touchSession } from '../../../utils/lock/lock-store';
import { keepOutOfAddress } from '../useRoute';

/** How often use of the page pushes the auto-lock back (a storage write each time). */
const TOUCH_EVERY_MS = 30_000;

export interface LockView {
  status: ReturnType<typeof signal<LockStatus | null>>;
  progress: ReturnType<typeof signal<MigrationProgress | null>>;
  /** Read the status again (after this page changed it). */
  refresh(): Promise<LockStatus>;
  /** Finish a seal (or a switch-off) left half way. */
  resume(): Promise<void>;
  /**
   * Rewrite these records, sealed while locked, with the data key, in idle time; the review
   * page calls it once its read found them. Resolves to how many were rewritten.
   */
  compact(ids: readonly string[]): Promise<number>;
}

/** Idle time for housekeeping (a timeout keeps it going on a page that is never idle). */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(() => resolve(), { timeout: 1000 });
    } else setTimeout(resolve, 50);
  });
}

/** The lock as this page sees it; `reload` is what a lock elsewhere does to the page. */
export function createLockView(reload: () => void = () => location.reload()): LockView {
  const status = signal<LockStatus | null>(null);
  const progress = signal<MigrationProgress | null>(null);
  const refresh = async () => {
    const next = await lockStatus();
    keepOutOfAddress(next === 'off' ? [] : ['q']);
    if (status.value === 'unlocked' && next === 'locked') reload();
    else status.value = next;
    return next;
  };
  onLockChanged(() => void refresh());
  let lastTouch = 0;
  const touch = () => {
    const now = Date.now();
    if (status.value !== 'unlocked' || now - lastTouch < TOUCH_EVERY_MS) return;
    lastTouch = now;
    void touchSession(now);
  };
  for (const type of ['keydown', 'pointerdown', 'wheel'] as const) {
    addEventListener(type, touch, { passive: true, capture: true });
  }
  // Back to a page left open past the auto-lock time: lock first, even if the background's
  // alarm has not rung yet.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && status.value === 'unlocked') {
      void lockIfIdle(Date.now());
    }
  });
  const resume = async () => {
    const pending = await pendingMigration();
    // Switching off was cut short (the page closed): carry on once unlocked, then it is off.
    const keys = pending === 'open' ? await readOpeningKeys() : null;
    if (keys) {
      await turnOff({ open: keys, seal: null }, removeLock, (p) => {
        progress.value = p;
      });
      progress.value = null;
      await refresh();
      return;
    }
    // Records sealed while locked are compacted after the review page's read (`compact`),
    // not here: a pass over the whole journal now would compete with the first rows.
    if (pending === 'seal') {
      await runMigration('seal', (p) => {
        progress.value = p;
      });
      progress.value = null;
    }
  };
  const compact = (ids: readonly string[]) =>
    ids.length > 0 && status.value === 'unlocked' ? compactRows(ids, whenIdle) : Promise.resolve(0);
  return { status, progress, refresh, resume, compact };
}
