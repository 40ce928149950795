/**
 * Every user-facing string comes from `_locales` through `browser.i18n`; keys are typed from
 * the English catalogue, so a missing key is a type error. Dates, numbers and plurals go
 * through Intl in the language of the catalogue in use, which is not always the browser's:
 * a French browser gets the English catalogue, so it gets English dates and `lang="en"` too.
 */
import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

let fallback: ((key: string, substitutions: string[]) => string) | null = null;

/** The message for `key` in the browser's language, with `$1`… filled from `substitutions`. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const subs = substitutions.map(String);
  // A missing translation shows its key: visible in use, and caught by the locale tests.
  return browser.i18n.getMessage(key, subs) || fallback?.(key, subs) || key;
}

/**
 * Make sure `t` can answer before a page renders. Chromium now and then gives a page of a
 * freshly installed extension an empty message bundle (every `getMessage` returns ''; seen
 * under load in the end-to-end tests): then read the shipped catalogue instead.
 */
export async function ensureMessages(): Promise<void> {
  if (browser.i18n.getMessage('extName')) return;
  // The worker cannot lazy-load chunks, so it bundles only its own strings (worker-messages.ts);
  // pages load a complete catalogue as a chunk. The build drops the branch it does not take.
  const { loadFallbackMessages } =
    import.meta.env.ENTRYPOINT === 'background'
      ? await import('./i18n-worker-fallback')
      : await import('./i18n-fallback');
  // The browser picks a catalogue by its own language; the fallback does the same.
  fallback = await loadFallbackMessages(browser.i18n.getUILanguage());
}

/**
 * The language the strings are in, for Intl formatters and `<html lang>`: each catalogue names
 * its own (`uiLocale`: "en", "de"), since the browser falls back to English for a language we
 * do not ship. Not the browser's region ("en-GB"): one tag on every page, and the popup's
 * 15 KB budget has no room to merge the two. `t` answers from the fallback catalogue too.
 */
export function uiLanguage(): string {
  return t('uiLocale');
}

/**
 * `one` or `other` for `count` by the UI language's plural rules ("1 character", "2 characters");
 * a language with more forms (few, many) gets `other` until its catalogue needs more.
 */
export function plural<K extends MessageKey>(count: number, one: K, other: K): K {
  // Not cached: a plural is picked per message shown, not per list row.
  return new Intl.PluralRules(uiLanguage()).select(count) === 'one' ? one : other;
}

/** A number in the UI language ("5,000" / "5.000"). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(uiLanguage()).format(value);
}
