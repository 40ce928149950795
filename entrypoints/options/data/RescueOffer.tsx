import { useEffect, useRef, useState } from 'preact/hooks';
import { HEARTBEAT_DEBOUNCE_MS, type Heartbeat, offersRescue } from '../../../utils/data/heartbeat';
import {
  clearHeartbeat,
  readHeartbeat,
  refreshHeartbeat,
} from '../../../utils/data/heartbeat-store';
import type { ImportCheck } from '../../../utils/data/import';
import { openEncryptedFile, readChosenFile } from '../../../utils/data/import-file';
import { importCheckins } from '../../../utils/data/transfer-store';
import { formatDateTime } from '../../../utils/i18n/format';
import { formatNumber, plural, t } from '../../../utils/i18n/i18n';
import { LockError } from '../../../utils/lock/envelope';
import { importReflections } from '../../../utils/reflections/db-bulk-store';
import { onReflectionsChanged } from '../../../utils/reflections/db-connection-store';
import { describeDbError } from '../../../utils/reflections/db-store';
import { journalSummary } from '../../../utils/reflections/db-summary-store';
import { backupProblem, OpenBackup } from './OpenBackup';
import { type JobPhase, JobReport } from './Progress';

/** What a restore step reports as it goes: 100,000 reflections take a while. */
interface StepOptions {
  signal: AbortSignal;
  onProgress: (done: number, total: number) => void;
}

/**
 * The rescue: the page opened on an empty database while the heartbeat in `storage.sync`
 * remembers reflections (data cleared, a new computer in the same browser profile). It says
 * so kindly and restores from a backup file in one click — the file picker — through the
 * import rules every import uses (merge by id and `updatedAt`: nothing newer on this device is
 * replaced). Otherwise it keeps the heartbeat current while the page is open, debounced, for
 * `storage.sync`'s few writes a minute.
 */
export function RescueOffer() {
  const [heartbeat, setHeartbeat] = useState<Heartbeat | null>(null);
  const [phase, setPhase] = useState<JobPhase>({ name: 'idle' });
  const [encrypted, setEncrypted] = useState<{
    name: string;
    backup: unknown;
    error: string;
  } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([readHeartbeat(), journalSummary()]).then(([stored, summary]) => {
      if (live && offersRescue(stored, summary.rows)) setHeartbeat(stored);
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onReflectionsChanged(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void refreshHeartbeat().catch(() => null), HEARTBEAT_DEBOUNCE_MS);
    });
    return () => {
      live = false;
      clearTimeout(timer);
      off();
    };
  }, []);

  if (!heartbeat) return null;

  async function restore(
    name: string,
    check: (options: StepOptions) => Promise<ImportCheck | 'encrypted'>,
  ) {
    const controller = new AbortController();
    abort.current = controller;
    const step = (label: string) => ({
      signal: controller.signal,
      onProgress: (done: number, total: number) => setPhase({ name: 'busy', label, done, total }),
    });
    setPhase({ name: 'busy', label: t('dataImportChecking'), done: 0, total: 0 });
    try {
      const checked = await check(step(t('dataImportChecking')));
      if (checked === 'encrypted') return setPhase({ name: 'idle' });
      setEncrypted(null);
      if (!checked.ok) return setPhase({ name: 'failed', message: checked.message });
      const outcome = await importReflections(
        checked.file.reflections,
        step(t('dataImportImporting')),
      );
      await importCheckins(checked.file.checkins);
      await refreshHeartbeat().catch(() => null);
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
      setPhase({ name: 'done', message: t('dataImportDone', name, parts.join('; ')) });
    } catch (error) {
      // A cancelled import aborts its one transaction: nothing was kept, the offer stays.
      setPhase(
        controller.signal.aborted
          ? { name: 'failed', message: t('dataImportCancelled') }
          : { name: 'failed', message: t('dataImportFailed', describeDbError(error)) },
      );
    } finally {
      abort.current = null;
      if (input.current) input.current.value = '';
    }
  }

  const busy = phase.name === 'busy';
  return (
    <section class="notice rescue" aria-labelledby="rescue-title">
      <h2 id="rescue-title">{t('rescueTitle')}</h2>
      {phase.name !== 'done' && (
        <>
          <p>
            {t(
              plural(heartbeat.count, 'rescueBodyOne', 'rescueBodyOther'),
              formatNumber(heartbeat.count),
            )}
          </p>
          {heartbeat.backupFile && heartbeat.backupAt !== null && (
            <p>{t('rescueLastFile', heartbeat.backupFile, formatDateTime(heartbeat.backupAt))}</p>
          )}
          <p class="muted">{t('rescueMerge')}</p>
          <div class="actions">
            <button
              type="button"
              class="primary"
              disabled={busy}
              onClick={() => input.current?.click()}
            >
              {t('rescueRestore')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => void clearHeartbeat().then(() => setHeartbeat(null))}
            >
              {t('rescueDismiss')}
            </button>
          </div>
          <input
            ref={input}
            type="file"
            hidden
            accept=".json,application/json"
            aria-label={t('rescueFileLabel')}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (!file) return;
              void restore(file.name, async (options) => {
                const chosen = await readChosenFile(file, Date.now(), options);
                if (chosen.ok !== 'encrypted') return chosen;
                setEncrypted({ name: file.name, backup: chosen.backup, error: '' });
                return 'encrypted';
              });
            }}
          />
        </>
      )}
      {encrypted && (
        <OpenBackup
          error={encrypted.error}
          busy={busy}
          onSubmit={(secret) =>
            void restore(encrypted.name, async (options) => {
              try {
                return await openEncryptedFile(encrypted.backup, secret, Date.now(), options);
              } catch (error) {
                if (!(error instanceof LockError)) throw error;
                setEncrypted({
                  ...encrypted,
                  error: t(backupProblem(error.code, 'recoveryKey' in secret)),
                });
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
