/**
 * When a nudge rings (or a snooze or pause ends), in the UI language: "today 17:30",
 * "tomorrow 09:00", "Thu 17:30", "Dec 14, 17:30" — "heute 17:30", "Do., 17:30" in German.
 * Times are 24-hour, like every time the settings ask for.
 */
import { t, uiLanguage } from '../i18n/i18n';
import { nudgeDay } from './schedule';

/** The moment `at`, seen from `now`, in words; `zone` and `locale` default to the browser's. */
export function describeNextNudge(
  at: number,
  now: number,
  zone?: string,
  locale: string = uiLanguage(),
): string {
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, {
      ...options,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: zone,
    }).format(at);
  switch (nudgeDay(at, now, zone)) {
    case 'today':
      return t('nudgeWhenToday', format({}));
    case 'tomorrow':
      return t('nudgeWhenTomorrow', format({}));
    case 'this-week':
      return format({ weekday: 'short' });
    default:
      return format({ day: 'numeric', month: 'short' });
  }
}
