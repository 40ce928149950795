/** Small display helpers shared by the pages: text from `_locales`, dates and numbers via Intl. */

import type { Trigger } from '../reflections/reflection';
import { type MessageKey, t, uiLanguage } from './i18n';

/** One formatter per language and kind: building an Intl formatter is costly, using one is not. */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(
  kind: string,
  make: (language: string) => F,
): F {
  const language = uiLanguage();
  const key = `${kind}:${language}`;
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = make(language);
    cache.set(key, formatter);
  }
  return formatter as F;
}

/** "29 Nov 2026, 17:30" in the UI language. */
export function formatDateTime(epochMs: number): string {
  return cached(
    'dateTime',
    (language) => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(epochMs);
}

/** "24 Nov" for a calendar date `YYYY-MM-DD` (a week start in the charts). */
export function formatShortDate(iso: string): string {
  return cached(
    'shortDate',
    // Calendar dates are already local: format them as UTC so no zone shifts the day.
    (language) =>
      new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  ).format(Date.parse(iso));
}

/** "Wednesday, 10 March 2027" for a calendar date `YYYY-MM-DD` (a day in the year calendar). */
export function formatLongDate(iso: string): string {
  return cached(
    'longDate',
    (language) => new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }),
  ).format(Date.parse(iso));
}

/** "Mar" / "Mon" for a calendar date `YYYY-MM-DD`: the year calendar's column and row names. */
export function formatDatePart(iso: string, part: 'month' | 'weekday'): string {
  return cached(
    part,
    (language) => new Intl.DateTimeFormat(language, { [part]: 'short', timeZone: 'UTC' }),
  ).format(Date.parse(iso));
}

/** A share as a whole percentage ("42%" / "42 %"). */
export function formatPercent(share: number): string {
  return cached(
    'percent',
    (language) => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }),
  ).format(share);
}

/** A number with exactly one decimal ("2.5" / "2,5"). */
export function formatDecimal(value: number): string {
  return cached(
    'decimal',
    (language) =>
      new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  ).format(value);
}

/** "1 month ago", "2 years ago" ("vor 2 Jahren"): whole years when the months make some. */
export function formatMonthsAgo(months: number): string {
  const format = new Intl.RelativeTimeFormat(uiLanguage(), { numeric: 'always' });
  return months % 12 === 0 ? format.format(-months / 12, 'year') : format.format(-months, 'month');
}

/** A list in the UI language ("a, b and c" / "a, b und c"). */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(uiLanguage(), { type: 'conjunction' }).format(items);
}

const TRIGGER_KEYS: Readonly<Record<Trigger, MessageKey>> = {
  manual: 'triggerManual',
  schedule: 'triggerSchedule',
  idle: 'triggerIdle',
  startup: 'triggerStartup',
  site: 'triggerSite',
  'navigation-error': 'triggerNavigationError',
  'download-error': 'triggerDownloadError',
  'context-menu': 'triggerContextMenu',
  'follow-up': 'triggerFollowUp',
};

/** What prompted a reflection, in words ("On my own", "Left a site"). */
export function triggerLabel(trigger: Trigger): string {
  return t(TRIGGER_KEYS[trigger]);
}
