/**
 * Plain words for what went wrong talking to the sync server, one per SyncHttpError code
 * (couch-errors.ts), kept apart from the client so the words load only where they are shown.
 * Pure (t() is the one read pure code may do).
 */
import { t } from '../i18n/i18n';
import type { SyncHttpErrorCode } from './couch-errors';

const HTTP_MESSAGES: Readonly<Record<SyncHttpErrorCode, () => string>> = {
  unreachable: () => t('syncHttpUnreachable'),
  'not-couch': () => t('syncHttpNotCouch'),
  unauthorized: () => t('syncHttpUnauthorized'),
  forbidden: () => t('syncHttpForbidden'),
  'no-database': () => t('syncHttpNoDatabase'),
  'too-large': () => t('syncHttpTooLarge'),
  'rate-limited': () => t('syncHttpRateLimited'),
  'server-error': () => t('syncHttpServerError'),
  'bad-response': () => t('syncHttpBadResponse'),
  conflict: () => t('syncHttpConflict'),
};

/** What to say when a sync request failed with `code`. */
export function httpProblem(code: SyncHttpErrorCode): string {
  return HTTP_MESSAGES[code]();
}
