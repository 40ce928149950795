import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../../utils/i18n/i18n';
import type { LockStatus } from '../../../../utils/lock/lock-read-store';
import { lockStatus } from '../../../../utils/lock/lock-read-store';
import { onLockChanged } from '../../../../utils/lock/lock-store';
import type { SyncConfig } from '../../../../utils/sync/sync-config';
import { readSyncConfig, watchSyncConfig } from '../../../../utils/sync/sync-config-store';
import { ConnectForm } from './ConnectForm';
import { SyncStatusPanel } from './SyncStatusPanel';

/**
 * Data → Sync: connect the person's own CouchDB, then see and steer the runs the background
 * makes. Sync encrypts with the lock's key, so it asks for the lock first and for an unlocked
 * journal to set it up — or for the passphrase of a journal already on the server, to join it.
 */
export function SyncCard() {
  const [lock, setLock] = useState<LockStatus | null>(null);
  const [config, setConfig] = useState<SyncConfig | null | undefined>(undefined);
  /** Unlocked with a lock of its own: join the journal on the server instead of starting one. */
  const [joining, setJoining] = useState(false);

  useEffect(() => {
    const readLock = () => void lockStatus().then(setLock);
    readLock();
    void readSyncConfig().then(setConfig);
    const offLock = onLockChanged(readLock);
    const offConfig = watchSyncConfig(setConfig);
    return () => {
      offLock();
      offConfig();
    };
  }, []);

  if (lock === null || config === undefined) return null;
  return (
    <section class="card data-block" aria-labelledby="sync-title">
      <h3 id="sync-title">{t('syncTitle')}</h3>
      <p class="muted">{t('syncIntro')}</p>
      {config ? (
        <SyncStatusPanel config={config} unlocked={lock === 'unlocked'} />
      ) : lock === 'off' ? (
        <>
          <p>{t('syncNeedsLock')}</p>
          <h4>{t('syncJoinTitle')}</h4>
          <p class="muted">{t('syncJoinIntro')}</p>
          <ConnectForm mode="join" />
        </>
      ) : lock === 'locked' ? (
        <p>{t('syncNeedsUnlock')}</p>
      ) : joining ? (
        <>
          <h4>{t('syncJoinTitle')}</h4>
          <p class="muted">{t('syncJoinIntroOwnLock')}</p>
          <ConnectForm mode="join" />
          <button type="button" class="link" onClick={() => setJoining(false)}>
            {t('syncStartInstead')}
          </button>
        </>
      ) : (
        <>
          <ConnectForm />
          <button type="button" class="link" onClick={() => setJoining(true)}>
            {t('syncJoinInstead')}
          </button>
        </>
      )}
    </section>
  );
}
