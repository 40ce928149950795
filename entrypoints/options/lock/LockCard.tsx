import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SecretField } from '../../../components/SecretField';
import { resealDraft } from '../../../utils/capture/draft-reseal-store';
import { type MessageKey, t } from '../../../utils/i18n/i18n';
import { LockError } from '../../../utils/lock/envelope';
import { changeKey, KeyMoveUnderWay } from '../../../utils/lock/key-switch-store';
import { startMigration, turnOff } from '../../../utils/lock/lock-migration-store';
import {
  AUTO_LOCK_CHOICES,
  type AutoLockMinutes,
  type LockPrefs,
} from '../../../utils/lock/lock-prefs';
import { readOpeningKeys } from '../../../utils/lock/lock-read-store';
import {
  createLock,
  lockNow,
  readLockPrefs,
  removeLock,
  saveLockPrefs,
  setPassphrase,
  unlock,
} from '../../../utils/lock/lock-store';
import type { LockView } from './lock-view';
import { NewPassphrase } from './NewPassphrase';
import { RecoveryKeySheet } from './RecoveryKeySheet';

/** As after a join: a popup that read the old key a moment ago may still save under it. */
const MOVE_SETTLE_MS = 1500;

const AUTO_LOCK_LABEL: Record<AutoLockMinutes, MessageKey> = {
  5: 'lockAuto5',
  15: 'lockAuto15',
  30: 'lockAuto30',
  60: 'lockAuto60',
  240: 'lockAuto240',
  0: 'lockAuto0',
};

/**
 * Preferences → "Lock my journal": what the lock protects and what it does not, switching it
 * on (passphrase twice, an "I understand", then the recovery key once), and while unlocked
 * its preferences, a new passphrase, and switching it off.
 */
export function LockCard({ lock }: { lock: LockView }) {
  const status = lock.status.value;
  const progress = lock.progress.value;
  const [step, setStep] = useState<'idle' | 'create' | 'change' | 'key' | 'off'>('idle');
  const [recovery, setRecovery] = useState<{ key: string; at: number } | null>(null);
  const [prefs, setPrefs] = useState<LockPrefs | null>(null);
  const [note, setNote] = useState('');
  useEffect(() => {
    if (status !== 'off') void readLockPrefs().then(setPrefs);
  }, [status]);

  const create = async (passphrase: string) => {
    const at = Date.now();
    const { recoveryKey } = await createLock(passphrase, at);
    await startMigration('seal');
    setRecovery({ key: recoveryKey, at });
    setStep('idle');
    await lock.refresh();
    void lock.resume();
  };

  return (
    <section class="card prefs-card lock-card" aria-labelledby="lock-title">
      <h3 id="lock-title">{t('lockCardTitle')}</h3>
      <p class="muted small">{t('lockCardHint')}</p>
      {recovery && (
        <RecoveryKeySheet
          recoveryKey={recovery.key}
          madeAt={recovery.at}
          onDone={() => setRecovery(null)}
        />
      )}
      {progress && (
        <p role="status">
          <progress max={progress.total} value={progress.done} aria-label={t('lockCardTitle')} />{' '}
          {t(
            progress.direction === 'seal' ? 'lockSealing' : 'lockOpening',
            progress.done,
            progress.total,
          )}
        </p>
      )}
      {status === 'off' && (
        <>
          <p>{t('lockProtects')}</p>
          <p>{t('lockDoesNotProtect')}</p>
          <p>
            <strong>{t('lockNoWayBack')}</strong>
          </p>
          {step === 'create' ? (
            <NewPassphrase
              submitLabel={t('lockTurnOn')}
              confirmText={t('lockUnderstand')}
              onSubmit={create}
              onCancel={() => setStep('idle')}
            />
          ) : (
            <button type="button" class="primary" onClick={() => setStep('create')}>
              {t('lockTurnOn')}
            </button>
          )}
        </>
      )}
      {status === 'locked' && (
        <>
          <p>{t('lockOnStatus')}</p>
          <p class="muted">{t('lockUnlockToChange')}</p>
        </>
      )}
      {status === 'unlocked' && prefs && (
        <>
          <p>{t('lockOnStatus')}</p>
          <label class="field">
            <span>{t('lockAutoLock')}</span>
            <select
              value={String(prefs.autoLockMinutes)}
              onChange={async (e) =>
                setPrefs(
                  await saveLockPrefs({
                    autoLockMinutes: Number(e.currentTarget.value) as AutoLockMinutes,
                  }),
                )
              }
            >
              {AUTO_LOCK_CHOICES.map((m) => (
                <option key={m} value={String(m)}>
                  {t(AUTO_LOCK_LABEL[m])}
                </option>
              ))}
            </select>
          </label>
          <label class="check switch">
            <input
              type="checkbox"
              checked={prefs.hideWordsInNotifications}
              aria-describedby="lock-hide-hint"
              onChange={async (e) =>
                setPrefs(await saveLockPrefs({ hideWordsInNotifications: e.currentTarget.checked }))
              }
            />
            {t('lockHideWords')}
          </label>
          <p class="muted small choice-hint" id="lock-hide-hint">
            {t('lockHideWordsHint')}
          </p>
          <div class="actions">
            <button type="button" onClick={() => void lockNow()}>
              {t('lockNow')}
            </button>
            <button type="button" onClick={() => setStep(step === 'change' ? 'idle' : 'change')}>
              {t('lockChangePassphrase')}
            </button>
            <button type="button" onClick={() => setStep(step === 'key' ? 'idle' : 'key')}>
              {t('lockChangeKey')}
            </button>
            <button type="button" onClick={() => setStep(step === 'off' ? 'idle' : 'off')}>
              {t('lockTurnOff')}
            </button>
          </div>
          {step === 'change' && (
            <NewPassphrase
              submitLabel={t('lockChangePassphrase')}
              onCancel={() => setStep('idle')}
              onSubmit={async (passphrase) => {
                const keys = await readOpeningKeys();
                if (!keys) throw new Error('locked');
                await setPassphrase(keys, passphrase);
                setStep('idle');
                setNote(t('lockPassphraseChanged'));
              }}
            />
          )}
          {step === 'key' && (
            <ChangeKey
              lock={lock}
              onChanged={(key, at) => {
                setRecovery({ key, at });
                setStep('idle');
                setNote(t('lockKeyChanged'));
              }}
            />
          )}
          {step === 'off' && <TurnOff lock={lock} onDone={() => setStep('idle')} />}
          <p role="status" class="muted">
            {note}
          </p>
        </>
      )}
    </section>
  );
}

/**
 * The steps that ask for the passphrase once more: a hint, the field and one button. A wrong
 * passphrase (a `LockError`) changes nothing and says so; `problemOf` words anything else.
 */
function PassphraseStep({
  id,
  hint,
  submitLabel,
  onConfirm,
  problemOf = () => 'unlockBroken',
}: {
  id: string;
  hint: string;
  submitLabel: string;
  onConfirm: (passphrase: string) => Promise<void>;
  problemOf?: (failure: unknown) => MessageKey;
}) {
  const [passphrase, setPassphraseText] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await onConfirm(passphrase);
    } catch (failure) {
      setError(t(failure instanceof LockError ? 'unlockWrong' : problemOf(failure)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit}>
      <p class="muted small">{hint}</p>
      <SecretField
        id={id}
        label={t('lockCurrentPassphrase')}
        value={passphrase}
        error={error}
        onInput={setPassphraseText}
      />
      <button type="submit" disabled={busy || passphrase === ''}>
        {busy ? t('lockWorking') : submitLabel}
      </button>
    </form>
  );
}

/**
 * A new key: the records then move under it on this page (the seal migration, with its
 * progress), and a connected sync server is told at once.
 */
function ChangeKey({
  lock,
  onChanged,
}: {
  lock: LockView;
  onChanged: (recoveryKey: string, at: number) => void;
}) {
  return (
    <PassphraseStep
      id="lock-key-secret"
      hint={t('lockChangeKeyHint')}
      submitLabel={t('lockChangeKeyConfirm')}
      problemOf={(failure) =>
        failure instanceof KeyMoveUnderWay ? 'lockChangeKeyWait' : 'unlockBroken'
      }
      onConfirm={async (passphrase) => {
        const at = Date.now();
        const { recoveryKey } = await changeKey(passphrase, at);
        await startMigration('seal');
        onChanged(recoveryKey, at);
        // A popup that read the old key just before the change may still save under it.
        await new Promise((resolve) => setTimeout(resolve, MOVE_SETTLE_MS));
        await resealDraft();
        await lock.resume();
        // The background tells the sync server, if one is connected (it ignores this otherwise).
        void browser.runtime.sendMessage({ type: 'fail-well:sync-now' }).catch(() => undefined);
      }}
    />
  );
}

/** Switching off asks for the passphrase once more: it decrypts everything. */
function TurnOff({ lock, onDone }: { lock: LockView; onDone: () => void }) {
  return (
    <PassphraseStep
      id="lock-off-secret"
      hint={t('lockTurnOffHint')}
      submitLabel={t('lockTurnOffConfirm')}
      onConfirm={async (passphrase) => {
        const keys = await unlock({ passphrase }, Date.now());
        await turnOff({ open: keys, seal: null }, removeLock, (p) => {
          lock.progress.value = p;
        });
        lock.progress.value = null;
        await lock.refresh();
        onDone();
      }}
    />
  );
}
