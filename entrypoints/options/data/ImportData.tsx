import { useRef, useState } from 'preact/hooks';
import type { ImportCheck } from '../../../utils/data/import';
import { openEncryptedFile, readChosenFile } from '../../../utils/data/import-file';
import { importCheckins } from '../../../utils/data/transfer-store';
import { formatNumber, plural, t } from '../../../utils/i18n/i18n';
import { LockError } from '../../../utils/lock/envelope';
import { importReflections } from '../../../utils/reflections/db-bulk-store';
import { describeDbError } from '../../../utils/reflections/db-store';
import { importTemplatePrefs } from '../../../utils/reflections/own-templates-store';
import { setSettings } from '../../../utils/settings/settings-store';
import { backupProblem, OpenBackup } from './OpenBackup';
import { type JobPhase, JobReport } from './Progress';

/**
 * Import a JSON export: checked in full first (one bad record imports nothing), then written
 * in one transaction; cancelling aborts it, so nothing of the file is kept. An encrypted
 * backup is opened first with its passphrase or recovery key (OpenBackup.tsx); with the lock
 * on, what it holds is sealed again by the database on the way in.
 */
export function ImportData() {
  const [phase, setPhase] = useState<JobPhase>({ name: 'idle' });
  const [withSettings, setWithSettings] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);
  /** The encrypted backup waiting for its secret, and what went wrong with the last one. */
  const [encrypted, setEncrypted] = useState<{
    name: string;
    backup: unknown;
    error: string;
  } | null>(null);

  async function run(
    name: string,
    check: (options: {
      signal: AbortSignal;
      onProgress: (done: number, total: number) => void;
    }) => Promise<ImportCheck | 'encrypted'>,
  ) {
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ name: 'busy', label: t('dataImportChecking'), done: 0, total: 0 });
    try {
      const checked = await check({
        signal: controller.signal,
        onProgress: (done, total) =>
          setPhase({ name: 'busy', label: t('dataImportChecking'), done, total }),
      });
      if (checked === 'encrypted') {
        setPhase({ name: 'idle' });
        return;
      }
      setEncrypted(null);
      if (!checked.ok) {
        setPhase({ name: 'failed', message: checked.message });
        return;
      }
      const { reflections, settings, checkins, templates } = checked.file;
      const outcome = await importReflections(reflections, {
        signal: controller.signal,
        onProgress: (done, total) =>
          setPhase({ name: 'busy', label: t('dataImportImporting'), done, total }),
      });
      // Check-ins live in extension storage, outside the reflections' transaction: merged
      // after it commits, as a union, so importing the same file again completes it.
      await importCheckins(checkins);
      // Own templates, like check-ins, join the ones here; their defaults come with the settings.
      // The reflections are committed: a refused write must not report the import as failed.
      await importTemplatePrefs(templates, withSettings).catch(() => {});
      // The reflections are in by now: a refused settings write is said, not reported as a failed import.
      const settingsKept = withSettings
        ? await setSettings(settings).then(
            () => true,
            () => false,
          )
        : false;
      const parts = [
        t(
          plural(outcome.added, 'dataImportAddedOne', 'dataImportAddedOther'),
          formatNumber(outcome.added),
        ),
        t(
          plural(outcome.replaced, 'dataImportReplacedOne', 'dataImportReplacedOther'),
          formatNumber(outcome.replaced),
        ),
        t(
          plural(outcome.skipped, 'dataImportSkippedOne', 'dataImportSkippedOther'),
          formatNumber(outcome.skipped),
        ),
      ];
      const done = t(
        settingsKept ? 'dataImportDoneWithSettings' : 'dataImportDone',
        name,
        parts.join('; '),
      );
      setPhase({
        name: 'done',
        message: withSettings && !settingsKept ? `${done} ${t('dataImportSettingsFailed')}` : done,
      });
    } catch (error) {
      setPhase(
        controller.signal.aborted
          ? { name: 'done', message: t('dataImportCancelled') }
          : {
              name: 'failed',
              message: t('dataImportFailed', describeDbError(error)),
            },
      );
    } finally {
      abort.current = null;
      // Let the same file be chosen again after fixing it.
      if (input.current) input.current.value = '';
    }
  }

  return (
    <section class="card data-block" aria-labelledby="import-title">
      <h3 id="import-title">{t('dataImportTitle')}</h3>
      <p class="muted">{t('dataImportIntro')}</p>
      <div class="field">
        <label for="import-file">{t('dataImportChoose')}</label>
        <input
          id="import-file"
          ref={input}
          type="file"
          accept=".json,application/json"
          disabled={phase.name === 'busy'}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (!file) return;
            setEncrypted(null);
            void run(file.name, async (options) => {
              const chosen = await readChosenFile(file, Date.now(), options);
              if (chosen.ok !== 'encrypted') return chosen;
              setEncrypted({ name: file.name, backup: chosen.backup, error: '' });
              return 'encrypted';
            });
          }}
        />
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={withSettings}
          onChange={(event) => setWithSettings(event.currentTarget.checked)}
        />
        {t('dataImportWithSettings')}
      </label>
      {encrypted && (
        <OpenBackup
          error={encrypted.error}
          busy={phase.name === 'busy'}
          onSubmit={(secret) =>
            void run(encrypted.name, async (options) => {
              try {
                return await openEncryptedFile(encrypted.backup, secret, Date.now(), options);
              } catch (error) {
                if (!(error instanceof LockError)) throw error;
                // Nothing was imported: the form stays, saying why, to try again.
                const message = t(backupProblem(error.code, 'recoveryKey' in secret));
                setEncrypted({ ...encrypted, error: message });
                return 'encrypted';
              }
            })
          }
          onCancel={() => setEncrypted(null)}
        />
      )}
      <JobReport phase={phase} onCancel={() => abort.current?.abort()} />
    </section>
  );
}
