import { useState } from 'preact/hooks';
import type { TimeZone } from '../utils/core/calendar';
import { copyText } from '../utils/core/clipboard';
import {
  customRange,
  type DigestPreset,
  presetRange,
} from '../utils/follow-through/follow-through';
import { t, uiLanguage } from '../utils/i18n/i18n';
import type { Reflection } from '../utils/reflections/reflection';
import { digestReflections, formatDigest, type ShareFormat } from '../utils/review/share';

interface Props {
  reflections: readonly Reflection[];
  tags: readonly string[];
  now: number;
  zone: TimeZone;
}

type Period = DigestPreset | 'custom';

const RANGE_ERRORS = {
  missing: 'digestRangeMissing',
  invalid: 'digestRangeInvalid',
  reversed: 'digestRangeReversed',
} as const;

/** A digest of a period's lessons and commitments, for a 1:1 or a retro: preview and copy. */
export function DigestPanel({ reflections, tags, now, zone }: Props) {
  const [period, setPeriod] = useState<Period>('last-week');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [tag, setTag] = useState('');
  const [format, setFormat] = useState<ShareFormat>('text');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const range = period === 'custom' ? customRange(from, to, zone) : presetRange(period, now, zone);
  const valid = 'error' in range ? null : { ...range, tag: tag || undefined };
  const options = { locale: uiLanguage() };
  const count = valid ? digestReflections(reflections, valid).length : 0;

  const copy = async (as: ShareFormat) => {
    if (!valid) return;
    const ok = await copyText(formatDigest(reflections, valid, as, options));
    setStatus({ ok, text: ok ? t('shareCopied') : t('shareCopyFailed') });
  };
  const change = (fn: () => void) => {
    fn();
    setStatus(null);
  };
  const periods: [Period, string][] = [
    ['last-week', t('digestLastWeek')],
    ['last-month', t('digestLastMonth')],
    ['custom', t('digestCustom')],
  ];

  return (
    <section class="digest" aria-labelledby="digest-title">
      <h3 id="digest-title">{t('digestTitle')}</h3>
      <p class="muted">{t('digestIntro')}</p>
      <fieldset class="inline-fields">
        <legend>{t('digestPeriod')}</legend>
        {periods.map(([id, name]) => (
          <label key={id} class="check">
            <input
              type="radio"
              name="digest-period"
              checked={period === id}
              onChange={() => change(() => setPeriod(id))}
            />
            {name}
          </label>
        ))}
      </fieldset>
      {period === 'custom' && (
        <div class="inline-fields">
          <label>
            {t('digestFrom')}{' '}
            <input
              type="date"
              value={from}
              onInput={(e) => change(() => setFrom(e.currentTarget.value))}
            />
          </label>
          <label>
            {t('digestTo')}{' '}
            <input
              type="date"
              value={to}
              onInput={(e) => change(() => setTo(e.currentTarget.value))}
            />
          </label>
        </div>
      )}
      <div class="inline-fields">
        <label>
          {t('digestTag')}{' '}
          <select value={tag} onChange={(e) => change(() => setTag(e.currentTarget.value))}>
            <option value="">{t('digestAnyTag')}</option>
            {tags.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sharePreviewAs')}{' '}
          <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ShareFormat)}>
            <option value="text">{t('shareFormatText')}</option>
            <option value="markdown">{t('shareFormatMarkdown')}</option>
          </select>
        </label>
      </div>
      {'error' in range && (
        <p class="error" role="alert">
          {t(RANGE_ERRORS[range.error])}
        </p>
      )}
      {valid && (
        <>
          <p class="muted">{t('digestCount', count)}</p>
          <section aria-label={t('digestPreview')}>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard. */}
            <pre class="preview" tabIndex={0}>
              {formatDigest(reflections, valid, format, options)}
            </pre>
          </section>
        </>
      )}
      <p role="status" class={status && !status.ok ? 'error' : 'muted'}>
        {status?.text ?? ''}
      </p>
      <div class="dialog-actions">
        <button type="button" disabled={!valid} onClick={() => void copy('text')}>
          {t('digestCopyText')}
        </button>
        <button type="button" disabled={!valid} onClick={() => void copy('markdown')}>
          {t('digestCopyMarkdown')}
        </button>
      </div>
    </section>
  );
}
