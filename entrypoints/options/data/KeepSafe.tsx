import { useEffect, useState } from 'preact/hooks';
import { BACKUP_EVERY, type BackupEvery } from '../../../utils/backup';
import { formatDateTime } from '../../../utils/format';
import { getSettings } from '../../../utils/settings';
import { setSettings, watchSettings } from '../../../utils/settings-store';
import {
  formatBytes,
  getLastExportAt,
  lastExportItem,
  readStorageStatus,
  requestPersistence,
  type StorageStatus,
} from '../../../utils/storage-status';

const EVERY_LABELS: Readonly<Record<BackupEvery, string>> = {
  off: 'Off',
  weekly: 'Every week',
  monthly: 'Every month',
};

/** Storage use, persistent storage, and the backup reminder. */
export function KeepSafe() {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const [answer, setAnswer] = useState<string | null>(null);
  const [every, setEvery] = useState<BackupEvery>('off');
  const [lastExportAt, setLastExportAt] = useState<number | null>(null);

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
        ? 'The browser agreed: it will not clear Fail Well’s storage to make room.'
        : granted === false
          ? 'The browser said not yet. It decides by how you use Fail Well and may agree later; regular backups keep you safe meanwhile.'
          : 'This browser does not say whether it keeps storage. Regular backups keep you safe.',
    );
    setStatus(await readStorageStatus());
  }

  async function changeEvery(next: BackupEvery) {
    setEvery(next);
    await setSettings({ ...(await getSettings()), backupEvery: next });
  }

  return (
    <section class="card data-block" aria-labelledby="safe-title">
      <h3 id="safe-title">Keeping it safe</h3>
      <dl class="facts">
        <dt>Storage used</dt>
        <dd>
          {status?.usage != null && status.quota != null
            ? `${formatBytes(status.usage)} of ${formatBytes(status.quota)} available`
            : 'Not reported by this browser'}
        </dd>
        <dt>Protected from clean-up</dt>
        <dd>
          {status?.unlimited
            ? 'Yes — Fail Well has unlimited storage, which the browser never clears to make room'
            : status?.persisted === true
              ? 'Yes — the browser will keep it'
              : status?.persisted === false
                ? 'Not yet'
                : 'Unknown'}
        </dd>
        <dt>Last backup on this device</dt>
        <dd>{lastExportAt === null ? 'None yet' : formatDateTime(lastExportAt)}</dd>
      </dl>
      {status && !status.unlimited && status.persisted !== true && (
        <button type="button" onClick={() => void ask()}>
          Ask the browser to keep my reflections
        </button>
      )}
      <div role="status">{answer && <p>{answer}</p>}</div>
      <div class="field reminder">
        <label for="backup-every">Backup reminder</label>
        <select
          id="backup-every"
          value={every}
          onChange={(event) => void changeEvery(event.currentTarget.value as BackupEvery)}
        >
          {BACKUP_EVERY.map((value) => (
            <option key={value} value={value}>
              {EVERY_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
