/**
 * Merging two versions of the draft. Several pages can write the one draft (two prompts open
 * at once, the background staging a nudge's trigger and page): a page that sees a newer
 * revision from another writer merges it with its own instead of taking either whole, so
 * nothing anyone typed is lost. Pure, and loaded only once there is something to merge.
 */

import { normalizeTags } from '../reflections/reflection';
import type { Draft } from './draft';

/**
 * Two texts of one answer as one: equal or one side empty is easy; when one already holds
 * the other (typing went on) the longer is kept; otherwise both, in a fixed order, so both
 * pages reach the same text whichever merges first.
 */
export function mergeText(mine: string, theirs: string): string {
  if (mine === theirs || theirs.trim() === '') return mine;
  if (mine.trim() === '' || theirs.includes(mine)) return theirs;
  if (mine.includes(theirs)) return mine;
  return [mine, theirs].sort().join('\n');
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What a draft holds, whoever wrote it when: answers in key order, empty ones left out. */
function content(draft: Draft): unknown[] {
  const answers = Object.entries(draft.answers)
    .filter(([, text]) => text !== '')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const { template, prompt, tags, tagText, sting, attachPage, context, trigger } = draft;
  return [template, prompt, answers, tags, tagText, sting, attachPage, context, trigger];
}

/** Whether two drafts hold the same (revision, writer and time aside). */
export function sameContent(a: Draft, b: Draft): boolean {
  return same(content(a), content(b));
}

/**
 * Field by field: with `base` (the version both started from), a field only one side changed
 * takes that side; a field both changed, or any field without a base, follows the field's
 * rule: answers and tag text by `mergeText`, tags as a union, the page's own template, sting
 * and "attach" choice, the other side's trigger and page when it has one (a nudge staged it).
 */
export function mergeDrafts(mine: Draft, theirs: Draft, base: Draft | null = null): Draft {
  function pick<T>(get: (draft: Draft) => T, conflict: (a: T, b: T) => T): T {
    const a = get(mine);
    const b = get(theirs);
    if (same(a, b)) return a;
    if (base && same(a, get(base))) return b;
    if (base && same(b, get(base))) return a;
    return conflict(a, b);
  }
  const answers: Record<string, string> = {};
  for (const key of new Set([...Object.keys(mine.answers), ...Object.keys(theirs.answers)])) {
    answers[key] = pick(
      (d) => d.answers[key] ?? '',
      (a, b) => mergeText(a, b),
    );
  }
  const mineFirst = <T>(a: T) => a;
  // The template and its "One question" prompt go together.
  const [template, prompt] = pick((d) => [d.template, d.prompt] as const, mineFirst);
  return {
    template,
    ...(prompt ? { prompt } : {}),
    answers,
    tags: pick(
      (d) => d.tags,
      (a, b) => normalizeTags([...a, ...b]),
    ),
    tagText: pick((d) => d.tagText, mergeText),
    sting: pick(
      (d) => d.sting,
      (a, b) => a ?? b,
    ),
    attachPage: pick((d) => d.attachPage, mineFirst),
    context: pick(
      (d) => d.context,
      (a, b) => b ?? a,
    ),
    trigger: pick(
      (d) => d.trigger,
      (a, b) => (b === 'manual' ? a : b),
    ),
    updatedAt: Math.max(mine.updatedAt, theirs.updatedAt),
    rev: Math.max(mine.rev, theirs.rev),
    writer: mine.writer,
  };
}

/**
 * Where the caret goes when a field's text changes under it: after the same text as before
 * when what precedes it is unchanged, before the same text when what follows is, else where
 * it was (within the new text).
 */
export function caretAfter(before: string, after: string, caret: number): number {
  if (after.startsWith(before.slice(0, caret))) return caret;
  const tail = before.slice(caret);
  if (after.endsWith(tail)) return after.length - tail.length;
  return Math.min(caret, after.length);
}
