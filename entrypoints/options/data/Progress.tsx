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

/** Where a long data job stands, as `JobReport` shows it. */
export type JobPhase =
  | { name: 'idle' | 'reading' }
  | { name: 'busy'; label?: string; done: number; total: number }
  | { name: 'done' | 'failed'; message: string };

/**
 * The end of an import card: the progress bar while busy (`label` unless the phase names its
 * own step), and what came of it — the status region is always there, so a message is
 * announced as it appears.
 */
export function JobReport({
  phase,
  label = '',
  onCancel,
}: {
  phase: JobPhase;
  label?: string;
  onCancel: () => void;
}) {
  return (
    <>
      {phase.name === 'busy' && (
        <Progress
          label={phase.label ?? label}
          done={phase.done}
          total={phase.total}
          onCancel={onCancel}
        />
      )}
      <div role="status">{phase.name === 'done' && <p>{phase.message}</p>}</div>
      {phase.name === 'failed' && (
        <p class="error" role="alert">
          {phase.message}
        </p>
      )}
    </>
  );
}
