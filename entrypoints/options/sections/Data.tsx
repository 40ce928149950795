import { BackupReminder } from '../../../components/BackupReminder';
import { DeleteEverything } from '../data/DeleteEverything';
import { ExportData } from '../data/ExportData';
import { ImportData } from '../data/ImportData';
import { KeepSafe } from '../data/KeepSafe';
import './data.css';

/** Own your data: export, import, keeping it safe, and deleting it all. */
export function Data() {
  return (
    <section class="data" aria-labelledby="data-title">
      <h2 id="data-title">Your data</h2>
      <p class="muted">
        Everything stays on this device. Take it with you as a file, bring it back, or remove it.
      </p>
      <BackupReminder exportLink={false} />
      <ExportData />
      <ImportData />
      <KeepSafe />
      <DeleteEverything />
    </section>
  );
}
