import { useMemo, useRef, useState } from 'preact/hooks';
import { localZone } from '../../../utils/calendar';
import { describeDbError } from '../../../utils/db';
import type { ExportKind } from '../../../utils/export';
import { scopeFromParams } from '../../../utils/export-scope';
import { getSettings } from '../../../utils/settings';
import { lastExportItem } from '../../../utils/storage-status';
import { buildExport, downloadBlob } from '../../../utils/transfer';
import { Progress } from './Progress';

const FORMATS: ReadonlyArray<{ kind: ExportKind; name: string; hint: string }> = [
  { kind: 'json', name: 'JSON', hint: 'A complete backup that Fail Well can import again.' },
  { kind: 'markdown', name: 'Markdown', hint: 'One document to read, grouped by day.' },
  { kind: 'csv', name: 'CSV', hint: 'A table for spreadsheets, one row per reflection.' },
];

type Phase =
  | { name: 'idle' }
  | { name: 'busy'; done: number; total: number }
  | { name: 'done'; message: string }
  | { name: 'failed'; message: string };

/**
 * Export as JSON, Markdown or CSV, with progress and cancel: everything, or what the
 * dashboard's filter shows when the page was opened from it (`params`).
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

  async function run() {
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ name: 'busy', done: 0, total: 0 });
    const exportedAt = Date.now();
    try {
      const result = await buildExport(
        kind,
        { exportedAt, settings: await getSettings() },
        {
          ...(keep ? { keep } : {}),
          signal: controller.signal,
          onProgress: (done, total) => setPhase({ name: 'busy', done, total }),
        },
      );
      downloadBlob(result.blob, result.fileName);
      // Only a complete JSON file is a backup that can be restored.
      if (kind === 'json' && !keep) await lastExportItem.setValue(exportedAt);
      const n = result.count;
      setPhase({
        name: 'done',
        message: `Exported ${n.toLocaleString()} ${n === 1 ? 'reflection' : 'reflections'} to ${result.fileName}.`,
      });
    } catch (error) {
      setPhase(
        controller.signal.aborted
          ? { name: 'done', message: 'Export cancelled; no file was made.' }
          : { name: 'failed', message: `The export did not finish. ${describeDbError(error)}` },
      );
    } finally {
      abort.current = null;
    }
  }

  return (
    <section class="card data-block" aria-labelledby="export-title">
      <h3 id="export-title">Export</h3>
      <fieldset class="formats">
        <legend>Format</legend>
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
              <strong>{format.name}</strong> <span class="muted">{format.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {scope ? (
        <fieldset class="formats">
          <legend>Which reflections</legend>
          <label class="format">
            <input
              type="radio"
              name="export-scope"
              checked={filtered}
              onChange={() => setFiltered(true)}
            />
            <span>
              Those the dashboard shows <span class="muted">({scope.summary})</span>
            </span>
          </label>
          <label class="format">
            <input
              type="radio"
              name="export-scope"
              checked={!filtered}
              onChange={() => setFiltered(false)}
            />
            <span>Every reflection on this device</span>
          </label>
        </fieldset>
      ) : (
        <p class="muted">Every reflection on this device is included.</p>
      )}
      {phase.name === 'busy' ? (
        <Progress
          label="Exporting…"
          done={phase.done}
          total={phase.total}
          onCancel={() => abort.current?.abort()}
        />
      ) : (
        <button type="button" class="primary" onClick={() => void run()}>
          Export {FORMATS.find((f) => f.kind === kind)?.name}
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
