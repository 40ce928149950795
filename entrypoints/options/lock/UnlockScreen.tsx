import { useState } from 'preact/hooks';
import { SecretField, SecretToggle, useSecretChoice } from '../../../components/SecretField';
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const choice = useSecretChoice(() => setError(''));
  const useRecovery = choice.recovery;
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
        setRecovered(await checkSecret(choice.secret()));
      } else {
        await unlock(choice.secret(), Date.now());
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

  return (
    <section class="card unlock" aria-labelledby="unlock-title">
      <h2 id="unlock-title">{t('unlockTitle')}</h2>
      <p class="muted">{t('unlockHint')}</p>
      <form onSubmit={submit}>
        <SecretField
          id="unlock-secret"
          recovery={useRecovery}
          value={choice.text}
          error={error}
          autoFocus
          onInput={choice.setText}
        />
        <div class="actions">
          <button type="submit" class="primary" disabled={busy || choice.text === ''}>
            {t(busy ? 'unlockBusy' : 'unlockButton')}
          </button>
          <SecretToggle recovery={useRecovery} onToggle={choice.toggle} />
        </div>
      </form>
    </section>
  );
}
