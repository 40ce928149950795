/**
 * What a nudge says. Short, kind, blameless, and rotating: the same line every day turns into
 * wallpaper, and a user who has been ignoring us deserves a fresh, softer ask, not a louder one.
 */
import type { ReflectionContext, Trigger } from './reflection';

/** General prompts, used in turn (the index moves on with every nudge). */
export const NUDGE_POOL = [
  'A minute to look back on today?',
  'Anything today worth keeping as a lesson?',
  'What happened today that you would do differently?',
  'One small thing you learned today?',
  'Something went sideways? Jot down what it taught you.',
  'A quiet moment: anything to note before you move on?',
] as const;

/** Title and message for a nudge's notification (the badge shows only a count). */
export function nudgeWording(
  trigger: Trigger,
  index: number,
  context: ReflectionContext | null = null,
): { title: string; message: string } {
  const general = NUDGE_POOL[index % NUDGE_POOL.length] ?? NUDGE_POOL[0];
  const page = context?.title?.trim() || context?.url || '';
  switch (trigger) {
    case 'idle':
      return { title: 'Welcome back', message: `Before you dive in: ${lower(general)}` };
    case 'site':
      return {
        title: page ? `You just left ${clip(page)}` : 'You just left a listed site',
        message: 'How did it go? Anything worth a lesson?',
      };
    case 'navigation-error':
      return {
        title: 'A page did not load',
        message: page ? `${clip(page)} failed. Anything to note?` : 'Anything to note?',
      };
    case 'download-error':
      return {
        title: 'A download failed',
        message: page ? `${clip(page)} did not finish. Anything to note?` : 'Anything to note?',
      };
    default:
      return { title: 'Fail Well', message: general };
  }
}

/** The start-up notification: one past lesson, in the user's own words. */
export function lessonFromBefore(learned: string): { title: string; message: string } {
  return { title: 'A lesson from before', message: clip(learned.trim(), 200) };
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
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
