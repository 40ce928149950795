import { useState } from 'preact/hooks';
import { SecretField, SecretToggle } from '../../../../components/SecretField';
import { t } from '../../../../utils/i18n/i18n';
import type { SyncConfig } from '../../../../utils/sync/sync-config';
import { followKeyChange } from './follow-key';

/** The journal's key was changed on another device: its passphrase (or new recovery key) here. */
export function KeyChangedForm({ config }: { config: SyncConfig }) {
  const [secret, setSecret] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem('');
    void followKeyChange(config, useRecovery ? { recoveryKey: secret } : { passphrase: secret })
      .then((words) => setProblem(words ?? ''))
      .finally(() => setBusy(false));
  };
  return (
    <form class="sync-connect" onSubmit={submit} noValidate>
      <SecretField
        id="sync-key-changed-secret"
        recovery={useRecovery}
        value={secret}
        error={problem}
        onInput={setSecret}
      />
      <SecretToggle
        recovery={useRecovery}
        onToggle={() => {
          setUseRecovery(!useRecovery);
          setSecret('');
        }}
      />
      <button type="submit" disabled={busy || secret === ''}>
        {busy ? t('lockWorking') : t('syncKeyChangedGoOn')}
      </button>
    </form>
  );
}
