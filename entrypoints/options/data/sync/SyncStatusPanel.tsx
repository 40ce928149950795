import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatDateTime } from '../../../../utils/i18n/format';
import { type MessageKey, t } from '../../../../utils/i18n/i18n';
import { onReflectionsChanged } from '../../../../utils/reflections/db-connection-store';
import { countPending, forgetSync } from '../../../../utils/reflections/sync-store';
import type { SyncHttpErrorCode } from '../../../../utils/sync/couch-errors';
import { parseServerAddress } from '../../../../utils/sync/server-address';
import {
  IDLE_STATUS,
  type SyncConfig,
  type SyncProblem,
  type SyncStatus,
} from '../../../../utils/sync/sync-config';
import {
  readSyncStatus,
  saveSyncConfig,
  watchSyncStatus,
} from '../../../../utils/sync/sync-config-store';
import { httpProblem } from '../../../../utils/sync/sync-http-messages';
import { requestSync } from './connect';
import { KeyChangedForm } from './KeyChangedForm';

const OWN_PROBLEMS: Partial<Record<SyncProblem, MessageKey>> = {
  locked: 'syncProblemLocked',
  'no-permission': 'syncProblemPermission',
  'unknown-key': 'syncProblemUnknownKey',
  'key-changed': 'syncProblemKeyChanged',
  unsupported: 'syncProblemUnsupported',
};

/** The last run's problem in plain words. */
function problemText(problem: SyncProblem): string {
  const own = OWN_PROBLEMS[problem];
  return own ? t(own) : httpProblem(problem as SyncHttpErrorCode);
}

/** A connected server: when it last synced, what waits, what went wrong, and the controls. */
export function SyncStatusPanel({ config, unlocked }: { config: SyncConfig; unlocked: boolean }) {
  const [status, setStatus] = useState<SyncStatus>(IDLE_STATUS);
  const [pending, setPending] = useState<number | null>(null);
  const [running, setRunning] = useState(false);

  useEffect(() => {
    const recount = () => void countPending().then(setPending);
    void readSyncStatus().then(setStatus);
    recount();
    const offStatus = watchSyncStatus((next) => {
      setStatus(next);
      recount();
    });
    const offChanges = onReflectionsChanged(recount);
    return () => {
      offStatus();
      offChanges();
    };
  }, []);

  const host = parseServerAddress(config.dbUrl);
  const where = host.ok ? `${host.address.origin}/${host.address.dbName}` : config.dbUrl;
  const syncNow = (allowDeletes = false) => {
    setRunning(true);
    void requestSync(allowDeletes).finally(() => setRunning(false));
  };
  const disconnect = async () => {
    await saveSyncConfig(null);
    await forgetSync();
    // The host permission was asked for this server only: give it back.
    if (host.ok)
      await browser.permissions.remove({ origins: [host.address.permission] }).catch(() => false);
  };

  return (
    <>
      <p>{t('syncConnectedTo', where)}</p>
      <div role="status">
        <p>
          {status.lastSyncAt ? t('syncLast', formatDateTime(status.lastSyncAt)) : t('syncNever')}
        </p>
        {pending !== null && pending > 0 && <p>{t('syncPending', pending)}</p>}
        {config.paused && <p>{t('syncPaused')}</p>}
        {status.rejected > 0 && <p>{t('syncRejected', status.rejected)}</p>}
      </div>
      {status.problem && (
        <p class="error" role="alert">
          {problemText(status.problem)}
        </p>
      )}
      {status.problem === 'key-changed' && unlocked && <KeyChangedForm config={config} />}
      {status.ask && (
        <div class="sync-ask" role="alert">
          <p>{t('syncAskDeletes', status.ask.deleting, status.ask.of)}</p>
          <button type="button" class="danger" onClick={() => syncNow(true)}>
            {t('syncAllowDeletes')}
          </button>
        </div>
      )}
      <div class="actions">
        <button
          type="button"
          disabled={running || config.paused || !unlocked}
          onClick={() => syncNow()}
        >
          {running ? t('syncRunning') : t('syncNow')}
        </button>
        <button
          type="button"
          onClick={() => void saveSyncConfig({ ...config, paused: !config.paused })}
        >
          {config.paused ? t('syncResume') : t('syncPause')}
        </button>
        <button type="button" onClick={() => void disconnect()}>
          {t('syncDisconnect')}
        </button>
      </div>
    </>
  );
}
