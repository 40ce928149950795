/**
 * "Edited on two devices — keep which?": the answers sync kept in two versions
 * (`Reflection.conflicts`, utils/sync/merge.ts) and the two ways a person settles one —
 * choosing a version, or rewriting the answer in the editor. Pure.
 */
import type { FieldConflict, Reflection } from './reflection';

const ANSWER = 'answers.';

/** The answer key a conflict is about (`answers.learned` → `learned`). */
export const answerKeyOf = (conflict: FieldConflict): string => conflict.field.slice(ANSWER.length);

/** The reflection with `conflicts` set to `left`, or without the field when none is left. */
function withConflicts(r: Reflection, left: FieldConflict[]): Reflection {
  const { conflicts: _, ...rest } = r;
  return left.length > 0 ? { ...rest, conflicts: left } : rest;
}

/** Keep `text` as the answer of `field`; that choice is no longer waiting. */
export function withVersionKept(r: Reflection, field: string, text: string): Reflection {
  const left = (r.conflicts ?? []).filter((c) => c.field !== field);
  return withConflicts(
    { ...r, answers: { ...r.answers, [field.slice(ANSWER.length)]: text } },
    left,
  );
}

/**
 * After an edit: an answer the person rewrote is settled by what they wrote; the others
 * still wait. (Saving the editor unchanged chooses nothing.)
 */
export function settledByEdit(before: Reflection, after: Reflection): Reflection {
  if (!before.conflicts?.length) return after;
  const left = before.conflicts.filter((c) => {
    const key = answerKeyOf(c);
    return (after.answers[key] ?? '') === (before.answers[key] ?? '');
  });
  return withConflicts(after, left);
}

/** The reflections with a choice waiting, in the order given (the list's: newest first). */
export function waitingChoices(newestFirst: readonly Reflection[]): Reflection[] {
  return newestFirst.filter((r) => r.conflicts !== undefined && r.conflicts.length > 0);
}
