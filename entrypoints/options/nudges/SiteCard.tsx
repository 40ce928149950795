/**
 * The "left a listed site" card: on or off (asks for the tabs permission), the sites, and how
 * it arrives.
 */
import { useId, useState } from 'preact/hooks';
import { t } from '../../../utils/i18n/i18n';
import type { NudgeSettings } from '../../../utils/nudges/nudge-settings';
import { parseSitePatterns } from '../../../utils/nudges/nudge-validation';
import { Card } from './Card';
import { DeliverySelect } from './DeliverySelect';
import { Switch } from './Switch';
import { useOptIn } from './useOptIn';

/** A listed site left: its switch, the site patterns and delivery. */
export function SiteCard({
  nudges,
  save,
}: {
  nudges: NudgeSettings;
  save: (next: NudgeSettings) => void;
}) {
  const { refused, toggle } = useOptIn(nudges, save);
  const [text, setText] = useState(nudges.site.patterns.join('\n'));
  const parsed = parseSitePatterns(text);
  const id = useId();
  return (
    <Card title={t('nudgesSiteTitle')} hint={t('nudgesSiteHint')}>
      <Switch
        label={t('nudgesSiteSwitch')}
        checked={nudges.site.enabled}
        refused={refused.site}
        onChange={(on) => void toggle('site', on)}
      />
      <p class="muted small">{t('nudgesSitePermission')}</p>
      <div class="field">
        <label for={id}>{t('nudgesSites')}</label>
        <textarea
          id={id}
          rows={3}
          placeholder={t('nudgesSitesPlaceholder')}
          value={text}
          aria-invalid={parsed.problem ? 'true' : undefined}
          aria-describedby={parsed.problem ? `${id}-error` : undefined}
          onInput={(e) => {
            const value = e.currentTarget.value;
            setText(value);
            const result = parseSitePatterns(value);
            if (!result.problem)
              save({ ...nudges, site: { ...nudges.site, patterns: result.patterns } });
          }}
        />
        {parsed.problem && (
          <p class="error" id={`${id}-error`}>
            {parsed.problem}
          </p>
        )}
      </div>
      <DeliverySelect
        value={nudges.site.delivery}
        onChange={(delivery) => save({ ...nudges, site: { ...nudges.site, delivery } })}
      />
    </Card>
  );
}
