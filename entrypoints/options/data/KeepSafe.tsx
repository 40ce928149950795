import { useEffect, useState } from 'preact/hooks';
import { BACKUP_EVERY, type BackupEvery } from '../../../utils/data/backup';
import {
  formatBytes,
  getLastExportAt,
  lastExportItem,
  readStorageStatus,
  requestPersistence,
  type StorageStatus,
} from '../../../utils/data/storage-status-store';
import { formatDateTime } from '../../../utils/i18n/format';
import { type MessageKey, t } from '../../../utils/i18n/i18n';
import { describeSettingsFailure } from '../../../utils/settings/settings-failure';
import { getSettings, updateSettings, watchSettings } from '../../../utils/settings/settings-store';

const EVERY_LABELS: Readonly<Record<BackupEvery, MessageKey>> = {
  off: 'dataSafeEveryOff',
  weekly: 'dataSafeEveryWeekly',
  monthly: 'dataSafeEveryMonthly',
};

/** Storage use, persistent storage, and the backup reminder. */
export function KeepSafe() {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const [answer, setAnswer] = useState<string | null>(null);
  const [every, setEvery] = useState<BackupEvery>('off');
  const [lastExportAt, setLastExportAt] = useState<number | null>(null);
  const [everyProblem, setEveryProblem] = useState<string | null>(null);

  useEffect(() => {
    void readStorageStatus().then(setStatus);
    void getSettings().then((s) => setEvery(s.backupEvery));
    void getLastExportAt().then(setLastExportAt);
    const offSettings = watchSettings((s) => setEvery(s.backupEvery));
    const offExport = lastExportItem.watch((value) => setLastExportAt(value ?? null));
    return () => {
      offSettings();
      offExport();
    };
  }, []);

  async function ask() {
    const granted = await requestPersistence();
    setAnswer(
      granted === true
        ? t('dataSafeGranted')
        : granted === false
          ? t('dataSafeDenied')
          : t('dataSafeUnanswered'),
    );
    setStatus(await readStorageStatus());
  }

  async function changeEvery(next: BackupEvery) {
    setEvery(next);
    setEveryProblem(null);
    try {
      await updateSettings((stored) => ({ ...stored, backupEvery: next }));
    } catch (error) {
      // Say why, and show the reminder that is really kept.
      setEveryProblem(describeSettingsFailure(error));
      const stored = await getSettings().catch(() => null);
      if (stored) setEvery(stored.backupEvery);
    }
  }

  return (
    <section class="card data-block" aria-labelledby="safe-title">
      <h3 id="safe-title">{t('dataSafeTitle')}</h3>
      <dl class="facts">
        <dt>{t('dataSafeStorageUsed')}</dt>
        <dd>
          {status?.usage != null && status.quota != null
            ? t('dataSafeUsage', formatBytes(status.usage), formatBytes(status.quota))
            : t('dataSafeNotReported')}
        </dd>
        <dt>{t('dataSafeProtected')}</dt>
        <dd>
          {status?.unlimited
            ? t('dataSafeUnlimited')
            : status?.persisted === true
              ? t('dataSafePersisted')
              : status?.persisted === false
                ? t('dataSafeNotYet')
                : t('dataSafeUnknown')}
        </dd>
        <dt>{t('dataSafeLastBackup')}</dt>
        <dd>{lastExportAt === null ? t('dataSafeNoBackup') : formatDateTime(lastExportAt)}</dd>
      </dl>
      {status && !status.unlimited && status.persisted !== true && (
        <button type="button" onClick={() => void ask()}>
          {t('dataSafeAsk')}
        </button>
      )}
      <div role="status">{answer && <p>{answer}</p>}</div>
      <div class="field reminder">
        <label for="backup-every">{t('dataSafeReminder')}</label>
        <select
          id="backup-every"
          value={every}
          onChange={(event) => void changeEvery(event.currentTarget.value as BackupEvery)}
        >
          {BACKUP_EVERY.map((value) => (
            <option key={value} value={value}>
              {t(EVERY_LABELS[value])}
            </option>
          ))}
        </select>
        {everyProblem && (
          <p class="error" role="alert">
            {everyProblem}
          </p>
        )}
      </div>
    </section>
  );
}
