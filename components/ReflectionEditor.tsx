import { useState } from 'preact/hooks';
import { formatDateTime } from '../utils/i18n/format';
import { t } from '../utils/i18n/i18n';
import { questionLabel } from '../utils/reflections/question-label';
import {
  parseTagText,
  type Reflection,
  type ShareRecord,
  type Sting,
  type ValidationErrors,
  validateReflection,
} from '../utils/reflections/reflection';
import { questionsFor } from '../utils/reflections/templates';
import { AnswerField } from './AnswerField';
import { StingPicker } from './StingPicker';
import { TagInput } from './TagInput';

interface Props {
  reflection: Reflection;
  suggestions: readonly string[];
  /** Resolves to an error message, or null when saved. */
  onSave: (edit: {
    answers: Record<string, string>;
    tags: string[];
    sting: Sting | null;
    share?: ShareRecord | null;
  }) => Promise<string | null>;
  onCancel: () => void;
}

/** Edit a reflection in place: every answer, tags and sting, validated like the popup. */
export function ReflectionEditor({ reflection, suggestions, onSave, onCancel }: Props) {
  const [answers, setAnswers] = useState<Record<string, string>>(reflection.answers);
  const [tags, setTags] = useState(reflection.tags);
  const [tagText, setTagText] = useState('');
  const [sting, setSting] = useState<Sting | null>(reflection.sting);
  const [affected, setAffected] = useState(reflection.share?.affected ?? '');
  const [told, setTold] = useState(reflection.share?.told ?? false);
  const [errors, setErrors] = useState<ValidationErrors | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // The template's questions first, then any other answer the reflection holds.
  const keys = [
    ...questionsFor(reflection.template, reflection.prompt).map((q) => q.key),
    ...Object.keys(reflection.answers),
  ].filter((key, i, all) => all.indexOf(key) === i);
  const when = formatDateTime(reflection.createdAt);

  const save = async () => {
    const allTags = [...tags, ...parseTagText(tagText)];
    const input = { template: reflection.template, answers, tags: allTags, sting };
    const invalid = validateReflection(input);
    setErrors(invalid);
    if (invalid) return;
    setSaving(true);
    // Blank answers are dropped, as when a reflection is first saved.
    const kept = Object.fromEntries(Object.entries(answers).filter(([, t]) => t.trim() !== ''));
    // Who was affected is an open item until ticked; nothing to track when nobody was named.
    const before = reflection.share;
    const share: ShareRecord | null =
      affected.trim() === '' && !told
        ? null
        : {
            affected: affected.trim(),
            told,
            // The saving side stamps the time when it is newly ticked.
            toldAt: told && before?.told ? before.toldAt : null,
          };
    const message = await onSave({
      answers: kept,
      tags: parseTagText(allTags.join(',')),
      sting,
      share,
    });
    setSaving(false);
    setSaveError(message);
  };

  return (
    <form
      class="card editor"
      aria-label={t('editLabel', when)}
      // No form state in the browser's session restore on disk: an edit holds the words.
      autoComplete="off"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void save();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      {keys.map((key, i) => (
        <AnswerField
          key={key}
          id={`edit-${reflection.id}-${key}`}
          label={questionLabel(reflection.template, key, reflection.prompt, reflection.wording)}
          value={answers[key] ?? ''}
          error={errors?.answers[key]}
          autoFocus={i === 0}
          rows={3}
          onInput={(text) => setAnswers({ ...answers, [key]: text })}
        />
      ))}
      <TagInput
        id={`edit-${reflection.id}-tags`}
        tags={tags}
        text={tagText}
        suggestions={suggestions}
        error={errors?.tags}
        onChange={(nextTags, text) => {
          setTags(nextTags);
          setTagText(text);
        }}
      />
      <StingPicker name={`edit-${reflection.id}-sting`} value={sting} onChange={setSting} />
      <div class="field">
        <label for={`edit-${reflection.id}-affected`}>{t('tellThemAffected')}</label>
        <input
          id={`edit-${reflection.id}-affected`}
          type="text"
          maxLength={200}
          value={affected}
          onInput={(e) => setAffected(e.currentTarget.value)}
        />
      </div>
      <label class="check">
        <input type="checkbox" checked={told} onChange={(e) => setTold(e.currentTarget.checked)} />
        {t('tellThemTold')}
      </label>
      {errors?.form && (
        <p class="error" role="alert">
          {errors.form}
        </p>
      )}
      {saveError && (
        <p class="error" role="alert">
          {saveError}
        </p>
      )}
      <div class="editor-actions">
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" class="primary" disabled={saving}>
          {t('saveChanges')}
        </button>
      </div>
    </form>
  );
}
