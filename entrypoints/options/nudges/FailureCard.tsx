/**
 * The failures card: a page that failed to load, a download that broke (each asks for its
 * permission), and how they arrive.
 */
import { t } from '../../../utils/i18n/i18n';
import type { NudgeSettings } from '../../../utils/nudges/nudge-settings';
import { Card } from './Card';
import { DeliverySelect } from './DeliverySelect';
import { Switch } from './Switch';
import { useOptIn } from './useOptIn';

/** Failed pages and downloads: their switches and delivery. */
export function FailureCard({
  nudges,
  save,
}: {
  nudges: NudgeSettings;
  save: (next: NudgeSettings) => void;
}) {
  const { refused, toggle } = useOptIn(nudges, save);
  return (
    <Card title={t('nudgesFailureTitle')} hint={t('nudgesFailureHint')}>
      <Switch
        label={t('nudgesFailureNavigation')}
        checked={nudges.failure.navigation}
        refused={refused.navigation}
        onChange={(on) => void toggle('navigation', on)}
      />
      <Switch
        label={t('nudgesFailureDownloads')}
        checked={nudges.failure.downloads}
        refused={refused.downloads}
        onChange={(on) => void toggle('downloads', on)}
      />
      <p class="muted small">{t('nudgesFailurePermission')}</p>
      <DeliverySelect
        value={nudges.failure.delivery}
        onChange={(delivery) => save({ ...nudges, failure: { ...nudges.failure, delivery } })}
      />
    </Card>
  );
}
