import { useMemo, useRef, useState } from 'preact/hooks';
import { type ColumnRole, guessRoles } from '../../../../utils/data/importers/generic-csv';
import type { ImportFormat } from '../../../../utils/data/importers/plan';
import { formatNumber, type MessageKey, plural, t } from '../../../../utils/i18n/i18n';
import { importReflections } from '../../../../utils/reflections/db-bulk-store';
import { describeDbError } from '../../../../utils/reflections/db-store';
import type { Sting } from '../../../../utils/reflections/reflection';
import { JobReport } from '../Progress';
import { ImportPreview } from './ImportPreview';
import { ColumnRoles, MoodStings } from './MappingChoices';
import { planSource } from './plan-source';
import { readSource, type Source } from './read-source';
import './importers.css';

const FORMATS: ReadonlyArray<{ format: ImportFormat; label: MessageKey; accept: string }> = [
  {
    format: 'dayone',
    label: 'importerFormatDayOneJson',
    accept: '.zip,.json,application/zip,application/json',
  },
  { format: 'daylio', label: 'importerFormatDaylio', accept: '.csv,text/csv' },
  {
    format: 'markdown',
    label: 'importerFormatMarkdown',
    accept: '.zip,.md,.markdown,application/zip',
  },
  { format: 'csv', label: 'importerFormatCsv', accept: '.csv,.tsv,.txt,text/csv' },
];

/** The browser's own zone, and every zone it knows (the browser's first). */
function zones(): { own: string; all: string[] } {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const all = Intl.supportedValuesOf('timeZone');
  return { own, all: all.includes(own) ? all : [own, ...all] };
}

type Phase =
  | { name: 'idle' }
  | { name: 'reading' }
  | { name: 'busy'; done: number; total: number }
  | { name: 'done'; message: string }
  | { name: 'failed'; message: string };

/**
 * Move in from another journal: pick where the entries come from, choose the file (or a
 * folder of notes), see a preview — how many, which dates, how fields map, what is left out
 * and why — with the choices that change it (zone, a sting per mood, a role per column),
 * then confirm. The write is the JSON import's: one transaction, all or nothing, and ids
 * derived from the source's own, so a second run skips what is already here.
 */
export function Importers() {
  const zoneList = useMemo(zones, []);
  const [format, setFormat] = useState<ImportFormat>('dayone');
  const [zone, setZone] = useState(zoneList.own);
  const [source, setSource] = useState<Source | null>(null);
  const [stings, setStings] = useState<Record<string, Sting>>({});
  const [roles, setRoles] = useState<ColumnRole[]>([]);
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const abort = useRef<AbortController | null>(null);
  // One clock per chosen source: the preview and the write judge future dates alike.
  const [now, setNow] = useState(Date.now);
  const planned = useMemo(
    () => (source ? planSource(source, { zone, stings, roles }, now) : null),
    [source, zone, stings, roles, now],
  );
  const busy = phase.name === 'reading' || phase.name === 'busy';
  const accept = FORMATS.find((f) => f.format === format)?.accept ?? '';

  async function choose(input: HTMLInputElement) {
    const files = [...(input.files ?? [])];
    // Let the same file be chosen again after fixing it.
    input.value = '';
    if (files.length === 0) return;
    setSource(null);
    setPhase({ name: 'reading' });
    const read = await readSource(format, files);
    if (!read.ok) {
      setPhase({ name: 'failed', message: read.message });
      return;
    }
    setNow(Date.now());
    setStings({});
    setRoles(read.source.format === 'csv' ? guessRoles(read.source.scan.headers) : []);
    setSource(read.source);
    setPhase({ name: 'idle' });
  }

  async function confirm() {
    if (!source || !planned?.ok) return;
    const { reflections } = planned.plan;
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ name: 'busy', done: 0, total: reflections.length });
    try {
      const outcome = await importReflections(reflections, {
        signal: controller.signal,
        onProgress: (done, total) => setPhase({ name: 'busy', done, total }),
      });
      const parts = [
        t(
          plural(outcome.added, 'dataImportAddedOne', 'dataImportAddedOther'),
          formatNumber(outcome.added),
        ),
        t(
          plural(outcome.skipped, 'dataImportSkippedOne', 'dataImportSkippedOther'),
          formatNumber(outcome.skipped),
        ),
      ];
      setSource(null);
      setPhase({ name: 'done', message: t('dataImportDone', source.name, parts.join('; ')) });
    } catch (error) {
      setPhase(
        controller.signal.aborted
          ? { name: 'done', message: t('dataImportCancelled') }
          : { name: 'failed', message: t('dataImportFailed', describeDbError(error)) },
      );
    } finally {
      abort.current = null;
    }
  }

  const count = planned?.ok ? planned.plan.reflections.length : 0;
  return (
    <section class="card data-block" aria-labelledby="importer-title">
      <h3 id="importer-title">{t('importerTitle')}</h3>
      <p class="muted">{t('importerIntro')}</p>
      <fieldset class="formats">
        <legend>{t('importerFormatLegend')}</legend>
        {FORMATS.map((f) => (
          <label key={f.format} class="format">
            <input
              type="radio"
              name="importer-format"
              value={f.format}
              checked={format === f.format}
              disabled={busy}
              onChange={() => {
                setFormat(f.format);
                setSource(null);
                setPhase({ name: 'idle' });
              }}
            />
            <span>{t(f.label)}</span>
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="importer-zone">{t('importerZone')}</label>
        <select
          id="importer-zone"
          aria-describedby="importer-zone-hint"
          value={zone}
          disabled={busy}
          onChange={(event) => setZone(event.currentTarget.value)}
        >
          {zoneList.all.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <span id="importer-zone-hint" class="muted">
          {t('importerZoneHint')}
        </span>
      </div>
      {format === 'markdown' && (
        <div class="field">
          <label for="importer-folder">{t('importerChooseFolder')}</label>
          <input
            id="importer-folder"
            type="file"
            multiple
            // Chromium and Firefox both pick folders with this non-standard attribute.
            {...{ webkitdirectory: true }}
            disabled={busy}
            onChange={(event) => void choose(event.currentTarget)}
          />
        </div>
      )}
      <div class="field">
        <label for="importer-file">
          {t(format === 'markdown' ? 'importerChooseZip' : 'importerChooseFile')}
        </label>
        <input
          id="importer-file"
          key={format}
          type="file"
          accept={accept}
          disabled={busy}
          onChange={(event) => void choose(event.currentTarget)}
        />
      </div>
      {phase.name === 'reading' && <p role="status">{t('importerReading')}</p>}
      {source?.format === 'daylio' && (
        <MoodStings scan={source.scan} stings={stings} onChange={setStings} />
      )}
      {source?.format === 'csv' && (
        <ColumnRoles scan={source.scan} roles={roles} onChange={setRoles} />
      )}
      {source && planned && !planned.ok && (
        <p class="error" role="alert">
          {planned.message}
        </p>
      )}
      {source && planned?.ok && (
        <>
          <ImportPreview plan={planned.plan} name={source.name} zone={zone} />
          <div class="actions">
            <button
              type="button"
              class="primary"
              disabled={busy || count === 0}
              onClick={() => void confirm()}
            >
              {t(plural(count, 'importerConfirmOne', 'importerConfirmOther'), formatNumber(count))}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setSource(null);
                setPhase({ name: 'idle' });
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </>
      )}
      <JobReport
        phase={phase}
        label={t('dataImportImporting')}
        onCancel={() => abort.current?.abort()}
      />
    </section>
  );
}
