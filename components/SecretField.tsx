import { useState } from 'preact/hooks';
import { t } from '../utils/i18n/i18n';
import type { Secret } from '../utils/lock/lock-store';

/**
 * The secret that opens the journal or one of its backups: the passphrase, or the recovery
 * key in its place (`recovery`: plain text, no spell check, nothing for the browser to
 * remember). The message paragraph is always there, so a message is announced as it appears.
 * Used by the unlock screen, an encrypted backup being imported, a plain export of a locked
 * journal and switching the lock off.
 */
export function SecretField({
  id,
  recovery = false,
  label,
  value,
  error,
  disabled,
  autoFocus,
  onInput,
}: {
  id: string;
  recovery?: boolean;
  /** Instead of "Passphrase" / "Recovery key". */
  label?: string;
  value: string;
  error: string;
  disabled?: boolean;
  autoFocus?: boolean;
  onInput: (value: string) => void;
}) {
  const errorId = `${id}-error`;
  const field = {
    id,
    value,
    disabled,
    autofocus: autoFocus,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    onInput: (e: { currentTarget: HTMLInputElement }) => onInput(e.currentTarget.value),
  };
  return (
    <>
      <label class="field" for={id}>
        <span>{label ?? t(recovery ? 'unlockRecoveryKey' : 'lockPassphrase')}</span>
        {recovery ? (
          <input type="text" autocomplete="off" spellcheck={false} {...field} />
        ) : (
          <input type="password" autocomplete="current-password" {...field} />
        )}
      </label>
      <p id={errorId} class="error" role="alert">
        {error}
      </p>
    </>
  );
}

/** "Use the recovery key instead" / "Use the passphrase": switches a `SecretField`. */
export function SecretToggle({ recovery, onToggle }: { recovery: boolean; onToggle: () => void }) {
  return (
    <button type="button" class="link" onClick={onToggle}>
      {t(recovery ? 'unlockUsePassphrase' : 'unlockUseRecovery')}
    </button>
  );
}

/**
 * The state behind a `SecretField` and its `SecretToggle`: what is typed, which of the two it
 * is, and the secret as the lock takes it. Switching starts the field afresh (a passphrase is
 * never left in the recovery key's plain-text field); `onSwitch` clears what the form said.
 */
export function useSecretChoice(onSwitch?: () => void) {
  const [text, setText] = useState('');
  const [recovery, setRecovery] = useState(false);
  return {
    text,
    setText,
    recovery,
    secret: (): Secret => (recovery ? { recoveryKey: text } : { passphrase: text }),
    toggle: () => {
      setRecovery(!recovery);
      setText('');
      onSwitch?.();
    },
  };
}
