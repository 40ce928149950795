/**
 * The import's guards, applied before anything is checked field by field: a file's size
 * (judged before a byte is read) and keys that could reach an object's prototype. Their own
 * file because they stand in front of the schema and know nothing of a reflection's shape.
 */
import { t, uiLanguage } from '../i18n/i18n';

/**
 * Files larger than this are refused before a byte is read. 150 MB: an automatic backup of
 * 100,000 ordinary reflections measured 62 MB (tests/e2e/backups.e2e.ts), and longer answers
 * make it bigger; 50 MB refused the journal's own backup.
 */
export const MAX_IMPORT_BYTES = 150 * 1024 * 1024;
/** Keys that could reach an object's prototype when code later copies or merges the value. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A plain message when a file is too large to read, or null when its size is fine. */
export function importSizeProblem(bytes: number, max = MAX_IMPORT_BYTES): string | null {
  if (bytes === 0) return t('importEmpty');
  if (bytes > max) {
    const mb = new Intl.NumberFormat(uiLanguage(), {
      style: 'unit',
      unit: 'megabyte',
      maximumFractionDigits: 0,
    });
    const size = (n: number) => mb.format(n / 1024 / 1024);
    return t('importTooLarge', size(bytes), size(max));
  }
  return null;
}

/** The path to the first forbidden key, as a list of keys; null when there is none. */
function forbiddenPath(value: unknown): Array<string | number> | null {
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = forbiddenPath(value[i]);
      if (found) return [i, ...found];
    }
    return null;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (FORBIDDEN_KEYS.has(key)) return [key];
    const found = forbiddenPath((value as Record<string, unknown>)[key]);
    if (found) return [key, ...found];
  }
  return null;
}

/** The path of the first forbidden key inside a parsed value, or null when there is none. */
export function findForbiddenKey(value: unknown, path = ''): string | null {
  const found = forbiddenPath(value);
  if (!found) return null;
  return found.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key),
    path,
  );
}

/** The first forbidden key among a parsed file's own fields, or null. */
export function headerForbidden(parsed: Record<string, unknown>): string | null {
  return Object.keys(parsed).find((key) => FORBIDDEN_KEYS.has(key)) ?? null;
}
