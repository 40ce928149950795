import { useState } from 'preact/hooks';
import { formatDateTime, TRIGGER_LABELS } from '../utils/format';
import type { Reflection } from '../utils/reflection';
import { questionLabel } from '../utils/templates';

interface Props {
  reflection: Reflection;
}

/** One reflection in the list: its lesson first, then when, tags, sting and trigger. */
export function ReflectionCard({ reflection }: Props) {
  const [open, setOpen] = useState(false);
  const { answers } = reflection;
  const lesson =
    answers.learned || answers.nextTime || answers.happened || Object.values(answers)[0] || '';
  const detailsId = `details-${reflection.id}`;
  return (
    <article class="card" aria-label={`Reflection from ${formatDateTime(reflection.createdAt)}`}>
      <p class="lesson">{lesson}</p>
      <p class="meta">
        <time dateTime={new Date(reflection.createdAt).toISOString()}>
          {formatDateTime(reflection.createdAt)}
        </time>
        <span>{TRIGGER_LABELS[reflection.trigger]}</span>
        {reflection.sting !== null && <span>Sting {reflection.sting}/5</span>}
        {reflection.tags.map((tag) => (
          <span key={tag} class="tag">
            {tag}
          </span>
        ))}
      </p>
      <button
        type="button"
        class="link"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide answers' : 'Read all answers'}
      </button>
      {open && (
        <dl id={detailsId} class="answers">
          {Object.entries(answers).map(([key, text]) => (
            <div key={key}>
              <dt>{questionLabel(reflection.template, key, reflection.prompt)}</dt>
              <dd>{text}</dd>
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
