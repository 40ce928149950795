/**
 * The browser side of export and import: streams the database through a format writer into
 * a Blob, hands it to the user as a download, and merges imported check-ins into storage.
 * Reading a chosen file is pure and lives in import-file.ts. With the lock on, a JSON export
 * is sealed piece by piece into an encrypted backup (utils/lock/encrypted-backup-parts.ts).
 */
import { browser } from 'wxt/browser';
import { addCheckin, CHECKINS_KEY, loadCheckins } from '../capture/checkin-store';
import { yieldToPage } from '../core/yield-to-page';
import { backupSealer } from '../lock/encrypted-backup-parts';
import { LockError } from '../lock/envelope';
import { readKeyring, readOpeningKeys } from '../lock/lock-read-store';
import { reflectionsById, reflectionsOldestFirst } from '../reflections/db-bulk-store';
import { countReflections } from '../reflections/db-store';
import type { Reflection } from '../reflections/reflection';
import { type ExportKind, type ExportMeta, exportFileName, writerFor } from './export';

export interface ExportOptions {
  /** Only reflections this keeps (a dashboard filter); all when absent. */
  keep?: (reflection: Reflection) => boolean;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /**
   * JSON only: seal the file into an encrypted backup with the unlocked journal's keys.
   * Rejects with `LockError('other-key')` before reading anything when the journal is not
   * unlocked in this session.
   */
  encrypt?: boolean;
}

/** A finished export, ready to download. */
export interface ExportResult {
  blob: Blob;
  fileName: string;
  /** Reflections written (soft-deleted ones are left out of every format). */
  count: number;
}

/**
 * Build an export file chunk by chunk: each chunk is read in its own short transaction and
 * the page gets a breath in between, so 100,000 reflections never freeze it.
 */
export async function buildExport(
  kind: ExportKind,
  meta: ExportMeta,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const encrypt = kind === 'json' && options.encrypt === true;
  // The keys first: a journal that is locked (or has no lock) exports nothing it cannot seal.
  const lock = encrypt ? await unlockedKeys() : null;
  const writer = writerFor(kind, meta);
  // Each piece is sealed as it is written, so the whole plain text never exists at once.
  const sealer = lock ? backupSealer(lock.keyring, lock.keys, meta.exportedAt) : null;
  const total = await countReflections();
  // Each chunk becomes a Blob at once: the browser holds the bytes, the page lets go of the
  // string, and the final Blob only links the pieces (no giant string is ever built).
  const parts: Blob[] = [
    new Blob([sealer ? sealer.start() + (await sealer.part(writer.start())) : writer.start()]),
  ];
  let done = 0;
  let count = 0;
  // Readable formats go by date; JSON is read in key order, which is faster and loses nothing.
  const chunks = kind === 'json' ? reflectionsById() : reflectionsOldestFirst();
  for await (const chunk of chunks) {
    options.signal?.throwIfAborted();
    const kept = options.keep ? chunk.filter(options.keep) : chunk;
    count += kept.filter((r) => r.deletedAt === null).length;
    const text = writer.chunk(kept);
    parts.push(new Blob([sealer && text !== '' ? await sealer.part(text) : text]));
    done += chunk.length;
    options.onProgress?.(done, total);
    await yieldToPage();
  }
  parts.push(new Blob([sealer ? await sealer.end(writer.end()) : writer.end()]));
  return {
    blob: new Blob(parts, { type: `${writer.mimeType};charset=utf-8` }),
    fileName: exportFileName(kind, meta.exportedAt, meta.timeZone, sealer !== null),
    count,
  };
}

async function unlockedKeys() {
  const [keyring, keys] = await Promise.all([readKeyring(), readOpeningKeys()]);
  if (!keyring || !keys) throw new LockError('other-key');
  return { keyring, keys };
}

/**
 * Offer a Blob as a download through an `<a download>` link: no `downloads` permission, no
 * network, and the user's browser decides where it goes.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the Blob to the download already; free it after this task.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Merge imported check-ins into the stored ones (a union, so importing twice changes nothing).
 * Here, not in checkin.ts, so the popup (which checks in) does not carry it.
 * Returns how many days were new.
 */
export async function importCheckins(days: readonly string[]): Promise<number> {
  if (days.length === 0) return 0;
  const stored = await loadCheckins();
  const merged = days.reduce<string[]>((all, day) => addCheckin(all, day), stored);
  await browser.storage.local.set({ [CHECKINS_KEY]: merged });
  return merged.length - stored.length;
}
