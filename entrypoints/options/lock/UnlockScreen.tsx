import { useState } from 'preact/hooks';
import { t } from '../../../utils/i18n/i18n';
import { LockError, type OpeningKeys } from '../../../utils/lock/envelope';
import { checkSecret, resetPassphrase, unlock } from '../../../utils/lock/lock-store';
import { NewPassphrase } from './NewPassphrase';

/**
 * The review page while the journal is locked: the passphrase (or the recovery key) and
 * nothing else. A wrong one changes nothing and says so; after the recovery key the person
 * is asked for a new passphrase, since the old one is what they lost.
 */
export function UnlockScreen({ onUnlocked }: { onUnlocked: () => void }) {
  const [useRecovery, setUseRecovery] = useState(false);
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [recovered, setRecovered] = useState<OpeningKeys | null>(null);

  if (recovered) {
    return (
      <section class="card unlock" aria-labelledby="unlock-title">
        <h2 id="unlock-title">{t('unlockTitle')}</h2>
        <p>{t('unlockSetNew')}</p>
        <NewPassphrase
          submitLabel={t('unlockSetNewSave')}
          onSubmit={async (passphrase) => {
            await resetPassphrase(recovered, passphrase, Date.now());
            onUnlocked();
          }}
        />
      </section>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      if (useRecovery) {
        // Checked only: the journal opens once the new passphrase is set.
        setRecovered(await checkSecret({ recoveryKey: secret }));
      } else {
        await unlock({ passphrase: secret }, Date.now());
        onUnlocked();
      }
    } catch (failure) {
      const code = failure instanceof LockError ? failure.code : '';
      setError(
        code === 'malformed' && useRecovery
          ? t('unlockRecoveryMalformed')
          : code === 'unreadable'
            ? t(useRecovery ? 'unlockRecoveryWrong' : 'unlockWrong')
            : t('unlockBroken'),
      );
    } finally {
      setBusy(false);
    }
  };

  const field = {
    id: 'unlock-secret',
    value: secret,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? 'unlock-error' : undefined,
    onInput: (e: { currentTarget: HTMLInputElement }) => setSecret(e.currentTarget.value),
  };

  return (
    <section class="card unlock" aria-labelledby="unlock-title">
      <h2 id="unlock-title">{t('unlockTitle')}</h2>
      <p class="muted">{t('unlockHint')}</p>
      <form onSubmit={submit}>
        <label class="field" for="unlock-secret">
          <span>{t(useRecovery ? 'unlockRecoveryKey' : 'lockPassphrase')}</span>
          {useRecovery ? (
            <input type="text" autocomplete="off" spellcheck={false} autofocus {...field} />
          ) : (
            <input type="password" autocomplete="current-password" autofocus {...field} />
          )}
        </label>
        <p id="unlock-error" class="error" role="alert">
          {error}
        </p>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy || secret === ''}>
            {t(busy ? 'unlockBusy' : 'unlockButton')}
          </button>
          <button
            type="button"
            class="link"
            onClick={() => {
              setUseRecovery(!useRecovery);
              setSecret('');
              setError('');
            }}
          >
            {t(useRecovery ? 'unlockUsePassphrase' : 'unlockUseRecovery')}
          </button>
        </div>
      </form>
    </section>
  );
}
