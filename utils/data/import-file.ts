/**
 * Reading a chosen import file: its size is judged first, then its text is checked. An
 * encrypted backup (utils/lock/encrypted-backup*.ts, either version) is told apart by its first bytes and
 * opened with a passphrase or recovery key before the same check. Pure (a Blob in, a check
 * out), so it is apart from transfer-store.ts, which touches the database.
 */
import { t } from '../i18n/i18n';
import { ENCRYPTED_BACKUP_FORMAT, isEncryptedBackup } from '../lock/encrypted-backup';
import { openAnyBackup } from '../lock/encrypted-backup-parts';
import type { Secret } from '../lock/lock-store';
import { type CheckOptions, checkImport, type ImportCheck } from './import';
import { importSizeProblem, MAX_IMPORT_BYTES } from './import-guard';

/**
 * The largest encrypted backup read: base64 and JSON escaping make one about 1.4 times its
 * plain export, and the export inside is held to the plain limit once it is opened.
 */
const MAX_ENCRYPTED_BYTES = 2 * MAX_IMPORT_BYTES;
/** Backups are written format first; a hand-formatted one still has it near the top. */
const SNIFF_BYTES = 512;

/** A chosen file: a checked export, or an encrypted backup that needs its secret first. */
export type ChosenFile = ImportCheck | { ok: 'encrypted'; backup: unknown };

async function textOf(file: Blob): Promise<string | null> {
  try {
    return await file.text();
  } catch {
    return null;
  }
}

/** Whether a file's first bytes say it is an encrypted backup (checked in full after). */
async function looksEncrypted(file: Blob): Promise<boolean> {
  try {
    return (await file.slice(0, SNIFF_BYTES).text()).includes(`"${ENCRYPTED_BACKUP_FORMAT}"`);
  } catch {
    return false; // then read as a plain export, whose check says what is wrong
  }
}

/**
 * Read a chosen file and check it, or say it is an encrypted backup to open with
 * `openEncryptedFile`. Its size is judged before more than its first bytes are read.
 */
export async function readChosenFile(
  file: Blob,
  now: number,
  options: CheckOptions = {},
): Promise<ChosenFile> {
  const encrypted = file.size > 0 && (await looksEncrypted(file));
  const tooBig = importSizeProblem(file.size, encrypted ? MAX_ENCRYPTED_BYTES : MAX_IMPORT_BYTES);
  if (tooBig) return { ok: false, message: tooBig };
  const text = await textOf(file);
  if (text === null) return { ok: false, message: t('dataImportUnreadable') };
  if (encrypted) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { ok: false, message: t('importNotJson') };
    }
    if (isEncryptedBackup(parsed)) return { ok: 'encrypted', backup: parsed };
  }
  return checkImport(text, now, options);
}

/**
 * Open an encrypted backup with its secret, then check the export inside like any chosen
 * file. Throws `LockError` (wrong secret, changed file, newer version) so the form can ask
 * again; a problem with the export inside comes back as a failed check.
 */
export async function openEncryptedFile(
  backup: unknown,
  secret: Secret,
  now: number,
  options: CheckOptions = {},
): Promise<ImportCheck> {
  const text = await openAnyBackup(backup, secret);
  const tooBig = importSizeProblem(text.length);
  if (tooBig) return { ok: false, message: tooBig };
  return checkImport(text, now, options);
}

/** Read and check a chosen plain export; an encrypted backup is refused with a plain message. */
export async function readImportFile(
  file: Blob,
  now: number,
  options: CheckOptions = {},
): Promise<ImportCheck> {
  const chosen = await readChosenFile(file, now, options);
  return chosen.ok === 'encrypted' ? { ok: false, message: t('dataImportEncrypted') } : chosen;
}
