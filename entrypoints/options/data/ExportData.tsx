import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { SecretField, SecretToggle, useSecretChoice } from '../../../components/SecretField';
import { loadCheckins } from '../../../utils/capture/checkin-store';
import { localZone } from '../../../utils/core/calendar';
import type { ExportKind } from '../../../utils/data/export';
import { scopeFromParams } from '../../../utils/data/export-scope';
import { lastExportItem } from '../../../utils/data/storage-status-store';
import { buildExport, downloadBlob } from '../../../utils/data/transfer-store';
import { formatNumber, type MessageKey, plural, t } from '../../../utils/i18n/i18n';
import { LockError } from '../../../utils/lock/envelope';
import { lockStatus } from '../../../utils/lock/lock-read-store';
import { checkSecret, onLockChanged } from '../../../utils/lock/lock-store';
import { describeDbError } from '../../../utils/reflections/db-store';
import { readTemplatePrefs } from '../../../utils/reflections/own-templates-read-store';
import { getSettings } from '../../../utils/settings/settings-store';

import { Progress } from './Progress';

// Format names are the same in every language; the hints are translated.
const FORMATS: ReadonlyArray<{ kind: ExportKind; name: string; hint: MessageKey }> = [
  { kind: 'json', name: 'JSON', hint: 'dataExportHintJson' },
  { kind: 'markdown', name: 'Markdown', hint: 'dataExportHintMarkdown' },
  { kind: 'csv', name: 'CSV', hint: 'dataExportHintCsv' },
];

type Phase =
  | { name: 'idle' }
  | { name: 'busy'; done: number; total: number }
  | { name: 'done'; message: string }
  | { name: 'failed'; message: string };

/**
 * Export as JSON, Markdown or CSV, with progress and cancel: everything, or what the
 * dashboard's filter shows when the page was opened from it (`params`). With the lock on,
 * JSON is an encrypted backup unless the person unticks it and types the passphrase (or the
 * recovery key) once more; Markdown and CSV say first that the file will be readable by anyone
 * who has it.
 */
export function ExportData({ params = {} }: { params?: Readonly<Record<string, string>> }) {
  const [kind, setKind] = useState<ExportKind>('json');
  const paramsKey = JSON.stringify(params);
  // Keyed by value: the route hands a new params object on every render.
  const scope = useMemo(() => scopeFromParams(params, localZone), [paramsKey]);
  const [filtered, setFiltered] = useState(true);
  const keep = scope && filtered ? scope.keep : undefined;
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const [lockOn, setLockOn] = useState(false);
  const [encrypt, setEncrypt] = useState(true);
  // The passphrase, or the recovery key for someone who has only that.
  const [secretError, setSecretError] = useState('');
  const choice = useSecretChoice(() => setSecretError(''));
  const useRecovery = choice.recovery;
  useEffect(() => {
    const read = () => void lockStatus().then((status) => setLockOn(status !== 'off'));
    read();
    return onLockChanged(read);
  }, []);
  // What this page showed: a plain JSON export is asked for only by unticking the box.
  const plainAsked = lockOn && kind === 'json' && !encrypt;

  async function run() {
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ name: 'busy', done: 0, total: 0 });
    const exportedAt = Date.now();
    try {
      // Read fresh: a lock switched on in another tab since this page looked still seals.
      const sealIt = kind === 'json' && !plainAsked && (await lockStatus()) !== 'off';
      if (plainAsked) {
        try {
          await checkSecret(choice.secret());
        } catch (error) {
          if (!(error instanceof LockError)) throw error;
          // Said at the field, which keeps what was typed to correct.
          setSecretError(t(useRecovery ? 'dataExportPlainWrongRecovery' : 'dataExportPlainWrong'));
          setPhase({ name: 'idle' });
          return;
        }
        choice.setText('');
        setSecretError('');
      }
      const result = await buildExport(
        kind,
        {
          exportedAt,
          settings: await getSettings(),
          // A filtered export holds some reflections only; the calm days go with the whole one.
          checkins: keep ? [] : await loadCheckins(),
          ...(keep ? {} : { templates: await readTemplatePrefs() }),
        },
        {
          ...(keep ? { keep } : {}),
          signal: controller.signal,
          encrypt: sealIt,
          onProgress: (done, total) => setPhase({ name: 'busy', done, total }),
        },
      );
      downloadBlob(result.blob, result.fileName);
      // Only a complete JSON file is a backup that can be restored.
      if (kind === 'json' && !keep) await lastExportItem.setValue(exportedAt);
      const n = result.count;
      setPhase({
        name: 'done',
        message: t(
          plural(n, 'dataExportDoneOne', 'dataExportDoneOther'),
          formatNumber(n),
          result.fileName,
        ),
      });
    } catch (error) {
      setPhase(
        controller.signal.aborted
          ? { name: 'done', message: t('dataExportCancelled') }
          : { name: 'failed', message: t('dataExportFailed', describeDbError(error)) },
      );
    } finally {
      abort.current = null;
    }
  }

  return (
    <section class="card data-block" aria-labelledby="export-title">
      <h3 id="export-title">{t('dataExportTitle')}</h3>
      <fieldset class="formats">
        <legend>{t('dataExportFormat')}</legend>
        {FORMATS.map((format) => (
          <label key={format.kind} class="format">
            <input
              type="radio"
              name="export-format"
              value={format.kind}
              checked={kind === format.kind}
              onChange={() => setKind(format.kind)}
            />
            <span>
              <strong>{format.name}</strong> <span class="muted">{t(format.hint)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {scope ? (
        <fieldset class="formats">
          <legend>{t('dataExportWhich')}</legend>
          <label class="format">
            <input
              type="radio"
              name="export-scope"
              checked={filtered}
              onChange={() => setFiltered(true)}
            />
            <span>
              {t('dataExportFiltered')} <span class="muted">({scope.summary})</span>
            </span>
          </label>
          <label class="format">
            <input
              type="radio"
              name="export-scope"
              checked={!filtered}
              onChange={() => setFiltered(false)}
            />
            <span>{t('dataExportEvery')}</span>
          </label>
        </fieldset>
      ) : (
        <p class="muted">{t('dataExportAllIncluded')}</p>
      )}
      {lockOn && kind === 'json' && (
        <label class="check">
          <input
            type="checkbox"
            checked={encrypt}
            aria-describedby="export-encrypt-hint"
            onChange={(event) => setEncrypt(event.currentTarget.checked)}
          />
          <span>
            {t('dataExportEncrypt')}{' '}
            <span id="export-encrypt-hint" class="muted">
              {t('dataExportEncryptHint')}
            </span>
          </span>
        </label>
      )}
      {lockOn && (kind !== 'json' || !encrypt) && (
        <p class="notice">{t('dataExportNotEncrypted')}</p>
      )}
      {plainAsked && (
        <div class="plain-secret">
          <SecretField
            id="export-secret"
            recovery={useRecovery}
            label={t(useRecovery ? 'dataExportPlainRecovery' : 'dataExportPlainPassphrase')}
            value={choice.text}
            error={secretError}
            onInput={choice.setText}
          />
          <SecretToggle recovery={useRecovery} onToggle={choice.toggle} />
        </div>
      )}
      {phase.name === 'busy' ? (
        <Progress
          label={t('dataExporting')}
          done={phase.done}
          total={phase.total}
          onCancel={() => abort.current?.abort()}
        />
      ) : (
        <button type="button" class="primary" onClick={() => void run()}>
          {t('dataExportButton', FORMATS.find((f) => f.kind === kind)?.name ?? '')}
        </button>
      )}
      <div role="status">{phase.name === 'done' && <p>{phase.message}</p>}</div>
      {phase.name === 'failed' && (
        <p class="error" role="alert">
          {phase.message}
        </p>
      )}
    </section>
  );
}
