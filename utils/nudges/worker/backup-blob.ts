/**
 * The backup file as a URL the downloads API can save, made where each browser can: Chrome's
 * service worker has no `URL.createObjectURL`, so an offscreen document (reason BLOBS,
 * entrypoints/offscreen/) builds it; Firefox's MV3 background is an event page, which builds
 * it itself. A data: URL was not an option: at 100,000 reflections the file is tens of MB,
 * and a data: URL that size would be one giant string in the worker's memory.
 */
import { browser } from 'wxt/browser';
import { type BackupMeta, buildBackupBlob } from '../../data/backup-file-store';
import { BUILD_BACKUP, isBuildBackupReply } from '../../data/backup-messages';

/** A built file: its URL, how many reflections it holds, and how to free it afterwards. */
export interface BackupUrl {
  url: string;
  count: number;
  bytes: number;
  release: () => Promise<void>;
}

/** The part of `chrome.offscreen` used here (the polyfill does not type it). */
interface Offscreen {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?: () => Promise<boolean>;
}

const OFFSCREEN_PATH = '/offscreen.html';

/** Why a file could not be built: a withdrawn permission, or the database could not be read. */
export class BackupBuildError extends Error {
  override name = 'BackupBuildError';
  constructor(readonly reason: 'permission' | 'read') {
    super(`The backup file could not be built (${reason})`);
  }
}

/** Build the backup file for `meta` and give it a URL; throws `BackupBuildError`. */
export async function backupUrl(meta: BackupMeta): Promise<BackupUrl> {
  if (import.meta.env.FIREFOX) {
    // Only this branch reaches the file builder, so Chrome's worker bundle leaves it out.
    const { blob, count } = await buildBackupBlob(meta).catch(() => {
      throw new BackupBuildError('read');
    });
    const url = URL.createObjectURL(blob);
    return { url, count, bytes: blob.size, release: async () => URL.revokeObjectURL(url) };
  }
  const offscreen = (globalThis as { chrome?: { offscreen?: Offscreen } }).chrome?.offscreen;
  if (!offscreen) throw new BackupBuildError('permission');
  // A document left open by a worker that stopped mid-way is closed first: one at a time.
  await offscreen.closeDocument().catch(() => undefined);
  await offscreen.createDocument({
    url: browser.runtime.getURL(OFFSCREEN_PATH),
    reasons: ['BLOBS'],
    justification: 'Writes the automatic backup file the person switched on.',
  });
  const release = () => offscreen.closeDocument().catch(() => undefined);
  try {
    const reply: unknown = await browser.runtime.sendMessage({ type: BUILD_BACKUP, meta });
    if (!isBuildBackupReply(reply) || !reply.ok) throw new BackupBuildError('read');
    return { url: reply.url, count: reply.count, bytes: reply.bytes, release };
  } catch (error) {
    await release();
    throw error instanceof BackupBuildError ? error : new BackupBuildError('read');
  }
}
