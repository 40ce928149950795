/**
 * Chrome's offscreen document for automatic backups: a service worker has no
 * `URL.createObjectURL`, so the worker opens this page (reason BLOBS) to turn the database
 * into a file it can hand to `downloads.download`. It reads IndexedDB itself — the rows never
 * travel through messages — and gets from the worker only what lives in extension storage,
 * which an offscreen document cannot read. The worker closes it once the download finished,
 * which frees the Blob.
 */
import { browser } from 'wxt/browser';
import { buildBackupBlob } from '../../utils/data/backup-file-store';
import { type BuildBackupReply, isBuildBackupRequest } from '../../utils/data/backup-messages';

browser.runtime.onMessage.addListener((message: unknown) => {
  if (!isBuildBackupRequest(message)) return undefined;
  return buildBackupBlob(message.meta).then(
    ({ blob, count }): BuildBackupReply => ({
      ok: true,
      url: URL.createObjectURL(blob),
      count,
      bytes: blob.size,
    }),
    (): BuildBackupReply => ({ ok: false }),
  );
});
