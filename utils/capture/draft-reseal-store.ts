/**
 * The stored draft after the journal's keyring changed. Apart from draft-write-store.ts: only
 * the review page, which switches keyrings, loads it — a module the popup shares with that
 * page would move the popup's start-up code into a shared chunk.
 */
import { browser } from 'wxt/browser';
import { withLock } from '../core/cross-context-lock-browser';
import { isRecord } from '../core/parse';
import {
  fromStoredDraft,
  LOCKED_DRAFT,
  toStoredDraft,
  WAITING_DRAFTS_KEY,
} from '../lock/draft-codec-store';
import { isSealedDraft } from '../lock/sealed-draft';

/**
 * draft-store.ts's DRAFT_KEY, written out: importing that module here made it (and preact
 * with it) a chunk the popup shares with the review page, 121 B over the popup's start budget.
 * tests/utils/lock/key-change.test.ts reseals a draft stored under DRAFT_KEY, so the two
 * cannot drift apart unnoticed.
 */
const DRAFT_KEY = 'draft';

/**
 * After the journal's keyring changed (a key change, a join), while the former key is still
 * held: the stored draft, and the drafts waiting for an unlock, sealed again to the new key.
 * The draft's copy under the session's draft key opens it until the browser closes; a copy
 * sealed to the old public key would open for nobody once the former key is forgotten. Same
 * revision and writer, so no merge sees a change. A draft nothing here opens stays as it is.
 */
export function resealDraft(): Promise<void> {
  return withLock('fail-well:draft', async () => {
    const stored = await browser.storage.local.get([DRAFT_KEY, WAITING_DRAFTS_KEY]);
    const [draft, waiting] = [stored[DRAFT_KEY], stored[WAITING_DRAFTS_KEY]];
    const changes: Record<string, unknown> = {};
    if (isSealedDraft(draft)) changes[DRAFT_KEY] = await resealed(draft);
    if (Array.isArray(waiting))
      changes[WAITING_DRAFTS_KEY] = await Promise.all(waiting.map(resealed));
    if (Object.keys(changes).length > 0) await browser.storage.local.set(changes);
  });
}

/** `raw` sealed to the current key when it can be opened here, else as it was. */
async function resealed(raw: unknown): Promise<unknown> {
  if (!isSealedDraft(raw)) return raw;
  const opened = await fromStoredDraft(raw);
  if (opened === LOCKED_DRAFT || !isRecord(opened)) return raw;
  return toStoredDraft({ ...opened, rev: raw.rev, writer: raw.writer, updatedAt: raw.updatedAt });
}
