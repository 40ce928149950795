import { useRef, useState } from 'preact/hooks';
import { copyText } from '../utils/core/clipboard';
import { t, uiLanguage } from '../utils/i18n/i18n';
import { questionLabel } from '../utils/reflections/question-label';
import type { Reflection } from '../utils/reflections/reflection';
import { defaultShareFields, formatShare, type ShareFormat } from '../utils/review/share';
import { useFocusTrap } from './useFocusTrap';

interface Props {
  reflection: Reflection;
  onClose: () => void;
}

/** The fields this reflection can share, with their labels, in the order they appear. */
function shareableFields(reflection: Reflection): { key: string; label: string }[] {
  const fields = Object.entries(reflection.answers)
    .filter(([, text]) => text.trim() !== '')
    .map(([key]) => ({
      key,
      label: questionLabel(reflection.template, key, reflection.prompt, reflection.wording),
    }));
  fields.push({ key: 'date', label: t('shareFieldDate') });
  if (reflection.tags.length > 0) fields.push({ key: 'tags', label: t('shareFieldTags') });
  if (reflection.sting !== null) fields.push({ key: 'sting', label: t('shareFieldSting') });
  if (reflection.context) fields.push({ key: 'context', label: t('shareFieldContext') });
  return fields;
}

/**
 * Share one lesson: pick the fields (feelings and sting are left out unless chosen), see
 * the result, copy it as plain text or Markdown. A modal dialog: focus stays inside,
 * Escape closes, and focus returns to the Share button.
 */
export function ShareDialog({ reflection, onClose }: Props) {
  const root = useRef<HTMLDivElement>(null);
  useFocusTrap(root, onClose);
  const fields = shareableFields(reflection);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(defaultShareFields(reflection)),
  );
  const [format, setFormat] = useState<ShareFormat>('text');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const options = { locale: uiLanguage() };
  const selected = fields.map((f) => f.key).filter((key) => chosen.has(key));
  const preview = formatShare(reflection, selected, format, options);
  const titleId = `share-title-${reflection.id}`;

  const toggle = (key: string) => {
    const next = new Set(chosen);
    if (!next.delete(key)) next.add(key);
    setChosen(next);
    setStatus(null);
  };
  const copy = async (as: ShareFormat) => {
    const ok = await copyText(formatShare(reflection, selected, as, options));
    setStatus({ ok, text: ok ? t('shareCopied') : t('shareCopyFailed') });
  };

  return (
    <div class="dialog-backdrop">
      <div ref={root} class="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>{t('shareTitle')}</h2>
        <fieldset class="share-fields">
          <legend>{t('shareFieldsLegend')}</legend>
          {fields.map((field) => (
            <label key={field.key} class="check">
              <input
                type="checkbox"
                checked={chosen.has(field.key)}
                onChange={() => toggle(field.key)}
              />
              {field.label}
            </label>
          ))}
        </fieldset>
        <fieldset class="share-format">
          <legend>{t('sharePreviewAs')}</legend>
          <label class="check">
            <input
              type="radio"
              name={`share-format-${reflection.id}`}
              checked={format === 'text'}
              onChange={() => setFormat('text')}
            />
            {t('shareFormatText')}
          </label>
          <label class="check">
            <input
              type="radio"
              name={`share-format-${reflection.id}`}
              checked={format === 'markdown'}
              onChange={() => setFormat('markdown')}
            />
            {t('shareFormatMarkdown')}
          </label>
        </fieldset>
        <section aria-labelledby={`${titleId}-preview`}>
          <h3 id={`${titleId}-preview`}>{t('sharePreview')}</h3>
          {/* Focusable, so a keyboard user can scroll it and select the text by hand. */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard. */}
          <pre class="preview" tabIndex={0}>
            {preview}
          </pre>
        </section>
        <p role="status" class={status && !status.ok ? 'error' : 'muted'}>
          {status?.text ?? ''}
        </p>
        <div class="dialog-actions">
          <button type="button" class="primary" onClick={() => void copy('text')}>
            {t('shareCopyText')}
          </button>
          <button type="button" onClick={() => void copy('markdown')}>
            {t('shareCopyMarkdown')}
          </button>
          <button type="button" onClick={onClose}>
            {t('shareClose')}
          </button>
        </div>
      </div>
    </div>
  );
}
