/**
 * Reading a chosen import file: its size is judged first, then its text is checked. Pure (a
 * Blob in, a check out), so it is apart from transfer-store.ts, which touches the database.
 */
import { t } from '../i18n/i18n';
import { type CheckOptions, checkImport, type ImportCheck } from './import';
import { importSizeProblem } from './import-guard';

/** Read and check a chosen file; its size is judged before a single byte is read. */
export async function readImportFile(
  file: Blob,
  now: number,
  options: CheckOptions = {},
): Promise<ImportCheck> {
  const tooBig = importSizeProblem(file.size);
  if (tooBig) return { ok: false, message: tooBig };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, message: t('dataImportUnreadable') };
  }
  return checkImport(text, now, options);
}
