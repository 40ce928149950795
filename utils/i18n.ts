/**
 * Every user-facing string comes from `_locales` through `browser.i18n`; keys are typed from
 * the English catalogue, so a missing key is a type error. Dates and numbers go through Intl
 * in the same language the strings are shown in.
 */
import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

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
  fallback = await loadFallbackMessages(uiLanguage().split('-')[0] ?? 'en');
}

/** The language the strings are in, for Intl formatters. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/** A number in the UI language ("5,000" / "5.000"). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(uiLanguage()).format(value);
}
