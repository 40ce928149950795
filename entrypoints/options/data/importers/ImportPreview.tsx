import {
  type ImportPlan,
  SKIP_REASONS,
  type SkipReason,
} from '../../../../utils/data/importers/plan';
import { formatNumber, type MessageKey, plural, t, uiLanguage } from '../../../../utils/i18n/i18n';
import { LIMITS } from '../../../../utils/reflections/reflection';

const SKIP_KEYS: Readonly<Record<SkipReason, MessageKey>> = {
  empty: 'importerSkipEmpty',
  tooLong: 'importerSkipTooLong',
  tags: 'importerSkipTags',
  noDate: 'importerSkipNoDate',
  future: 'importerSkipFuture',
  duplicate: 'importerSkipDuplicate',
  broken: 'importerSkipBroken',
  notNote: 'importerSkipNotNote',
};

function skipLine(reason: SkipReason, count: number): string {
  const n = formatNumber(count);
  if (reason === 'tooLong') return t('importerSkipTooLong', n, formatNumber(LIMITS.answerChars));
  if (reason === 'tags') return t('importerSkipTags', n, LIMITS.tags, LIMITS.tagChars);
  return t(SKIP_KEYS[reason], n);
}

/** How each format's fields become a reflection's, with the counts the plan noted. */
function mappingLines(plan: ImportPlan): string[] {
  const notes = plan.notes;
  const n = (count: number | undefined) => formatNumber(count ?? 0);
  switch (plan.format) {
    case 'dayone':
      return [
        t('importerMapDayOneText'),
        t('importerMapDayOneTags'),
        t('importerMapDayOnePhotos', n(notes.photos), t('importerPhotoMarker')),
        t('importerMapDayOneEscapes', n(notes.unescaped)),
      ];
    case 'daylio':
      return [
        t('importerMapDaylioNote'),
        t('importerMapDaylioActivities'),
        t('importerMapDaylioMood'),
        t('importerMapStings', n(notes.stings)),
      ];
    case 'markdown':
      return [
        t('importerMapMarkdownDates'),
        t('importerMapMarkdownHeadings', n(notes.headings)),
        t('importerMapMarkdownWhole', n(notes.wholeBody)),
      ];
    case 'csv':
      return [];
  }
}

/** The preview of a plan: how many, which dates, how fields map, and what is left out why. */
export function ImportPreview({
  plan,
  name,
  zone,
}: {
  plan: ImportPlan;
  name: string;
  zone: string;
}) {
  const count = plan.reflections.length;
  const day = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeZone: zone });
  const skipped = SKIP_REASONS.filter((reason) => (plan.skipped[reason] ?? 0) > 0);
  const lines = mappingLines(plan);
  return (
    <section class="import-preview" aria-labelledby="importer-preview-title">
      <h4 id="importer-preview-title">{t('importerPreviewTitle', name)}</h4>
      <p>
        {count === 0 || plan.first === null || plan.last === null
          ? t('importerPreviewNone')
          : t(
              plural(count, 'importerPreviewOne', 'importerPreviewOther'),
              formatNumber(count),
              day.format(plan.first),
              day.format(plan.last),
            )}
      </p>
      {lines.length > 0 && (
        <>
          <h5>{t('importerMapTitle')}</h5>
          <ul>
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <h5>{t('importerSkippedTitle')}</h5>
      {skipped.length === 0 ? (
        <p class="muted">{t('importerSkippedNone')}</p>
      ) : (
        <ul class="import-skipped">
          {skipped.map((reason) => (
            <li key={reason}>{skipLine(reason, plan.skipped[reason] ?? 0)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
