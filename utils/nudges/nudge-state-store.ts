/**
 * The stored nudge state: the `local:` storage item, its repairing read, the seed written
 * once per install, and watching it. Separate from nudge-state.ts (the shape and its parser),
 * so the scheduler and its tests use the state without a browser.
 */
import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import { withLock } from '../core/cross-context-lock-browser';
import { readKeyring } from '../lock/lock-read-store';
import {
  EMPTY_NUDGE_STATE,
  joinContexts,
  type NudgeState,
  newSeed,
  parseNudgeState,
  splitContexts,
  withSeed,
} from './nudge-state';

/** Where the nudge state lives: this device only, the fallback an empty state. */
export const nudgeStateItem = storage.defineItem<NudgeState>('local:nudgeState', {
  fallback: EMPTY_NUDGE_STATE,
});

/** Where the pages of open notifications live while the journal has a lock: memory only. */
export const NUDGE_CONTEXTS_KEY = 'nudge:contexts';

/** The stored nudge state, always valid, with the pages it remembers. */
export async function getNudgeState(): Promise<NudgeState> {
  const [state, kept] = await Promise.all([
    nudgeStateItem.getValue(),
    browser.storage.session.get(NUDGE_CONTEXTS_KEY),
  ]);
  return joinContexts(parseNudgeState(state), kept[NUDGE_CONTEXTS_KEY]);
}

/**
 * Store the nudge state. With the lock on, the pages it remembers (titles, addresses,
 * selections of open notifications and a snooze) go to `storage.session` — memory only, gone
 * when the browser closes — so none is written to disk; the rest stays in `storage.local`.
 */
export async function saveNudgeState(state: NudgeState): Promise<void> {
  if (!(await readKeyring())) {
    await nudgeStateItem.setValue(state);
    return;
  }
  const { state: clear, contexts } = splitContexts(state);
  await browser.storage.session.set({ [NUDGE_CONTEXTS_KEY]: contexts });
  await nudgeStateItem.setValue(clear);
}

/**
 * Give this install its seed unless it has one (install, update, start-up: an install from
 * before seeds existed, or state that was cleared, gets one too; a set seed is never
 * replaced). Under the nudge-state lock, so a handler saving the state at the same moment
 * cannot write the old seed back. Returns the seed.
 */
export function ensureSeed(fresh = newSeed()): Promise<number> {
  return withLock('fail-well:nudge-state', async () => {
    const state = await getNudgeState();
    const next = withSeed(state, fresh);
    if (next !== state) await saveNudgeState(next);
    return next.seed;
  });
}

/** Read, change and write the nudge state. */
export async function updateNudgeState(
  change: (state: NudgeState) => NudgeState,
): Promise<NudgeState> {
  const next = change(await getNudgeState());
  await saveNudgeState(next);
  return next;
}

/** Call `listener` when the state changes (the settings page shows snooze and pause). */
export function watchNudgeState(listener: (state: NudgeState) => void): () => void {
  return nudgeStateItem.watch((value) => listener(parseNudgeState(value)));
}
