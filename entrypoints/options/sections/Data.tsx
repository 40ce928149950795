import { BackupReminder } from '../../../components/BackupReminder';
import { t } from '../../../utils/i18n/i18n';
import { DeleteEverything } from '../data/DeleteEverything';
import { ExportData } from '../data/ExportData';
import { ImportData } from '../data/ImportData';
import { KeepSafe } from '../data/KeepSafe';
import { LazyAutoBackups, LazySyncCard } from '../data/LazyCards';
import { MoveIn } from '../data/MoveIn';
import { useRoute } from '../useRoute';
import './data.css';

/** Own your data: export, sync between devices, import (from a backup or another app), keeping it safe, and deleting it all. */
export function Data() {
  const { route } = useRoute();
  return (
    <section class="data" aria-labelledby="data-title">
      <h2 id="data-title">{t('dataTitle')}</h2>
      <p class="muted">{t('dataIntro')}</p>
      <BackupReminder exportLink={false} />
      <ExportData params={route.params} />
      <LazyAutoBackups />
      <LazySyncCard />
      <ImportData />
      <MoveIn />
      <KeepSafe />
      <DeleteEverything />
    </section>
  );
}
