/**
 * What can go wrong talking to the person's CouchDB, as codes the sync engine decides on
 * (retry, stop, ask) and sync-http-messages.ts puts into words; and how long to wait before
 * trying again. Pure: no clock, no randomness of its own.
 */

/**
 * `unreachable`: no answer at all (offline, DNS, TLS, CORS); `not-couch`: something answered
 * that is not CouchDB (a login page, a captive portal); `no-database`: 404 on the database;
 * `too-large`: 413 (the server's max request size); `rate-limited`: 429; `server-error`: 5xx;
 * `bad-response`: a reply cut short or of the wrong shape, or a status sync does not expect;
 * `conflict`: 409 on a single document (bulk writes report conflicts per document instead).
 */
export type SyncHttpErrorCode =
  | 'unreachable'
  | 'not-couch'
  | 'unauthorized'
  | 'forbidden'
  | 'no-database'
  | 'too-large'
  | 'rate-limited'
  | 'server-error'
  | 'bad-response'
  | 'conflict';

/** Worth another try later without anything changed by the person. */
const RETRYABLE: ReadonlySet<SyncHttpErrorCode> = new Set([
  'unreachable',
  'rate-limited',
  'server-error',
]);

export class SyncHttpError extends Error {
  override name = 'SyncHttpError';
  readonly retryable: boolean;
  constructor(
    readonly code: SyncHttpErrorCode,
    readonly status?: number,
    cause?: unknown,
  ) {
    super(`Sync request failed (${code}${status === undefined ? '' : `, HTTP ${status}`})`, {
      cause,
    });
    this.retryable = RETRYABLE.has(code);
  }
}

/** The error for a non-2xx status, or null for a success. */
export function statusError(status: number): SyncHttpError | null {
  if (status >= 200 && status < 300) return null;
  if (status === 401) return new SyncHttpError('unauthorized', status);
  if (status === 403) return new SyncHttpError('forbidden', status);
  if (status === 404) return new SyncHttpError('no-database', status);
  if (status === 409) return new SyncHttpError('conflict', status);
  if (status === 413) return new SyncHttpError('too-large', status);
  if (status === 429) return new SyncHttpError('rate-limited', status);
  if (status >= 500) return new SyncHttpError('server-error', status);
  return new SyncHttpError('bad-response', status);
}

/** How many times one request is tried before sync gives up until the next run. */
export const MAX_ATTEMPTS = 6;

const FIRST_DELAY_MS = 1000;
const LONGEST_DELAY_MS = 5 * 60 * 1000;

/**
 * The wait before try `attempt + 1` (attempt 0 is the first retry): 1 s, 2 s, 4 s … capped at
 * 5 minutes, each between half and all of that ("equal jitter"), so devices that failed
 * together do not all come back in the same second. `random` is Math.random or a test's.
 */
export function retryDelay(attempt: number, random: () => number): number {
  const steps = Math.max(0, Math.floor(attempt));
  const ceiling = Math.min(LONGEST_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(steps, 30));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}
