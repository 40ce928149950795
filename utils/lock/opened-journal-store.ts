/**
 * The whole journal read and opened with keys handed over by the page: what the review
 * page's reader worker runs, so the decryption of 100,000 records (and their base64, UTF-8
 * and JSON) happens off the page's main thread. It takes the keys as a parameter: a worker
 * has no extension storage to read them from.
 */

import { storedRowsInKeyOrder } from '../reflections/db-read-only-store';
import type { Reflection } from '../reflections/reflection';
import type { OpeningKeys } from './envelope';
import { openReflection, sealedToPublicKey } from './sealed-reflection';

/** One batch of the journal, opened, with the ids of its rows sealed to the public key. */
export interface OpenedBatch {
  rows: Reflection[];
  sealedToPublicKey: string[];
}

/**
 * Every reflection in key order, `count` at a time, each opened where it can be; one that
 * does not open (changed on disk, another key) comes back as stored, shown as "could not be
 * read" — never garbled (as utils/lock/lock-codec-store.ts's readableForm).
 */
export async function* openedJournal(
  count: number,
  keys: OpeningKeys,
): AsyncGenerator<OpenedBatch, void, undefined> {
  for await (const stored of storedRowsInKeyOrder(count)) {
    const rows = await Promise.all(
      stored.map((row) => (row.sealed ? openReflection(row, keys).catch(() => row) : row)),
    );
    yield { rows, sealedToPublicKey: stored.filter(sealedToPublicKey).map((r) => r.id) };
  }
}
