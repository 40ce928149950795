import { beforeEach, describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatDecimal,
  formatList,
  formatMonthsAgo,
  formatPercent,
  formatShortDate,
  triggerLabel,
} from '../../../utils/i18n/format';
import { TRIGGERS } from '../../../utils/reflections/reflection';
import { localTime } from '../../helpers/clock';
import { useLanguage } from '../../i18n-fake';

// Local noon: the date shown is the 29th in every zone.
const AT = localTime(2026, 11, 29);

/**
 * German as in Germany, English as in Britain. Dates follow the catalogue's language ("en",
 * "de"), not the browser's region: one UI language on every page (utils/i18n.ts).
 */
function speak(lang: 'en' | 'de') {
  useLanguage(lang, lang === 'de' ? 'de-DE' : 'en-GB');
}

describe('format', () => {
  beforeEach(() => speak('en'));

  it.each([
    ['en', 1, '1 month ago'],
    ['en', 11, '11 months ago'],
    ['en', 12, '1 year ago'],
    ['en', 24, '2 years ago'],
    ['de', 1, 'vor 1 Monat'],
    ['de', 12, 'vor 1 Jahr'],
    ['de', 36, 'vor 3 Jahren'],
  ] as const)('%s: %i months back reads "%s"', (lang, months, text) => {
    speak(lang);
    expect(formatMonthsAgo(months)).toBe(text);
  });

  it.each([
    ['en', 'Nov 24', '42%', '2.5', 'a, b, and c'],
    ['de', '24. Nov.', '42 %', '2,5', 'a, b und c'],
  ] as const)(
    '%s: dates, shares, averages and lists follow the UI language',
    (lang, day, share, avg, list) => {
      speak(lang);
      expect(formatShortDate('2026-11-24')).toBe(day);
      expect(formatPercent(0.42).replace(/\u00a0/g, ' ')).toBe(share);
      expect(formatDecimal(2.5)).toBe(avg);
      expect(formatList(['a', 'b', 'c'])).toBe(list);
    },
  );

  it('formats date and time in the UI language, switching when it changes', () => {
    const en = formatDateTime(AT);
    speak('de');
    const de = formatDateTime(AT);
    expect(en).toMatch(/Nov 29, 2026/);
    expect(de).toMatch(/29\.11\.2026, 12:00/);
  });

  it.each(TRIGGERS)('names the trigger %s in both languages', (trigger) => {
    const en = triggerLabel(trigger);
    speak('de');
    const de = triggerLabel(trigger);
    expect(en).toMatch(/^[A-Z]/);
    expect(de).toMatch(/^[A-ZÄÖÜ]/);
    expect(de).not.toBe(en);
  });
});
