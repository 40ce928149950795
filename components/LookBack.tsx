import { formatDateTime, formatMonthsAgo } from '../utils/i18n/format';
import { formatNumber, t } from '../utils/i18n/i18n';
import type { Reflection } from '../utils/reflections/reflection';
import type { OnThisDay, ReviewAction } from '../utils/review/resurface';
import { lessonOf } from './ReflectionCard';

interface Props {
  /** The lesson due to come back, if any. */
  due: Reflection | null;
  onThisDay: readonly OnThisDay[];
  onReview: (id: string, action: ReviewAction) => void;
}

/** Looking back: one past lesson at a time, and what was written on this date before. */
export function LookBack({ due, onThisDay, onReview }: Props) {
  if (!due && onThisDay.length === 0) return null;
  return (
    <div class="look-back">
      {due && (
        <section class="resurface" aria-labelledby="resurface-title">
          <h2 id="resurface-title">{t('resurfaceTitle')}</h2>
          <blockquote class="lesson">{lessonOf(due)}</blockquote>
          <p class="muted meta">
            {t('writtenOn', formatDateTime(due.createdAt))}
            {due.review &&
              due.review.count > 0 &&
              ` · ${t('seenTimes', formatNumber(due.review.count))}`}
          </p>
          <div class="card-actions">
            <button type="button" class="primary" onClick={() => onReview(due.id, 'seen')}>
              {t('seenIt')}
            </button>
            <button type="button" onClick={() => onReview(due.id, 'relevant')}>
              {t('stillRelevant')}
            </button>
            <button type="button" onClick={() => onReview(due.id, 'retire')}>
              {t('retire')}
            </button>
          </div>
          <p class="muted hint">{t('resurfaceHint')}</p>
        </section>
      )}
      {onThisDay.length > 0 && (
        <section class="on-this-day" aria-labelledby="on-this-day-title">
          <h2 id="on-this-day-title">{t('onThisDayTitle')}</h2>
          <ul>
            {onThisDay.map(({ reflection, monthsAgo }) => (
              <li key={reflection.id}>
                <span class="muted">{formatMonthsAgo(monthsAgo)}: </span>
                {lessonOf(reflection)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
