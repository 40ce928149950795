/**
 * The limits card: quiet hours and the daily cap (back-off is explained, not set).
 */
import { t } from '../../../utils/i18n/i18n';
import type { NudgeSettings } from '../../../utils/nudges/nudge-settings';
import { Card } from './Card';
import { NumberField } from './NumberField';
import { Switch } from './Switch';
import { TimeField } from './TimeField';

/** Quiet hours and the daily cap. */
export function LimitsCard({
  nudges,
  save,
  patch,
}: {
  nudges: NudgeSettings;
  save: (next: NudgeSettings) => void;
  patch: (v: Partial<NudgeSettings['quietHours']>) => void;
}) {
  return (
    <Card title={t('nudgesLimitsTitle')} hint={t('nudgesLimitsHint')}>
      <Switch
        label={t('nudgesQuietHours')}
        checked={nudges.quietHours.enabled}
        onChange={(enabled) => patch({ enabled })}
      />
      <div class="row">
        <TimeField
          label={t('nudgesQuietFrom')}
          value={nudges.quietHours.start}
          onValid={(start) => patch({ start })}
        />
        <TimeField
          label={t('nudgesQuietUntil')}
          value={nudges.quietHours.end}
          onValid={(end) => patch({ end })}
        />
      </div>
      <NumberField
        label={t('nudgesDailyCap')}
        value={nudges.dailyCap}
        min={1}
        max={24}
        onValid={(dailyCap) => save({ ...nudges, dailyCap })}
      />
      <p class="muted small">{t('nudgesBackoff')}</p>
    </Card>
  );
}
