/**
 * Settings live in `storage.sync`, which refuses an item over 8,192 bytes (Chrome and Firefox
 * alike). Measured here before writing, so a page can say what to shorten instead of claiming
 * "saved". Pure and wordless: the worker writes settings too; pages word the failure with
 * settings-failure.ts.
 */

/** `storage.sync.QUOTA_BYTES_PER_ITEM` in Chrome and Firefox. */
export const QUOTA_BYTES_PER_ITEM = 8192;

const utf8 = new TextEncoder();

/** What an item costs against the per-item quota, counted as Chrome does: key plus JSON of the value, in UTF-8 bytes. */
export function syncItemBytes(key: string, value: unknown): number {
  return utf8.encode(key).length + utf8.encode(JSON.stringify(value) ?? '').length;
}

/** How many bytes `value` stored under `key` is over the per-item quota (0 when it fits). */
export function bytesOverQuota(key: string, value: unknown): number {
  return Math.max(0, syncItemBytes(key, value) - QUOTA_BYTES_PER_ITEM);
}

/** Settings that would not fit in `storage.sync`: nothing was written. */
export class SettingsTooLongError extends Error {
  /** `over`: bytes beyond the quota, about as many characters of a site list. */
  constructor(readonly over: number) {
    super(`settings are ${over} bytes over storage.sync's QUOTA_BYTES_PER_ITEM`);
    this.name = 'SettingsTooLongError';
  }
}
