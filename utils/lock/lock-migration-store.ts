/**
 * Switching the lock on or off rewrites every reflection: sealing them all, or opening them
 * all. With 100,000 reflections that takes a while, and the browser may be closed half way, so:
 *
 * - The direction is written down first (`storage.local` `lock:migration`), and whoever starts
 *   next — the review page, or the background on browser start — carries on from it.
 * - Records are rewritten in batches, each in its own transaction, and each record says by
 *   itself which form it is in (`sealed` present or not): a record is never half sealed, and a
 *   batch cut off by a crash is simply done again.
 * - A record changed by another page between our read and our write is left for the next pass
 *   (the write checks it is unchanged), so no edit is ever undone.
 * - Only one context works at a time (the `fail-well:lock-migration` Web Lock).
 *
 * Sealing works without the passphrase (to the public key), so a browser restarted mid-way
 * finishes while locked; records sealed that way are rewritten with the data key after the
 * next unlock's read (`compactRows`), which makes reading them fast.
 */
import { browser } from 'wxt/browser';
import { withLock } from '../core/cross-context-lock-browser';
import { isRecord } from '../core/parse';
import { announceBulk } from '../reflections/db-connection-store';
import { replaceUnchanged, rowsAfter, rowsById } from '../reflections/db-rows-store';
import type { Reflection } from '../reflections/reflection';
import { currentCodec, type LockCodec } from './lock-codec-store';
import { FORMER_KEY } from './lock-read-store';
import { openReflection, sealedToPublicKey, sealReflection } from './sealed-reflection';

export const MIGRATION_KEY = 'lock:migration';
const BATCH = 250;

/** Which way the journal is being rewritten. */
export type MigrationDirection = 'seal' | 'open';

/** How far a migration is: records in their final form, of all there are. */
export interface MigrationProgress {
  direction: MigrationDirection;
  done: number;
  total: number;
}

/** The unfinished migration, if any. */
export async function pendingMigration(): Promise<MigrationDirection | null> {
  const raw = (await browser.storage.local.get(MIGRATION_KEY))[MIGRATION_KEY];
  return isRecord(raw) && (raw.direction === 'seal' || raw.direction === 'open')
    ? raw.direction
    : null;
}

/** Write down that the journal is to be rewritten `direction` (before any record is). */
export async function startMigration(direction: MigrationDirection): Promise<void> {
  await browser.storage.local.set({ [MIGRATION_KEY]: { direction } });
}

async function forgetFormerKey(): Promise<void> {
  await withLock('fail-well:lock', () => browser.storage.local.remove(FORMER_KEY));
}

/** The record's next form on the way `direction`, or null when it is already there. */
async function nextForm(
  row: Reflection,
  direction: MigrationDirection,
  codec: LockCodec,
): Promise<Reflection | null> {
  if (direction === 'open') {
    if (!row.sealed) return null;
    if (!codec.open) throw new Error('Opening needs the unlocked journal');
    return openReflection(row, codec.open);
  }
  if (!row.sealed) {
    const key = codec.open ?? codec.seal;
    if (!key) throw new Error('Sealing needs the lock');
    return sealReflection(row, key);
  }
  // Sealed under a former key (a device that joined a synced journal): moved under this one.
  if (codec.former && row.sealed.kid === codec.former.kid && codec.open) {
    return sealReflection(await openReflection(row, codec.former), codec.open);
  }
  // Already sealed: rewrite one sealed to the public key once the data key is here.
  if (row.sealed.f === 'pk' && codec.open) {
    return sealReflection(await openReflection(row, codec.open), codec.open);
  }
  return null;
}

/**
 * Rewrite every record `direction` until none is left, reporting progress; returns how many
 * were rewritten. Unreadable records (changed on disk) are left as they are and counted done:
 * nothing is ever dropped. Safe to call from several contexts: they take turns.
 */
export async function runMigration(
  direction: MigrationDirection,
  onProgress?: (progress: MigrationProgress) => void,
  keys?: LockCodec,
): Promise<number> {
  return withLock('fail-well:lock-migration', async () => {
    let rewritten = 0;
    for (;;) {
      const codec = keys ?? (await currentCodec());
      const formerKid = codec.open ? (codec.former?.kid ?? null) : null;
      let leftUnderFormer = 0;
      let changedThisPass = 0;
      let missedThisPass = 0;
      let done = 0;
      let after: string | null = null;
      const total = { value: 0 };
      for (;;) {
        const rows = await rowsAfter(after, BATCH, after === null ? total : undefined);
        if (rows.length === 0) break;
        after = (rows[rows.length - 1] as Reflection).id;
        // The batch's records are sealed (or opened) all at once: WebCrypto works on its own
        // threads, and one `await` per record left them idle between calls (sealing 100,000
        // took two minutes).
        const next = await Promise.all(
          rows.map((row) => nextForm(row, direction, codec).catch(() => null)),
        );
        const pairs: { was: Reflection; now: Reflection }[] = [];
        next.forEach((now, i) => {
          const was = rows[i] as Reflection;
          if (now) pairs.push({ was, now });
          else if (formerKid !== null && was.sealed?.kid === formerKid) leftUnderFormer++;
        });
        // Other pages hear of it once, at the end: a "bulk" makes a review page read the whole
        // journal again, and one per batch made sealing 100,000 take minutes, not seconds.
        const replaced = pairs.length ? await replaceUnchanged(pairs, { announce: false }) : 0;
        changedThisPass += replaced;
        missedThisPass += pairs.length - replaced;
        done += rows.length - (pairs.length - replaced);
        // Counted once per pass: rows saved since may take `done` past it.
        onProgress?.({ direction, done, total: Math.max(total.value, done) });
        if (rows.length < BATCH) break;
      }
      rewritten += changedThisPass;
      if (missedThisPass === 0) {
        // Nothing is left under the former key (utils/lock/former-key.ts): it can go. One
        // that would not open (changed on disk) keeps it, so nothing is ever locked out.
        if (formerKid !== null && leftUnderFormer === 0) await forgetFormerKey();
        break;
      }
    }
    if (rewritten > 0) announceBulk();
    // Records still under a former key (moved only while unlocked) keep the migration pending.
    const formerLeft = (await browser.storage.local.get(FORMER_KEY))[FORMER_KEY] !== undefined;
    if ((await pendingMigration()) === direction && !formerLeft) {
      await browser.storage.local.remove(MIGRATION_KEY);
    }
    return rewritten;
  });
}

/**
 * Switch the lock off for good: open every record, remove the keyring, then — with the keys
 * still in memory — open anything a popup sealed in the moment before it saw the lock go.
 */
export async function turnOff(
  codec: LockCodec,
  remove: () => Promise<void>,
  onProgress?: (progress: MigrationProgress) => void,
  settle = 1500,
): Promise<void> {
  await startMigration('open');
  await runMigration('open', onProgress, codec);
  await remove();
  await new Promise((resolve) => setTimeout(resolve, settle));
  await runMigration('open', onProgress, codec);
  await browser.storage.local.remove(MIGRATION_KEY);
}

/** Records per compaction batch: small, so a save from another page never waits long. */
const COMPACT_BATCH = 100;

/**
 * After an unlock, once the page has read the journal: rewrite the records sealed to the
 * public key (`ids`, found by that read) with the data key, so the next unlock opens each
 * with one AES-GCM call instead of an ECDH agreement. Runs in small batches, each in its own
 * transaction under the migration's Web Lock, with `pause` between them (the page waits for
 * idle time): it must never compete with the first rows or the search. Nothing to resume: a
 * record says which form it is in, and one left sealed to the public key (the page closed, a
 * lock, another page's change in between) is simply found by the next unlock's read.
 * Returns how many were rewritten. Other pages are not told: no word changed.
 */
export async function compactRows(
  ids: readonly string[],
  pause: () => Promise<void>,
): Promise<number> {
  let rewritten = 0;
  for (let i = 0; i < ids.length; i += COMPACT_BATCH) {
    await pause();
    const batch = ids.slice(i, i + COMPACT_BATCH);
    const more = await withLock('fail-well:lock-migration', async () => {
      const codec = await currentCodec();
      // Locked meanwhile (or switched off): the keys are gone, and so is the reason.
      if (!codec.open) return null;
      const open = codec.open;
      const rows = (await rowsById(batch)).filter(sealedToPublicKey);
      const resealed = await Promise.all(
        rows.map((row) =>
          openReflection(row, open)
            .then((plain) => sealReflection(plain, open))
            .catch(() => null),
        ),
      );
      const pairs: { was: Reflection; now: Reflection }[] = [];
      resealed.forEach((now, j) => {
        if (now) pairs.push({ was: rows[j] as Reflection, now });
      });
      return pairs.length ? replaceUnchanged(pairs, { announce: false }) : 0;
    });
    if (more === null) break;
    rewritten += more;
  }
  return rewritten;
}

/** On browser start: finish a seal the browser was closed in the middle of (to the public key). */
export async function resumeSealing(): Promise<void> {
  if ((await pendingMigration()) === 'seal') await runMigration('seal');
}
