/**
 * What a nudge says. Short, kind, blameless, and rotating: the same line every day turns into
 * wallpaper, and a user who has been ignoring us deserves a fresh, softer ask, not a louder one.
 */
import { clip as clipText } from '../core/clip';
import { type MessageKey, t } from '../i18n/i18n';
import type { ReflectionContext, Trigger } from '../reflections/reflection';

/** General prompts (message keys), used in turn: the index moves on with every nudge. */
export const NUDGE_POOL = [
  'nudgePrompt1',
  'nudgePrompt2',
  'nudgePrompt3',
  'nudgePrompt4',
  'nudgePrompt5',
  'nudgePrompt6',
] as const satisfies readonly MessageKey[];

/** Title and message for a nudge's notification (the badge shows only a count). */
export function nudgeWording(
  trigger: Trigger,
  index: number,
  context: ReflectionContext | null = null,
): { title: string; message: string } {
  const page = clip(context?.title?.trim() || context?.url || '');
  switch (trigger) {
    case 'idle':
      return { title: t('nudgeIdleTitle'), message: t('nudgeIdleMessage') };
    case 'site':
      return {
        title: page ? t('nudgeSiteTitle', page) : t('nudgeSiteTitleUnknown'),
        message: t('nudgeSiteMessage'),
      };
    case 'navigation-error':
      return {
        title: t('nudgeNavigationTitle'),
        message: page ? t('nudgeNavigationMessage', page) : t('nudgeFailureMessage'),
      };
    case 'download-error':
      return {
        title: t('nudgeDownloadTitle'),
        message: page ? t('nudgeDownloadMessage', page) : t('nudgeFailureMessage'),
      };
    default:
      return {
        title: t('extName'),
        message: t(NUDGE_POOL[index % NUDGE_POOL.length] ?? 'nudgePrompt1'),
      };
  }
}

/** The start-up notification: one past lesson, in the user's own words. */
export function lessonFromBefore(learned: string | null): { title: string; message: string } {
  // null: the lock keeps the lesson out of notifications (or cannot read it while locked).
  const message = learned === null ? t('nudgeLessonQuiet') : clip(learned.trim(), 200);
  return { title: t('nudgeLessonTitle'), message };
}

/** A page title or lesson cut to fit a notification, never through a character. */
function clip(text: string, max = 60): string {
  return clipText(text, max);
}

/** The badge after one more nudge: a count, "9+" past nine. */
export function nextBadgeText(current: string): string {
  const count = current === '9+' ? 10 : Number.parseInt(current, 10) || 0;
  return count + 1 > 9 ? '9+' : String(count + 1);
}

/**
 * One past lesson for the start-up nudge: among reflections with a "learned" answer, a
 * different one each day (stable within the day, so a restart shows the same one).
 */
export function pickLesson(
  reflections: ReadonlyArray<{ answers: Record<string, string> }>,
  now: number,
): string | null {
  const lessons = reflections
    .map((reflection) => reflection.answers.learned?.trim() ?? '')
    .filter((learned) => learned !== '');
  if (lessons.length === 0) return null;
  return lessons[Math.floor(now / 86_400_000) % lessons.length] ?? null;
}
