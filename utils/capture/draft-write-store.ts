/**
 * Writing the draft when more than one page may: every change is a read, a change and a
 * write under the draft's cross-context lock (utils/core/cross-context-lock-browser.ts), so no writer's
 * change falls between another's read and write.
 * Kept apart from utils/capture/draft.ts: the popup loads it after its first paint.
 */
import { browser } from 'wxt/browser';
import { withLock } from '../core/cross-context-lock-browser';
import { isRecord } from '../core/parse';
import {
  fromStoredDraft,
  LOCKED_DRAFT,
  parkLockedDraft,
  toStoredDraft,
} from '../lock/draft-codec-store';
import { type Draft, parseDraft } from './draft';
import { DRAFT_KEY } from './draft-store';

/**
 * The draft as stored, unparsed but opened when the lock sealed it (a saved draft's mark still
 * carries its revision). A sealed draft this context cannot open is parked for the next unlock
 * (utils/lock/draft-codec-store.ts) and reads as none: the caller's next write cannot lose it.
 * Call under the draft's lock.
 */
export async function readStoredDraft(): Promise<unknown> {
  const raw = (await browser.storage.local.get(DRAFT_KEY))[DRAFT_KEY];
  const opened = await fromStoredDraft(raw);
  if (opened !== LOCKED_DRAFT) return opened;
  await parkLockedDraft(raw);
  await browser.storage.local.remove(DRAFT_KEY);
  return { cleared: true, rev: revOf(raw), writer: writerOf(raw) };
}

/** The revision of a stored draft (or of the mark a saved one left); 0 for none. */
export function revOf(raw: unknown): number {
  return isRecord(raw) && typeof raw.rev === 'number' ? raw.rev : 0;
}

/** Who wrote a stored draft ('' when unknown). */
export function writerOf(raw: unknown): string {
  return isRecord(raw) && typeof raw.writer === 'string' ? raw.writer : '';
}

/**
 * Under the lock: read the draft, let `change` decide the next one (the same object: write
 * nothing), and store it as the next revision by `writer`. `atLeast` is the newest revision
 * the writer has seen, so counting never goes back after the draft was removed.
 */
export function changeDraft(
  writer: string,
  change: (stored: Draft | null, raw: unknown) => Draft | null,
  atLeast = 0,
): Promise<Draft | null> {
  return withLock('fail-well:draft', async () => {
    const raw = await readStoredDraft();
    const stored = parseDraft(raw);
    const next = change(stored, raw);
    if (next === stored) return stored;
    const rev = Math.max(revOf(raw), atLeast) + 1;
    if (!next) {
      // A mark, not a removal: the next writer counts on from here.
      await browser.storage.local.set({ [DRAFT_KEY]: { cleared: true, rev, writer } });
      return null;
    }
    const written = { ...next, rev, writer };
    await browser.storage.local.set({ [DRAFT_KEY]: await toStoredDraft(written) });
    return written;
  });
}
