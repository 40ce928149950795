/**
 * The stored draft after the journal's keyring changed. Apart from draft-write-store.ts: only
 * the review page, which switches keyrings, loads it — a module the popup shares with that
 * page would move the popup's start-up code into a shared chunk.
 */
import { browser } from 'wxt/browser';
import { withLock } from '../core/cross-context-lock-browser';
import { isRecord } from '../core/parse';
import { fromStoredDraft, LOCKED_DRAFT, toStoredDraft } from '../lock/draft-codec-store';
import { isSealedDraft } from '../lock/sealed-draft';

/**
 * draft-store.ts's DRAFT_KEY, written out: importing that module here made it (and preact
 * with it) a chunk the popup shares with the review page, 121 B over the popup's start budget.
 * tests/utils/lock/key-change.test.ts reseals a draft stored under DRAFT_KEY, so the two
 * cannot drift apart unnoticed.
 */
const DRAFT_KEY = 'draft';

/**
 * After the journal's keyring changed (a key change, a join): the stored draft sealed again to
 * the new key. Its copy under the session's draft key opens it until the browser closes; the
 * one to the old public key would open for nobody after that. Same revision and writer, so no
 * merge sees a change. A draft this context cannot open stays as it is.
 */
export function resealDraft(): Promise<void> {
  return withLock('fail-well:draft', async () => {
    const raw = (await browser.storage.local.get(DRAFT_KEY))[DRAFT_KEY];
    if (!isSealedDraft(raw)) return;
    const opened = await fromStoredDraft(raw);
    if (opened === LOCKED_DRAFT || !isRecord(opened)) return;
    const draft = { ...opened, rev: raw.rev, writer: raw.writer, updatedAt: raw.updatedAt };
    await browser.storage.local.set({ [DRAFT_KEY]: await toStoredDraft(draft) });
  });
}
