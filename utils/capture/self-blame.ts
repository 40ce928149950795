/**
 * Spots self-blame language in an answer so the popup can suggest, gently, describing what
 * happened instead of judging. The phrase list is data from `_locales` (self-blame-phrases.ts);
 * matching is pure over it.
 */
import {
  type BlameKind,
  type BlamePhrases,
  selfBlameNegations,
  selfBlamePhrases,
} from './self-blame-phrases';

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

export interface Matchers {
  groups: Array<{ group: BlamePhrases; pattern: RegExp }>;
  negation: RegExp;
}

/** Compile a phrase list once: one case-insensitive, whole-word pattern per kind. */
export function compileMatchers(
  groups: readonly BlamePhrases[] = selfBlamePhrases(),
  negations: readonly string[] = selfBlameNegations(),
): Matchers {
  // Letters or digits on either side (any script) mean it is part of another word.
  const words = (phrases: readonly string[]) => phrases.map(phraseSource).join('|');
  return {
    groups: groups.map((group) => ({
      group,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${words(group.phrases)})(?![\\p{L}\\p{N}])`, 'iu'),
    })),
    // "not my fault" is not self-blame: a negation just before the match undoes it.
    negation: new RegExp(`(?<![\\p{L}\\p{N}])(?:${words(negations)})\\s+$`, 'iu'),
  };
}

let defaults: Matchers | null = null;

/** The first self-blame phrase in an answer, or null. `key` is the answer's question key. */
export function findSelfBlame(text: string, key: string, matchers?: Matchers): BlameHint | null {
  if (!matchers) defaults ??= compileMatchers();
  const { groups, negation } = matchers ?? (defaults as Matchers);
  for (const { group, pattern } of groups) {
    if (group.exceptIn?.includes(key)) continue;
    const found = pattern.exec(text);
    if (found && !negation.test(text.slice(0, found.index))) {
      return { kind: group.kind, match: found[0], suggestion: group.suggestion };
    }
  }
  return null;
}
