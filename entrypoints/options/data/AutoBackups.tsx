import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  AUTO_BACKUP_EVERY,
  type AutoBackupEvery,
  type AutoBackupSettings,
  type BackupFailure,
  type BackupLog,
  KEEP_MAX,
  KEEP_MIN,
  lastBackup,
  parseAutoBackupSettings,
  parseBackupLog,
  parseKeepInput,
} from '../../../utils/data/auto-backup';
import { autoBackupItem, backupLogItem } from '../../../utils/data/auto-backup-store';
import { formatDateTime } from '../../../utils/i18n/format';
import { type MessageKey, t } from '../../../utils/i18n/i18n';
import { readKeyring } from '../../../utils/lock/lock-read-store';

/** What the person is told about a failed backup: the cause, and what happens next. */
const FAILURE_TEXT: Record<BackupFailure, MessageKey> = {
  permission: 'dataAutoFailedPermission',
  'no-space': 'dataAutoFailedSpace',
  write: 'dataAutoFailedWrite',
  read: 'dataAutoFailedRead',
};

const EVERY_TEXT: Record<AutoBackupEvery, MessageKey> = {
  daily: 'dataAutoDaily',
  weekly: 'dataAutoWeekly',
};

/**
 * Chrome builds the file in an offscreen document, which is its own (warning-free)
 * permission; Firefox's event page needs only `downloads`.
 */
const PERMISSIONS: Array<'downloads' | 'offscreen'> = import.meta.env.FIREFOX
  ? ['downloads']
  : ['downloads', 'offscreen'];

/**
 * Automatic backups (utils/nudges/worker/backup-handlers.ts writes them): on or off, how
 * often, how many files to keep, and when the last one was written, where — or why it was
 * not. The permissions are asked for in the click that switches it on (a user gesture).
 */
export function AutoBackups() {
  const [settings, setSettings] = useState<AutoBackupSettings | null>(null);
  const [log, setLog] = useState<BackupLog | null>(null);
  const [locked, setLocked] = useState(false);
  const [refused, setRefused] = useState(false);
  const [keepText, setKeepText] = useState<string | null>(null);

  useEffect(() => {
    void autoBackupItem.getValue().then((raw) => setSettings(parseAutoBackupSettings(raw)));
    void backupLogItem.getValue().then((raw) => setLog(parseBackupLog(raw)));
    void readKeyring().then((keyring) => setLocked(keyring !== null));
    const offSettings = autoBackupItem.watch((raw) => setSettings(parseAutoBackupSettings(raw)));
    const offLog = backupLogItem.watch((raw) => setLog(parseBackupLog(raw)));
    return () => {
      offSettings();
      offLog();
    };
  }, []);

  if (!settings || !log) return null;
  const save = (change: Partial<AutoBackupSettings>) => {
    const next = { ...settings, ...change };
    setSettings(next);
    void autoBackupItem.setValue(next);
  };

  const toggle = async (on: boolean) => {
    setRefused(false);
    if (!on) return save({ enabled: false });
    const granted = await browser.permissions
      .request({ permissions: PERMISSIONS })
      .catch(() => false);
    if (granted) save({ enabled: true });
    else setRefused(true);
  };

  const keepProblem = keepText !== null && !parseKeepInput(keepText).ok;
  const newest = lastBackup(log);

  return (
    <section class="card data-block" aria-labelledby="auto-backup-title">
      <h3 id="auto-backup-title">{t('dataAutoTitle')}</h3>
      <p class="muted">{t('dataAutoIntro')}</p>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.enabled}
          onChange={(event) => void toggle(event.currentTarget.checked)}
        />
        {t('dataAutoOn')}
      </label>
      {refused && (
        <p class="error" role="alert">
          {t('dataAutoRefused')}
        </p>
      )}
      {settings.enabled && (
        <>
          <div class="field">
            <label for="auto-backup-every">{t('dataAutoEvery')}</label>
            <select
              id="auto-backup-every"
              value={settings.every}
              onChange={(event) => save({ every: event.currentTarget.value as AutoBackupEvery })}
            >
              {AUTO_BACKUP_EVERY.map((every) => (
                <option key={every} value={every}>
                  {t(EVERY_TEXT[every])}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="auto-backup-keep">{t('dataAutoKeep')}</label>
            <input
              id="auto-backup-keep"
              type="number"
              inputMode="numeric"
              min={KEEP_MIN}
              max={KEEP_MAX}
              value={keepText ?? String(settings.keep)}
              aria-invalid={keepProblem ? true : undefined}
              aria-describedby={keepProblem ? 'auto-backup-keep-error' : undefined}
              onInput={(event) => {
                // What was typed stays in the field; only a valid number is saved.
                const text = event.currentTarget.value;
                setKeepText(text);
                const parsed = parseKeepInput(text);
                if (parsed.ok) save({ keep: parsed.keep });
              }}
            />
            {keepProblem && (
              <p id="auto-backup-keep-error" class="error" role="alert">
                {t('dataAutoKeepInvalid', KEEP_MIN, KEEP_MAX)}
              </p>
            )}
          </div>
          {locked && <p class="muted">{t('dataAutoLocked')}</p>}
        </>
      )}
      <div role="status">
        {newest ? (
          <p>{t('dataAutoLast', formatDateTime(newest.at), newest.path)}</p>
        ) : (
          settings.enabled && <p>{t('dataAutoNone')}</p>
        )}
      </div>
      {log.failure && (
        <p class="error" role="alert">
          {t(FAILURE_TEXT[log.failure.reason])}
        </p>
      )}
    </section>
  );
}
