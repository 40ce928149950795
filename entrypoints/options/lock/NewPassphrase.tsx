import { useId, useState } from 'preact/hooks';
import { t } from '../../../utils/i18n/i18n';
import { checkNewPassphrase } from '../../../utils/lock/passphrase';

/**
 * A new passphrase typed twice, checked in plain words before anything happens. Used to
 * switch the lock on, to change the passphrase, and after a recovery-key unlock.
 */
export function NewPassphrase({
  submitLabel,
  onSubmit,
  confirmText,
  onCancel,
}: {
  submitLabel: string;
  onSubmit: (passphrase: string) => Promise<void>;
  /** A box to tick first ("I understand…"), when the step cannot be undone by us. */
  confirmText?: string;
  onCancel?: () => void;
}) {
  const id = useId();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const problem = checkNewPassphrase(first, second);
    if (problem) return setError(t(problem));
    if (confirmText && !understood) return setError(t('lockErrorUnderstand'));
    setError('');
    setBusy(true);
    try {
      await onSubmit(first);
    } catch {
      setError(t('unlockBroken'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="new-passphrase" onSubmit={submit} noValidate>
      <label class="field">
        <span>{t('lockPassphrase')}</span>
        <input
          type="password"
          autocomplete="new-password"
          value={first}
          aria-describedby={`${id}-hint`}
          onInput={(e) => setFirst(e.currentTarget.value)}
        />
      </label>
      <p class="muted small" id={`${id}-hint`}>
        {t('lockPassphraseHint')}
      </p>
      <label class="field">
        <span>{t('lockPassphraseAgain')}</span>
        <input
          type="password"
          autocomplete="new-password"
          value={second}
          onInput={(e) => setSecond(e.currentTarget.value)}
        />
      </label>
      {confirmText && (
        <label class="check">
          <input
            type="checkbox"
            checked={understood}
            onChange={(e) => setUnderstood(e.currentTarget.checked)}
          />
          {confirmText}
        </label>
      )}
      <p class="error" role="alert">
        {error}
      </p>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('lockWorking') : submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('lockCancel')}
          </button>
        )}
      </div>
    </form>
  );
}
