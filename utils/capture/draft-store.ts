/**
 * The stored draft: read, written and removed in `storage.local`. Separate from draft.ts
 * (the shape and its parse) so the pure part can be used and tested without a browser.
 */
import { browser } from 'wxt/browser';
import { LOCK_HINT_KEY } from '../lock/lock-hint';
import { type Draft, parseDraft } from './draft';

// Plain `storage.local`: the popup reads the draft before its first paint, and a storage
// library would not fit its size budget. `parseDraft` is the schema check on every read.
export const DRAFT_KEY = 'draft';

/**
 * The saved draft, if any, for the popup's first paint. A draft the lock sealed reads as an
 * empty one with its revision: the popup's draft sync (loaded right after the first paint)
 * opens it and merges it in, so no lock code sits on the way to the first field.
 */
export async function loadDraft(): Promise<Draft | null> {
  return parseDraft((await browser.storage.local.get(DRAFT_KEY))[DRAFT_KEY]);
}

/**
 * Store the draft now, as a popup that is being hidden must (it gets no next turn): with no
 * lock, the write is issued before anything is awaited; with the lock on, it is sealed first
 * (utils/lock/draft-codec-store.ts, loaded only then).
 */
export function saveDraft(draft: Draft): Promise<void> {
  return localStorage[LOCK_HINT_KEY]
    ? import('../lock/draft-codec-store').then((m) => m.storeDraftNow(DRAFT_KEY, draft))
    : browser.storage.local.set({ [DRAFT_KEY]: draft });
}

/** Remove the draft (only after its reflection is committed). */
export async function clearDraft(): Promise<void> {
  await browser.storage.local.remove(DRAFT_KEY);
}
