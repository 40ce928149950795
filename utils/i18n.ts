/**
 * Every user-facing string comes from `_locales` through `browser.i18n`; keys are typed from
 * the English catalogue, so a missing key is a type error. Dates and numbers go through Intl
 * in the same language the strings are shown in.
 */
import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

/** The message for `key` in the browser's language, with `$1`… filled from `substitutions`. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  // A missing translation shows its key: visible in use, and caught by the locale tests.
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}

/** The language the strings are in, for Intl formatters. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/** A number in the UI language ("5,000" / "5.000"). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(uiLanguage()).format(value);
}
