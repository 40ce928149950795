/** Rules for a new passphrase, as message keys for plain-words errors. Pure. */
import type { MessageKey } from '../i18n/i18n';

/** Shorter than this is refused: PBKDF2 slows guessing, it cannot make "1234" safe. */
export const MIN_PASSPHRASE = 8;

/** What is wrong with a new passphrase typed twice, or null when it can be used. */
export function checkNewPassphrase(first: string, second: string): MessageKey | null {
  if ([...first].length < MIN_PASSPHRASE) return 'lockErrorTooShort';
  if (first !== second) return 'lockErrorMismatch';
  return null;
}
