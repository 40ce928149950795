/**
 * The stored nudge state: the `local:` storage item, its repairing read, the seed written
 * once per install, and watching it. Separate from nudge-state.ts (the shape and its parser),
 * so the scheduler and its tests use the state without a browser.
 */
import { storage } from '@wxt-dev/storage';
import { withLock } from '../core/cross-context-lock-browser';
import {
  EMPTY_NUDGE_STATE,
  type NudgeState,
  newSeed,
  parseNudgeState,
  withSeed,
} from './nudge-state';

/** Where the nudge state lives: this device only, the fallback an empty state. */
export const nudgeStateItem = storage.defineItem<NudgeState>('local:nudgeState', {
  fallback: EMPTY_NUDGE_STATE,
});

/** The stored nudge state, always valid. */
export async function getNudgeState(): Promise<NudgeState> {
  return parseNudgeState(await nudgeStateItem.getValue());
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
    if (next !== state) await nudgeStateItem.setValue(next);
    return next.seed;
  });
}

/** Read, change and write the nudge state. */
export async function updateNudgeState(
  change: (state: NudgeState) => NudgeState,
): Promise<NudgeState> {
  const next = change(await getNudgeState());
  await nudgeStateItem.setValue(next);
  return next;
}

/** Call `listener` when the state changes (the settings page shows snooze and pause). */
export function watchNudgeState(listener: (state: NudgeState) => void): () => void {
  return nudgeStateItem.watch((value) => listener(parseNudgeState(value)));
}
