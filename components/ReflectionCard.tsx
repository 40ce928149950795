import { useState } from 'preact/hooks';
import { formatDateTime, TRIGGER_LABELS } from '../utils/format';
import { t } from '../utils/i18n';
import type { Reflection } from '../utils/reflection';
import { snippet, textMatches } from '../utils/search';
import { questionLabel } from '../utils/templates';
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
      aria-label={`Reflection from ${when}${reflection.pinned ? ', pinned' : ''}`}
    >
      <p class={elsewhere ? 'lesson short' : 'lesson'}>
        <Highlighted text={lesson} terms={terms} />
      </p>
      {elsewhere && (
        <p class="snippet">
          <span class="muted">
            {questionLabel(reflection.template, elsewhere[0], reflection.prompt)}{' '}
          </span>
          <Highlighted text={snippet(elsewhere[1], terms)} terms={terms} />
        </p>
      )}
      <p class="meta">
        {reflection.pinned && <span class="pin-mark">Pinned</span>}
        <time dateTime={new Date(reflection.createdAt).toISOString()}>{when}</time>
        <span>{TRIGGER_LABELS[reflection.trigger]}</span>
        {reflection.sting !== null && <span>Sting {reflection.sting}/5</span>}
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
          {open ? 'Hide answers' : 'Read all answers'}
        </button>
        {onEdit && (
          <button
            type="button"
            class="link"
            onClick={onEdit}
            aria-label={`Edit reflection from ${when}`}
          >
            Edit
          </button>
        )}
        {onShare && (
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
            aria-label={`Pin reflection from ${when}`}
          >
            {reflection.pinned ? 'Pinned' : 'Pin'}
          </button>
        )}
        {onDelete && (
          <button
            type="button"
            class="link danger"
            onClick={onDelete}
            aria-label={`Delete reflection from ${when}`}
          >
            Delete
          </button>
        )}
      </div>
      {open && (
        <dl id={detailsId} class="answers">
          {Object.entries(answers).map(([key, text]) => (
            <div key={key}>
              <dt>{questionLabel(reflection.template, key, reflection.prompt)}</dt>
              <dd>
                <Highlighted text={text} terms={terms} />
              </dd>
            </div>
          ))}
          {reflection.context && (
            <div>
              <dt>Context</dt>
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
