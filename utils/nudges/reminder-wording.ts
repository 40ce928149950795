/**
 * What a follow-up or backup reminder says: concrete (the person's own commitment, how long
 * since the last export) and kind. Every string is a `nudgeFollowUp…` / `nudgeBackup…` key,
 * so the background's bundled catalogue can keep just the keys the worker uses.
 */
import { clip as clipText } from '../core/clip';
import { DAY_MS } from '../core/time-units';
import { t, uiLanguage } from '../i18n/i18n';
import type { DueFollowUp } from './due-reminders';

/** Notification text for the follow-ups sent now (most overdue first, at least one). */
export function followUpWording(items: readonly DueFollowUp[]): { title: string; message: string } {
  const [first] = items;
  const quote = clip(first?.nextTime ?? '');
  const more = items.length - 1;
  return {
    title: t('nudgeFollowUpTitle'),
    message:
      more > 0 ? t('nudgeFollowUpMessageMore', quote, more) : t('nudgeFollowUpMessage', quote),
  };
}

/** Notification text for the backup reminder: how long since the last export, or none yet. */
export function backupWording(
  lastExportAt: number | null,
  now: number,
): { title: string; message: string } {
  return {
    title: t('nudgeBackupTitle'),
    message:
      lastExportAt === null
        ? t('nudgeBackupMessageNone')
        : t('nudgeBackupMessage', sinceText(lastExportAt, now, uiLanguage())),
  };
}

/** "8 days ago", "3 weeks ago", "2 months ago" in `language`: long spans in plain units. */
export function sinceText(then: number, now: number, language: string): string {
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const days = Math.max(0, Math.floor((now - then) / DAY_MS));
  if (days < 14) return rtf.format(-days, 'day');
  if (days < 60) return rtf.format(-Math.floor(days / 7), 'week');
  return rtf.format(-Math.floor(days / 30), 'month');
}

/** Notifications show a few lines: a long commitment is cut at a word where it can be. */
function clip(text: string, max = 120): string {
  return clipText(text.replace(/\s+/g, ' ').trim(), max, true);
}
