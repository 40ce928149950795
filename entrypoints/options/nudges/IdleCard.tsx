/**
 * The "back from a break" card: on or off, how long a break counts, and how it arrives.
 */
import { t } from '../../../utils/i18n/i18n';
import type { NudgeSettings } from '../../../utils/nudges/nudge-settings';
import { Card } from './Card';
import { DeliverySelect } from './DeliverySelect';
import { NumberField } from './NumberField';
import { Switch } from './Switch';

/** Back from a break: its switch, the break length and delivery. */
export function IdleCard({
  nudges,
  patch,
}: {
  nudges: NudgeSettings;
  patch: (v: Partial<NudgeSettings['idle']>) => void;
}) {
  return (
    <Card title={t('nudgesIdleTitle')} hint={t('nudgesIdleHint')}>
      <Switch
        label={t('nudgesIdleSwitch')}
        checked={nudges.idle.enabled}
        onChange={(enabled) => patch({ enabled })}
      />
      <NumberField
        label={t('nudgesIdleMinutes')}
        value={nudges.idle.minutes}
        min={5}
        max={480}
        onValid={(minutes) => patch({ minutes })}
      />
      <DeliverySelect value={nudges.idle.delivery} onChange={(delivery) => patch({ delivery })} />
    </Card>
  );
}
