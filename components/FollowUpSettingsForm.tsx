import { useEffect, useRef, useState } from 'preact/hooks';
import {
  type DaysError,
  parseFollowUpDays,
  parseRetryDays,
} from '../utils/follow-through/follow-through';
import { t } from '../utils/i18n/i18n';
import type { Settings } from '../utils/settings/settings';
import { describeSettingsFailure } from '../utils/settings/settings-failure';

interface Props {
  settings: Settings;
  /** Resolves when stored; rejects when the browser refuses. */
  onSave: (next: Settings) => Promise<void>;
}

const DAYS_ERRORS: Record<DaysError, Parameters<typeof t>[0]> = {
  empty: 'followDaysEmpty',
  'not-a-number': 'followDaysNotNumber',
  'out-of-range': 'followDaysRange',
  'too-many': 'followDaysTooMany',
};

/**
 * Follow-up and writing settings: on/off, the days a commitment comes back, the retry
 * after "not yet", and self-blame hints. What is typed stays in the fields until it is
 * valid; mistakes are explained next to the field.
 */
export function FollowUpSettingsForm({ settings, onSave }: Props) {
  const [enabled, setEnabled] = useState(settings.followUps.enabled);
  const [daysText, setDaysText] = useState(settings.followUps.afterDays.join(', '));
  const [retryText, setRetryText] = useState(String(settings.followUps.retryDays));
  const [hints, setHints] = useState(settings.selfBlameHints);
  const [errors, setErrors] = useState<{ days?: string; retry?: string }>({});
  const [status, setStatus] = useState('');

  // Settings changed elsewhere (another tab, the popup) show up here; the same value arriving
  // again (the first read, our own save echoing back) must not overwrite what is being typed.
  const key = JSON.stringify(settings);
  const shown = useRef(key);
  useEffect(() => {
    if (shown.current === key) return;
    shown.current = key;
    setEnabled(settings.followUps.enabled);
    setDaysText(settings.followUps.afterDays.join(', '));
    setRetryText(String(settings.followUps.retryDays));
    setHints(settings.selfBlameHints);
  }, [key]);

  const save = async () => {
    const days = parseFollowUpDays(daysText);
    const retry = parseRetryDays(retryText);
    const found = {
      days: 'error' in days ? t(DAYS_ERRORS[days.error]) : undefined,
      retry: retry === null ? t('followRetryInvalid') : undefined,
    };
    setErrors(found);
    setStatus('');
    if ('error' in days || retry === null) return;
    try {
      await onSave({
        ...settings,
        selfBlameHints: hints,
        followUps: { enabled, afterDays: days.days, retryDays: retry },
      });
      setStatus(t('settingsSaved'));
    } catch (error) {
      setStatus(describeSettingsFailure(error));
    }
  };

  return (
    <form
      class="settings-form"
      aria-labelledby="follow-settings-title"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3 id="follow-settings-title">{t('followSettingsTitle')}</h3>
      <label class="check">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(e) => setEnabled(e.currentTarget.checked)}
        />
        {t('followSettingsEnabled')}
      </label>
      <div class="field">
        <label for="follow-days">{t('followSettingsDays')}</label>
        <input
          id="follow-days"
          type="text"
          inputMode="numeric"
          value={daysText}
          disabled={!enabled}
          aria-invalid={errors.days ? true : undefined}
          aria-describedby={errors.days ? 'follow-days-error' : 'follow-days-help'}
          onInput={(e) => setDaysText(e.currentTarget.value)}
        />
        {errors.days ? (
          <p id="follow-days-error" class="error">
            {errors.days}
          </p>
        ) : (
          <p id="follow-days-help" class="muted hint">
            {t('followSettingsDaysHelp')}
          </p>
        )}
      </div>
      <div class="field">
        <label for="follow-retry">{t('followSettingsRetry')}</label>
        <input
          id="follow-retry"
          type="text"
          inputMode="numeric"
          value={retryText}
          disabled={!enabled}
          aria-invalid={errors.retry ? true : undefined}
          aria-describedby={errors.retry ? 'follow-retry-error' : undefined}
          onInput={(e) => setRetryText(e.currentTarget.value)}
        />
        {errors.retry && (
          <p id="follow-retry-error" class="error">
            {errors.retry}
          </p>
        )}
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={hints}
          onChange={(e) => setHints(e.currentTarget.checked)}
        />
        {t('settingsSelfBlameHints')}
      </label>
      <div class="dialog-actions">
        <button type="submit" class="primary">
          {t('settingsSave')}
        </button>
        <p role="status" class="muted">
          {status}
        </p>
      </div>
    </form>
  );
}
