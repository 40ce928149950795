/**
 * The context-menu card: "Reflect on this page" and "Reflect on the selection" in the page's
 * menu, on or off.
 */
import { t } from '../../../utils/i18n/i18n';
import type { NudgeSettings } from '../../../utils/nudges/nudge-settings';
import { Card } from './Card';
import { Switch } from './Switch';

/** The page and selection menu entries: one switch. */
export function MenuCard({
  nudges,
  patch,
}: {
  nudges: NudgeSettings;
  patch: (v: Partial<NudgeSettings['contextMenu']>) => void;
}) {
  return (
    <Card title={t('nudgesMenuTitle')} hint={t('nudgesMenuHint')}>
      <Switch
        label={t('nudgesMenuSwitch')}
        checked={nudges.contextMenu.enabled}
        onChange={(enabled) => patch({ enabled })}
      />
    </Card>
  );
}
