/**
 * The stored draft: read, written and removed in `storage.local`. Separate from draft.ts
 * (the shape and its parse) so the pure part can be used and tested without a browser.
 */
import { browser } from 'wxt/browser';
import { type Draft, parseDraft } from './draft';

// Plain `storage.local`: the popup reads the draft before its first paint, and a storage
// library would not fit its size budget. `parseDraft` is the schema check on every read.
export const DRAFT_KEY = 'draft';

/** The saved draft, if any. */
export async function loadDraft(): Promise<Draft | null> {
  const stored = await browser.storage.local.get(DRAFT_KEY);
  return parseDraft(stored[DRAFT_KEY]);
}

/** Store the draft (on every keystroke, debounced by `createDraftSaver`). */
export async function saveDraft(draft: Draft): Promise<void> {
  await browser.storage.local.set({ [DRAFT_KEY]: draft });
}

/** Remove the draft (only after its reflection is committed). */
export async function clearDraft(): Promise<void> {
  await browser.storage.local.remove(DRAFT_KEY);
}
