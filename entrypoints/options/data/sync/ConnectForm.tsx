import { useState } from 'preact/hooks';
import { SecretField, SecretToggle, useSecretChoice } from '../../../../components/SecretField';
import { t } from '../../../../utils/i18n/i18n';
import { parseServerAddress } from '../../../../utils/sync/server-address';
import { addressProblem } from '../../../../utils/sync/sync-messages';
import { connect } from './connect';
import { join } from './join';

/**
 * The server's address, user and password, tested before anything is kept. `join`: a device
 * without a lock joins the journal already there, with that journal's passphrase or recovery key.
 */
export function ConnectForm({ mode = 'connect' }: { mode?: 'connect' | 'join' }) {
  const id = (name: string) => `sync-${mode}-${name}`;
  const choice = useSecretChoice();
  const [address, setAddress] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [addressError, setAddressError] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = (event: Event) => {
    event.preventDefault();
    setProblem('');
    const parsed = parseServerAddress(address);
    if (!parsed.ok) {
      setAddressError(addressProblem(parsed.fault));
      return;
    }
    setAddressError('');
    setBusy(true);
    // No await before connect(): its permission prompt needs this click's gesture.
    const done =
      mode === 'join'
        ? join(parsed.address, user.trim(), password, choice.secret())
        : connect(parsed.address, user.trim(), password);
    void done.then((words) => setProblem(words ?? '')).finally(() => setBusy(false));
  };

  return (
    <form class="sync-connect" onSubmit={submit} noValidate>
      <label class="field" for={id('address')}>
        <span>{t('syncAddressLabel')}</span>
        <input
          id={id('address')}
          type="url"
          inputMode="url"
          autocomplete="url"
          spellcheck={false}
          placeholder={t('syncAddressHint')}
          value={address}
          aria-invalid={addressError ? true : undefined}
          aria-describedby={id('address-error')}
          onInput={(e) => setAddress(e.currentTarget.value)}
        />
      </label>
      <p id={id('address-error')} class="error" role="alert">
        {addressError}
      </p>
      <label class="field" for={id('user')}>
        <span>{t('syncUserLabel')}</span>
        <input
          id={id('user')}
          type="text"
          autocomplete="username"
          spellcheck={false}
          value={user}
          onInput={(e) => setUser(e.currentTarget.value)}
        />
      </label>
      <SecretField
        id={id('password')}
        label={t('syncPasswordLabel')}
        value={password}
        error=""
        onInput={setPassword}
      />
      {mode === 'join' && (
        <>
          <SecretField
            id={id('passphrase')}
            recovery={choice.recovery}
            label={choice.recovery ? undefined : t('syncJoinPassphrase')}
            value={choice.text}
            error=""
            onInput={choice.setText}
          />
          <SecretToggle recovery={choice.recovery} onToggle={choice.toggle} />
        </>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t('syncConnecting') : t(mode === 'join' ? 'syncJoin' : 'syncConnect')}
      </button>
      <p class="error" role="alert">
        {problem}
      </p>
    </form>
  );
}
