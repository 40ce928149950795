import { useEffect, useState } from 'preact/hooks';
import { backupDue } from '../utils/data/backup';
import { getLastExportAt, lastExportItem } from '../utils/data/storage-status-store';
import { t } from '../utils/i18n/i18n';
import { onReflectionsChanged } from '../utils/reflections/db-connection-store';
import { countReflections } from '../utils/reflections/db-store';
import { getSettings, watchSettings } from '../utils/settings/settings-store';

/**
 * A gentle banner when the backup reminder the user chose is due. `now` is a parameter so
 * tests can move time; `exportLink` is false on the Data section itself.
 */
export function BackupReminder({
  now = Date.now,
  exportLink = true,
}: {
  now?: () => number;
  exportLink?: boolean;
}) {
  const [due, setDue] = useState(false);

  useEffect(() => {
    let live = true;
    async function check() {
      const [settings, lastExportAt, stored] = await Promise.all([
        getSettings(),
        getLastExportAt(),
        countReflections().catch(() => 0),
      ]);
      if (live) setDue(backupDue(lastExportAt, settings.backupEvery, now(), stored > 0));
    }
    void check();
    const offSettings = watchSettings(() => void check());
    const offExport = lastExportItem.watch(() => void check());
    const offChange = onReflectionsChanged(() => void check());
    return () => {
      live = false;
      offSettings();
      offExport();
      offChange();
    };
  }, [now]);

  if (!due) return null;
  return (
    <div class="notice" role="status">
      <p>{t('dataBackupDue')}</p>
      {exportLink && <a href="#/data">{t('dataBackupNow')}</a>}
    </div>
  );
}
