import { useState } from 'preact/hooks';
import { formatDateTime, triggerLabel } from '../utils/i18n/format';
import { t } from '../utils/i18n/i18n';
import { questionLabel } from '../utils/reflections/question-label';
import type { Reflection } from '../utils/reflections/reflection';
import { snippet, textMatches } from '../utils/review/search-highlight';
import { Highlighted } from './Highlighted';

interface Props {
  reflection: Reflection;
  /** Search words to highlight. */
  terms?: readonly string[];
  /** Controlled open state; the card keeps its own when left out. */
  expanded?: boolean;
  onToggle?: () => void;
  onEdit?: () => void;
  onPin?: () => void;
  onDelete?: () => void;
  /** Open the share dialog (the button keeps focus history, so it gets focus back). */
  onShare?: () => void;
}

/** The lesson of a reflection: what was learned, or the nearest answer to it. */
export function lessonOf(reflection: Reflection): string {
  const { answers } = reflection;
  return answers.learned || answers.nextTime || answers.happened || Object.values(answers)[0] || '';
}

/** One reflection in the list: its lesson first, then when, tags, sting and trigger. */
export function ReflectionCard({
  reflection,
  terms = [],
  expanded,
  onToggle,
  onEdit,
  onPin,
  onDelete,
  onShare,
}: Props) {
  const [ownOpen, setOwnOpen] = useState(false);
  const open = expanded ?? ownOpen;
  const toggle = onToggle ?? (() => setOwnOpen(!ownOpen));
  const { answers } = reflection;
  const lesson = lessonOf(reflection);
  const when = formatDateTime(reflection.createdAt);
  const detailsId = `details-${reflection.id}`;
  // When the lesson itself does not match the search, show where the match is.
  const elsewhere =
    terms.length > 0 && !textMatches(lesson, terms)
      ? Object.entries(answers).find(([, text]) => text !== lesson && textMatches(text, terms))
      : undefined;
  return (
    <article
      tabIndex={-1}
      class={open ? 'card open' : 'card'}
      aria-label={t(reflection.pinned ? 'cardLabelPinned' : 'cardLabel', when)}
    >
      {reflection.sealed ? (
        // Unlocked, yet its envelope would not open (changed on disk, another key): said
        // plainly, kept as it is, never shown garbled.
        <p class="lesson muted">{t('lockUnreadable')}</p>
      ) : (
        <p class={elsewhere ? 'lesson short' : 'lesson'}>
          <Highlighted text={lesson} terms={terms} />
        </p>
      )}
      {elsewhere && (
        <p class="snippet">
          <span class="muted">
            {questionLabel(
              reflection.template,
              elsewhere[0],
              reflection.prompt,
              reflection.wording,
            )}{' '}
          </span>
          <Highlighted text={snippet(elsewhere[1], terms)} terms={terms} />
        </p>
      )}
      <p class="meta">
        {reflection.pinned && <span class="pin-mark">{t('pinned')}</span>}
        <time dateTime={new Date(reflection.createdAt).toISOString()}>{when}</time>
        <span>{triggerLabel(reflection.trigger)}</span>
        {reflection.sting !== null && <span>{t('stingOutOfFive', reflection.sting)}</span>}
        {reflection.share?.affected && !reflection.share.told && (
          <span class="tell-mark">{t('tellThemOpen', reflection.share.affected)}</span>
        )}
        {reflection.tags.map((tag) => (
          <span key={tag} class="tag">
            {/* One inner span: the tag's flex gap must not split "code-" from a marked "review". */}
            <span>
              <Highlighted text={tag} terms={terms} />
            </span>
          </span>
        ))}
      </p>
      <div class="card-actions">
        <button
          type="button"
          class="link"
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={toggle}
        >
          {open ? t('hideAnswers') : t('readAllAnswers')}
        </button>
        {onEdit && !reflection.sealed && (
          <button type="button" class="link" onClick={onEdit} aria-label={t('editLabel', when)}>
            {t('edit')}
          </button>
        )}
        {onShare && !reflection.sealed && (
          <button type="button" class="link" onClick={onShare} aria-label={t('shareOpen', when)}>
            {t('shareAction')}
          </button>
        )}
        {onPin && (
          <button
            type="button"
            class="link"
            aria-pressed={reflection.pinned}
            onClick={onPin}
            aria-label={t('pinLabel', when)}
          >
            {reflection.pinned ? t('pinned') : t('pin')}
          </button>
        )}
        {onDelete && (
          <button
            type="button"
            class="link danger"
            onClick={onDelete}
            aria-label={t('deleteLabel', when)}
          >
            {t('delete')}
          </button>
        )}
      </div>
      {open && (
        <dl id={detailsId} class="answers">
          {Object.entries(answers).map(([key, text]) => (
            <div key={key}>
              <dt>
                {questionLabel(reflection.template, key, reflection.prompt, reflection.wording)}
              </dt>
              <dd>
                <Highlighted text={text} terms={terms} />
              </dd>
            </div>
          ))}
          {reflection.context && (
            <div>
              <dt>{t('contextLabel')}</dt>
              <dd>
                {reflection.context.title}
                {reflection.context.url && <span class="muted"> — {reflection.context.url}</span>}
                {reflection.context.selection && <q>{reflection.context.selection}</q>}
              </dd>
            </div>
          )}
        </dl>
      )}
    </article>
  );
}
