import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { type MessageKey, t } from '../../../../utils/i18n/i18n';
import {
  moveQuestion,
  roomForQuestion,
  type TemplateErrors,
  validateTemplate,
} from '../../../../utils/reflections/own-template-edits';
import {
  newId,
  type OwnQuestion,
  type OwnTemplate,
  QUESTION_ROLES,
  type QuestionRole,
} from '../../../../utils/reflections/own-templates';

const ROLE_LABELS: Record<QuestionRole, MessageKey> = {
  happened: 'templateRoleHappened',
  learned: 'templateRoleLearned',
  nextTime: 'templateRoleNextTime',
  extra: 'templateRoleExtra',
};

interface Props {
  /** The template as it was opened (a copy, a new one, or an imported file). */
  initial: OwnTemplate;
  /** Store it; resolves to a message when the write was refused (the form stays open). */
  onSave: (template: OwnTemplate) => Promise<string | null>;
  onCancel: () => void;
  /** Ids for fresh questions; tests pass a fixed one. */
  random?: () => number;
}

/**
 * One own template being edited: its name, and per question the words, a one-line hint and
 * its role; questions are added, removed and moved with buttons, so the keyboard does it all.
 * Nothing is stored until "Save template", and a refused save keeps every word on screen.
 */
export function TemplateEditor({ initial, onSave, onCancel, random = Math.random }: Props) {
  const [template, setTemplate] = useState(initial);
  const [errors, setErrors] = useState<TemplateErrors | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const [saving, setSaving] = useState(false);
  // After a move, the button pressed keeps the focus on the question it moved.
  const focusAfter = useRef<{ id: string; by: -1 | 1 } | null>(null);
  const root = useRef<HTMLFormElement>(null);

  // A layout effect: in the same task as the move's DOM change, so the focus never rests on a
  // button the move just disabled (which the browser would blur) or waits for a busy frame.
  useLayoutEffect(() => {
    const wanted = focusAfter.current;
    if (!wanted) return;
    focusAfter.current = null;
    const find = (by: -1 | 1) =>
      root.current?.querySelector<HTMLButtonElement>(`[data-move="${wanted.id}:${by}"]`);
    const button = find(wanted.by);
    // At the top or the bottom the pressed button is disabled: the other one takes the focus.
    (button && !button.disabled ? button : find(wanted.by === -1 ? 1 : -1))?.focus();
  });

  const change = (next: OwnTemplate) => {
    setTemplate(next);
    setSaveError(null);
    // Errors are shown once a save was tried, then kept up to date as the person types.
    if (attempted) setErrors(validateTemplate(next));
  };
  const changeQuestion = (id: string, patch: Partial<OwnQuestion>) =>
    change({
      ...template,
      questions: template.questions.map((q) => (q.id === id ? { ...q, ...patch } : q)),
    });
  const full = roomForQuestion(template);

  const save = async () => {
    setAttempted(true);
    const invalid = validateTemplate(template);
    setErrors(invalid);
    if (invalid) return;
    setSaving(true);
    const message = await onSave(template);
    setSaving(false);
    setSaveError(message);
  };

  const formError = errors?.form;
  return (
    <form
      ref={root}
      class="card template-editor"
      aria-label={t('templateEditorName', template.name.trim() || t('templateNewName'))}
      autoComplete="off"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <div class="field">
        <label for="template-name">{t('templateName')}</label>
        <input
          id="template-name"
          value={template.name}
          aria-invalid={errors?.name ? true : undefined}
          aria-describedby={errors?.name ? 'template-name-error' : undefined}
          onInput={(event) => change({ ...template, name: event.currentTarget.value })}
        />
        {errors?.name && (
          <p id="template-name-error" class="error">
            {errors.name}
          </p>
        )}
      </div>
      <fieldset class="template-questions">
        <legend>{t('templateQuestionsLegend')}</legend>
        <ol>
          {template.questions.map((question, index) => (
            <QuestionRow
              key={question.id}
              question={question}
              number={index + 1}
              last={index === template.questions.length - 1}
              error={errors?.questions[question.id]}
              onChange={(patch) => changeQuestion(question.id, patch)}
              onMove={(by) => {
                focusAfter.current = { id: question.id, by };
                change(moveQuestion(template, index, by));
                setAnnounce(t('templateMoved', index + 1 + by));
              }}
              onRemove={() =>
                change({
                  ...template,
                  questions: template.questions.filter((q) => q.id !== question.id),
                })
              }
            />
          ))}
        </ol>
        <button
          type="button"
          aria-describedby={full ? 'template-full' : undefined}
          disabled={full !== null}
          onClick={() =>
            change({
              ...template,
              questions: [
                ...template.questions,
                { id: newId('q', random), role: 'extra', text: '', hint: '' },
              ],
            })
          }
        >
          {t('templateAddQuestion')}
        </button>
        {full && (
          <p id="template-full" class="muted small">
            {full}
          </p>
        )}
      </fieldset>
      {formError && (
        <p class="error" role="alert">
          {formError}
        </p>
      )}
      {saveError && (
        <p class="error" role="alert">
          {saveError}
        </p>
      )}
      <p class="visually-hidden" role="status">
        {announce}
      </p>
      <div class="editor-actions">
        <button type="button" onClick={onCancel}>
          {t('templateCancel')}
        </button>
        <button type="submit" class="primary" disabled={saving}>
          {t('templateSave')}
        </button>
      </div>
    </form>
  );
}

function QuestionRow({
  question,
  number,
  last,
  error,
  onChange,
  onMove,
  onRemove,
}: {
  question: OwnQuestion;
  number: number;
  last: boolean;
  error: string | undefined;
  onChange: (patch: Partial<OwnQuestion>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const id = `tq-${question.id}`;
  return (
    <li class="template-question">
      <div class="field">
        <label for={`${id}-text`}>{t('templateQuestion', number)}</label>
        <input
          id={`${id}-text`}
          value={question.text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(event) => onChange({ text: event.currentTarget.value })}
        />
      </div>
      <div class="inline-fields">
        <div class="field">
          <label for={`${id}-hint`}>{t('templateQuestionHint', number)}</label>
          <input
            id={`${id}-hint`}
            value={question.hint}
            onInput={(event) => onChange({ hint: event.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for={`${id}-role`}>{t('templateRole', number)}</label>
          <select
            id={`${id}-role`}
            value={question.role}
            onChange={(event) => onChange({ role: event.currentTarget.value as QuestionRole })}
          >
            {QUESTION_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(ROLE_LABELS[role])}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && (
        <p id={`${id}-error`} class="error">
          {error}
        </p>
      )}
      <div class="card-actions">
        <button
          type="button"
          data-move={`${question.id}:-1`}
          aria-label={t('templateMoveUpName', number)}
          disabled={number === 1}
          onClick={() => onMove(-1)}
        >
          {t('templateMoveUp')}
        </button>
        <button
          type="button"
          data-move={`${question.id}:1`}
          aria-label={t('templateMoveDownName', number)}
          disabled={last}
          onClick={() => onMove(1)}
        >
          {t('templateMoveDown')}
        </button>
        <button
          type="button"
          class="link danger"
          aria-label={t('templateRemoveQuestionName', number)}
          onClick={onRemove}
        >
          {t('templateRemoveQuestion')}
        </button>
      </div>
    </li>
  );
}
