import { useState } from 'preact/hooks';
import { SecretField, SecretToggle, useSecretChoice } from '../../../components/SecretField';
import { type MessageKey, t } from '../../../utils/i18n/i18n';
import type { LockErrorCode } from '../../../utils/lock/envelope';
import type { Secret } from '../../../utils/lock/lock-store';
import { parseRecoveryKey } from '../../../utils/lock/recovery-key';

/**
 * What to say when an encrypted backup did not open. AES-GCM cannot tell a wrong secret from
 * a changed file, so `unreadable` names the likelier one: the backup keeps the passphrase it
 * was made with, which may not be today's.
 */
export function backupProblem(code: LockErrorCode, withRecoveryKey: boolean): MessageKey {
  if (code === 'unreadable') {
    return withRecoveryKey ? 'dataImportWrongRecovery' : 'dataImportWrongPassphrase';
  }
  return code === 'unsupported' ? 'dataImportBackupNewer' : 'dataImportBackupBroken';
}

/**
 * The secret for an encrypted backup being imported: its passphrase, or its recovery key
 * (a toggle like the unlock screen's). `error` is what went wrong with the last try; the
 * form stays so the person can try again or cancel.
 */
export function OpenBackup({
  error,
  busy,
  onSubmit,
  onCancel,
}: {
  error: string;
  busy: boolean;
  onSubmit: (secret: Secret) => void;
  onCancel: () => void;
}) {
  const [typo, setTypo] = useState('');
  // The last try's message belongs to the kind of secret it was tried with.
  const [switched, setSwitched] = useState(false);
  const choice = useSecretChoice(() => {
    setTypo('');
    setSwitched(true);
  });
  const shown = typo || (switched ? '' : error);

  const submit = (event: Event) => {
    event.preventDefault();
    // A key that cannot be one is said at once; nothing is tried with it.
    if (choice.recovery && !parseRecoveryKey(choice.text)) {
      setTypo(t('unlockRecoveryMalformed'));
      return;
    }
    setTypo('');
    setSwitched(false);
    onSubmit(choice.secret());
  };

  return (
    <form class="open-backup" aria-labelledby="backup-secret-intro" onSubmit={submit}>
      <p id="backup-secret-intro">{t('dataImportEncrypted')}</p>
      <SecretField
        id="backup-secret"
        recovery={choice.recovery}
        value={choice.text}
        error={shown}
        disabled={busy}
        autoFocus
        onInput={choice.setText}
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || choice.text === ''}>
          {t(busy ? 'dataImportOpening' : 'dataImportOpen')}
        </button>
        <SecretToggle recovery={choice.recovery} onToggle={choice.toggle} />
        <button type="button" onClick={onCancel}>
          {t('dataCancel')}
        </button>
      </div>
    </form>
  );
}
