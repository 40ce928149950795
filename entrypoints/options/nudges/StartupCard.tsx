/**
 * The start-up card: one past lesson when the browser starts, and how it arrives.
 */
import { t } from '../../../utils/i18n/i18n';
import type { NudgeSettings } from '../../../utils/nudges/nudge-settings';
import { Card } from './Card';
import { DeliverySelect } from './DeliverySelect';
import { Switch } from './Switch';

/** A lesson from before at start-up: its switch and delivery. */
export function StartupCard({
  nudges,
  patch,
}: {
  nudges: NudgeSettings;
  patch: (v: Partial<NudgeSettings['startup']>) => void;
}) {
  return (
    <Card title={t('nudgesStartupTitle')} hint={t('nudgesStartupHint')}>
      <Switch
        label={t('nudgesStartupSwitch')}
        checked={nudges.startup.enabled}
        onChange={(enabled) => patch({ enabled })}
      />
      <DeliverySelect
        value={nudges.startup.delivery}
        onChange={(delivery) => patch({ delivery })}
      />
    </Card>
  );
}
