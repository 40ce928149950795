/**
 * Self-blame phrases and the kinder suggestion for each kind. The wording lives in
 * `_locales` (one message per kind, phrases separated by "|") so it is translated with the
 * rest; this file only says which messages make up which kind.
 */
import { type MessageKey, t } from '../i18n/i18n';

export type BlameKind = 'label' | 'absolute' | 'blame';

export interface BlamePhrases {
  kind: BlameKind;
  /** Shown as the gentle suggestion when a phrase of this kind is used. */
  suggestion: string;
  phrases: readonly string[];
  /** Answers where these phrases are fine (a plan for next time may well say "never"). */
  exceptIn?: readonly string[];
}

const KINDS: ReadonlyArray<{
  kind: BlameKind;
  phrases: MessageKey;
  hint: MessageKey;
  exceptIn?: string[];
}> = [
  { kind: 'label', phrases: 'selfBlameLabelPhrases', hint: 'selfBlameLabelHint' },
  {
    kind: 'absolute',
    phrases: 'selfBlameAbsolutePhrases',
    hint: 'selfBlameAbsoluteHint',
    exceptIn: ['nextTime'],
  },
  { kind: 'blame', phrases: 'selfBlameBlamePhrases', hint: 'selfBlameBlameHint' },
];

const split = (text: string) =>
  text
    .split('|')
    .map((phrase) => phrase.trim())
    .filter(Boolean);

/** The phrase list in the browser's language. */
export function selfBlamePhrases(): BlamePhrases[] {
  return KINDS.map(({ kind, phrases, hint, exceptIn }) => ({
    kind,
    suggestion: t(hint),
    phrases: split(t(phrases)),
    ...(exceptIn ? { exceptIn } : {}),
  }));
}

/** Words that, right before a phrase, undo it ("not my fault"). */
export function selfBlameNegations(): string[] {
  return split(t('selfBlameNegations'));
}
