import { useState } from 'preact/hooks';
import { SecretField } from '../../../../components/SecretField';
import { t } from '../../../../utils/i18n/i18n';
import { parseServerAddress } from '../../../../utils/sync/server-address';
import { addressProblem } from '../../../../utils/sync/sync-messages';
import { connect } from './connect';

/** The server's address, user and password, tested before anything is kept. */
export function ConnectForm() {
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
    void connect(parsed.address, user.trim(), password)
      .then((words) => setProblem(words ?? ''))
      .finally(() => setBusy(false));
  };

  return (
    <form class="sync-connect" onSubmit={submit} noValidate>
      <label class="field" for="sync-address">
        <span>{t('syncAddressLabel')}</span>
        <input
          id="sync-address"
          type="url"
          inputMode="url"
          autocomplete="url"
          spellcheck={false}
          placeholder={t('syncAddressHint')}
          value={address}
          aria-invalid={addressError ? true : undefined}
          aria-describedby="sync-address-error"
          onInput={(e) => setAddress(e.currentTarget.value)}
        />
      </label>
      <p id="sync-address-error" class="error" role="alert">
        {addressError}
      </p>
      <label class="field" for="sync-user">
        <span>{t('syncUserLabel')}</span>
        <input
          id="sync-user"
          autocomplete="username"
          spellcheck={false}
          value={user}
          onInput={(e) => setUser(e.currentTarget.value)}
        />
      </label>
      <SecretField
        id="sync-password"
        label={t('syncPasswordLabel')}
        value={password}
        error=""
        onInput={setPassword}
      />
      <button type="submit" disabled={busy}>
        {busy ? t('syncConnecting') : t('syncConnect')}
      </button>
      <p class="error" role="alert">
        {problem}
      </p>
    </form>
  );
}
