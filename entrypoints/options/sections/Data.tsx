import { BackupReminder } from '../../../components/BackupReminder';
import { DeleteEverything } from '../data/DeleteEverything';
import { ExportData } from '../data/ExportData';
import { ImportData } from '../data/ImportData';
import { KeepSafe } from '../data/KeepSafe';
import { useRoute } from '../useRoute';
import './data.css';

/** Own your data: export, import, keeping it safe, and deleting it all. */
export function Data() {
  const { route } = useRoute();
  return (
    <section class="data" aria-labelledby="data-title">
      <h2 id="data-title">Your data</h2>
      <p class="muted">
        Everything stays on this device. Take it with you as a file, bring it back, or remove it.
      </p>
      <BackupReminder exportLink={false} />
      <ExportData params={route.params} />
      <ImportData />
      <KeepSafe />
      <DeleteEverything />
    </section>
  );
}
