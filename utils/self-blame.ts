/**
 * Spots self-blame language in an answer so the popup can suggest, gently, describing what
 * happened instead of judging. Pure; the phrase list is data (self-blame-phrases.ts).
 */
import { type BlameKind, type BlamePhrases, SELF_BLAME_PHRASES } from './self-blame-phrases';

export interface BlameHint {
  kind: BlameKind;
  /** The words as the user typed them. */
  match: string;
  suggestion: string;
}

function phraseSource(phrase: string): string {
  return phrase
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/'/g, "['’]")
    .replace(/\s+/g, '\\s+');
}

interface Matcher {
  group: BlamePhrases;
  pattern: RegExp;
}

/** Compile the phrase list once: one case-insensitive, whole-word pattern per kind. */
export function compileMatchers(groups: readonly BlamePhrases[] = SELF_BLAME_PHRASES): Matcher[] {
  return groups.map((group) => ({
    group,
    // Letters on either side (any script) mean it is part of another word.
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${group.phrases.map(phraseSource).join('|')})(?![\\p{L}\\p{N}])`,
      'iu',
    ),
  }));
}

const DEFAULT_MATCHERS = compileMatchers();

/** "not my fault" is not self-blame: ignore a match right after a negation. */
function negated(text: string, index: number): boolean {
  return /\b(?:not|isn['’]t|wasn['’]t)\s+$/i.test(text.slice(Math.max(0, index - 12), index));
}

/** The first self-blame phrase in an answer, or null. `key` is the answer's question key. */
export function findSelfBlame(
  text: string,
  key: string,
  matchers: readonly Matcher[] = DEFAULT_MATCHERS,
): BlameHint | null {
  for (const { group, pattern } of matchers) {
    if (group.exceptIn?.includes(key)) continue;
    const found = pattern.exec(text);
    if (found && !negated(text, found.index)) {
      return { kind: group.kind, match: found[0], suggestion: group.suggestion };
    }
  }
  return null;
}
