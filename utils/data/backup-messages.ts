/**
 * What the worker and Chrome's offscreen document say to each other about a backup file:
 * "build it" (with what only the worker can read from storage) and the answer, an object URL
 * the downloads API can save. Pure: shapes and guards only.
 */
import { isRecord } from '../core/parse';
import type { BackupMeta } from './backup-file-store';

export const BUILD_BACKUP = 'fail-well:build-backup';

/** The worker asks the offscreen document for a backup file. */
export interface BuildBackupRequest {
  type: typeof BUILD_BACKUP;
  meta: BackupMeta;
}

/** The offscreen document's answer: the file as an object URL, or why there is none. */
export type BuildBackupReply =
  | { ok: true; url: string; count: number; bytes: number }
  | { ok: false };

/** Whether a runtime message is a request to build a backup. */
export function isBuildBackupRequest(message: unknown): message is BuildBackupRequest {
  return isRecord(message) && message.type === BUILD_BACKUP && isRecord(message.meta);
}

/** Whether an answer is a reply from the offscreen document. */
export function isBuildBackupReply(message: unknown): message is BuildBackupReply {
  return (
    isRecord(message) &&
    (message.ok === false ||
      (message.ok === true && typeof message.url === 'string' && typeof message.count === 'number'))
  );
}
