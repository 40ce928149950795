/**
 * Breaks, from the browser's idle events: when the user went away and, on return, how long
 * they were gone. Pure; the start of the spell is stored because the worker sleeps through it.
 */

/** Seconds of no input before the browser reports "idle" (its minimum is 15). */
export const IDLE_DETECTION_SECONDS = 60;

export type IdleState = 'active' | 'idle' | 'locked';

/** The stored start of the idle spell after an idle event, and the break length on return. */
export function idleTransition(
  idleSince: number | null,
  next: IdleState,
  now: number,
): { idleSince: number | null; breakMs: number | null } {
  if (next !== 'active') {
    // "idle" is reported a detection interval after the last input: the break began then.
    const began = next === 'idle' ? now - IDLE_DETECTION_SECONDS * 1000 : now;
    return { idleSince: idleSince ?? began, breakMs: null };
  }
  return { idleSince: null, breakMs: idleSince === null ? null : now - idleSince };
}
