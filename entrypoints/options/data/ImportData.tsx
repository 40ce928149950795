import { useRef, useState } from 'preact/hooks';
import { describeDbError } from '../../../utils/db';
import { importReflections } from '../../../utils/db-bulk';
import { setSettings } from '../../../utils/settings-store';
import { readImportFile } from '../../../utils/transfer';
import { Progress } from './Progress';

type Phase =
  | { name: 'idle' }
  | { name: 'busy'; label: string; done: number; total: number }
  | { name: 'done'; message: string }
  | { name: 'failed'; message: string };

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;

/**
 * Import a JSON export: checked in full first (one bad record imports nothing), then written
 * in batches; cancelling undoes what was written.
 */
export function ImportData() {
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [withSettings, setWithSettings] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function run(file: File) {
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ name: 'busy', label: 'Checking…', done: 0, total: 0 });
    try {
      const checked = await readImportFile(file, Date.now(), {
        signal: controller.signal,
        onProgress: (done, total) => setPhase({ name: 'busy', label: 'Checking…', done, total }),
      });
      if (!checked.ok) {
        setPhase({ name: 'failed', message: checked.message });
        return;
      }
      const { reflections, settings } = checked.file;
      const outcome = await importReflections(reflections, {
        signal: controller.signal,
        onProgress: (done, total) => setPhase({ name: 'busy', label: 'Importing…', done, total }),
      });
      if (withSettings) await setSettings(settings);
      const parts = [
        `${plural(outcome.added, 'new reflection', 'new reflections')} added`,
        `${plural(outcome.replaced, 'newer version', 'newer versions')} replaced older copies`,
        `${plural(outcome.skipped, 'was', 'were')} already here and skipped`,
      ];
      setPhase({
        name: 'done',
        message: `Imported “${file.name}”: ${parts.join('; ')}.${withSettings ? ' Settings restored.' : ''}`,
      });
    } catch (error) {
      setPhase(
        controller.signal.aborted
          ? { name: 'done', message: 'Import cancelled; nothing was changed.' }
          : {
              name: 'failed',
              message: `The import did not finish, so nothing was changed. ${describeDbError(error)}`,
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
      <h3 id="import-title">Import</h3>
      <p class="muted">
        Bring back a JSON export. Reflections already here are kept; a newer copy of one replaces
        the older. If anything in the file is wrong, nothing is imported.
      </p>
      <div class="field">
        <label for="import-file">Choose a JSON export</label>
        <input
          id="import-file"
          ref={input}
          type="file"
          accept=".json,application/json"
          disabled={phase.name === 'busy'}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) void run(file);
          }}
        />
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={withSettings}
          onChange={(event) => setWithSettings(event.currentTarget.checked)}
        />
        Also use the settings saved in the file
      </label>
      {phase.name === 'busy' && (
        <Progress
          label={phase.label}
          done={phase.done}
          total={phase.total}
          onCancel={() => abort.current?.abort()}
        />
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
