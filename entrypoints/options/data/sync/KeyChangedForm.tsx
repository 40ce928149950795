import { useState } from 'preact/hooks';
import { SecretField, SecretToggle, useSecretChoice } from '../../../../components/SecretField';
import { t } from '../../../../utils/i18n/i18n';
import type { SyncConfig } from '../../../../utils/sync/sync-config';
import { followKeyChange } from './follow-key';

/** The journal's key was changed on another device: its passphrase (or new recovery key) here. */
export function KeyChangedForm({ config }: { config: SyncConfig }) {
  const [problem, setProblem] = useState('');
  const choice = useSecretChoice(() => setProblem(''));
  const [busy, setBusy] = useState(false);
  const submit = (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem('');
    void followKeyChange(config, choice.secret())
      .then((words) => setProblem(words ?? ''))
      .finally(() => setBusy(false));
  };
  return (
    <form class="sync-connect" onSubmit={submit} noValidate>
      <SecretField
        id="sync-key-changed-secret"
        recovery={choice.recovery}
        value={choice.text}
        error={problem}
        onInput={choice.setText}
      />
      <SecretToggle recovery={choice.recovery} onToggle={choice.toggle} />
      <button type="submit" disabled={busy || choice.text === ''}>
        {busy ? t('lockWorking') : t('syncKeyChangedGoOn')}
      </button>
    </form>
  );
}
