import { formatNumber, t } from '../../../utils/i18n/i18n';

/** A labelled progress bar with a Cancel button, for long exports and imports. */
export function Progress({
  label,
  done,
  total,
  onCancel,
}: {
  label: string;
  done: number;
  total: number;
  onCancel: () => void;
}) {
  return (
    <div class="progress">
      <label>
        <span>{t('dataProgress', label, formatNumber(done), formatNumber(total))}</span>
        <progress max={Math.max(total, 1)} value={done} />
      </label>
      <button type="button" onClick={onCancel}>
        {t('dataCancel')}
      </button>
    </div>
  );
}
