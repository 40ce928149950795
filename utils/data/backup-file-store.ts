/**
 * Writing an automatic backup file from the database into a Blob, chunk by chunk (each chunk
 * becomes a Blob at once, so 100,000 reflections never make one giant string). It runs where
 * `URL.createObjectURL` exists: Chrome's offscreen document (entrypoints/offscreen/), or
 * Firefox's event page. Everything it needs from extension storage comes in `meta`, because an
 * offscreen document has no `storage` API. With the lock on the file is the version 3
 * encrypted backup (utils/lock/sealed-backup.ts): rows are copied as the ciphertext they are.
 */

import type { Keyring } from '../lock/keyring';
import { sealingKeyOf } from '../lock/keyring';
import { SEALED_BACKUP_END, sealedBackupChunk, sealedBackupStart } from '../lock/sealed-backup';
import { isSealed, sealReflection } from '../lock/sealed-reflection';
import { storedRowsById } from '../reflections/db-summary-store';
import type { TemplatePrefs } from '../reflections/own-templates';
import type { Settings } from '../settings/settings';
import { jsonWriter } from './export-json';

/** What the file's header holds besides the rows, read by the worker from its storage. */
export interface BackupMeta {
  createdAt: number;
  settings: Settings;
  checkins: string[];
  /** The journal's keyring when the lock is on: the file is then encrypted. */
  keyring: Keyring | null;
  /**
   * Own templates, in a plain backup as in a JSON export. The encrypted version 3 header holds
   * the settings only: a locked journal's backup brings the reflections (each keeps the wording
   * it was answered with), not the template editor's list.
   */
  templates?: TemplatePrefs;
}

/** A finished backup file. */
export interface BuiltBackup {
  blob: Blob;
  /** Reflections in it (soft-deleted ones are left out, as in every export). */
  count: number;
}

/** Build the backup file for `meta` from every stored row. */
export async function buildBackupBlob(meta: BackupMeta): Promise<BuiltBackup> {
  const parts: Blob[] = [];
  let count = 0;
  if (meta.keyring) {
    const key = await sealingKeyOf(meta.keyring);
    parts.push(
      new Blob([
        await sealedBackupStart(meta.keyring, key, meta.settings, meta.checkins, meta.createdAt),
      ]),
    );
    let first = true;
    for await (const chunk of storedRowsById()) {
      // A row a cut-short seal left readable is sealed to the public key here, never copied clear.
      const sealed = await Promise.all(
        chunk.map((row) => (isSealed(row) ? row : sealReflection(row, key))),
      );
      const text = sealedBackupChunk(sealed, first);
      if (text !== '') first = false;
      count += chunk.filter((r) => r.deletedAt === null).length;
      parts.push(new Blob([text]));
    }
    parts.push(new Blob([SEALED_BACKUP_END]));
  } else {
    const writer = jsonWriter({
      exportedAt: meta.createdAt,
      settings: meta.settings,
      checkins: meta.checkins,
      templates: meta.templates,
    });
    parts.push(new Blob([writer.start()]));
    for await (const chunk of storedRowsById()) {
      count += chunk.filter((r) => r.deletedAt === null).length;
      parts.push(new Blob([writer.chunk(chunk)]));
    }
    parts.push(new Blob([writer.end()]));
  }
  return { blob: new Blob(parts, { type: 'application/json' }), count };
}
