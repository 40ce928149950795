import { render } from 'preact';
import { AnswerField } from '../../components/AnswerField';
import { t } from '../../utils/i18n/i18n';
import {
  offeredTemplates,
  questionsFor,
  type TemplateId,
  templateOf,
} from '../../utils/reflections/templates';
import type * as FormExtras from './FormExtras';
import type { PopupState } from './state';

interface Props {
  state: PopupState;
  defaultTemplate: TemplateId;
}

/**
 * The toolbar popup: a short, kind micro-prompt, saved with Ctrl/Cmd+Enter. A plain function
 * of the state snapshot; main.tsx re-renders it on every change (no hooks: the popup's
 * size budget has no room for them).
 */
export function App({ state, defaultTemplate }: Props) {
  const { status } = state.get();
  // The screens after a save or a check-in come with the form extras, loaded long before.
  if (status === 'saved' && Extras)
    return <Extras.Saved onAnother={() => state.startOver(defaultTemplate)} />;
  if (status === 'checked-in' && Extras) return <Extras.CheckedIn />;
  return <Form state={state} />;
}

// Tags, sting and the attach box sit below the answers: their code loads beside the start-up
// storage reads (`loadFormExtras`), off the path to the first field, and they show once it is
// there.
let Extras: typeof FormExtras | null = null;

/** Load the tag, sting and attach inputs; the form shows them from the next render on. */
export function loadFormExtras(): Promise<void> {
  return import('./FormExtras').then((m) => {
    Extras = m;
  });
}

/**
 * Render the popup into `root` (adopting popup.html's static first field) and again after
 * every state change and once the form extras are loaded; returns the unsubscribe.
 */
export function mountPopup(root: HTMLElement, state: PopupState, defaultTemplate: TemplateId) {
  const draw = () => render(<App state={state} defaultTemplate={defaultTemplate} />, root);
  draw();
  if (!Extras) void loadFormExtras().then(draw);
  return state.subscribe(draw);
}

function Form({ state }: { state: PopupState }) {
  const { draft, errors, attempted, saveError, status, hints } = state.get();
  const questions = questionsFor(draft.template, draft.prompt);
  const template = templateOf(draft.template);
  const formError = attempted ? errors?.form : undefined;

  return (
    <form
      class="popup"
      aria-label={t('popupFormName')}
      onSubmit={(event) => {
        event.preventDefault();
        void state.save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void state.save();
        }
      }}
    >
      <header class="popup-header">
        <h1>Fail Well</h1>
        <label class="template-picker">
          <span class="visually-hidden">{t('popupTemplate')}</span>
          <select
            value={draft.template}
            onChange={(event) => state.setTemplate(event.currentTarget.value as TemplateId)}
          >
            {offeredTemplates(draft.template).map((id) => (
              <option key={id} value={id}>
                {t(templateOf(id).name)}
              </option>
            ))}
          </select>
        </label>
      </header>
      <p class="hint">{t(template.hint)}</p>

      {questions.map((question, index) => (
        <AnswerField
          key={`${draft.template}-${question.key}`}
          id={`answer-${question.key}`}
          label={t(question.label)}
          placeholder={question.placeholder && t(question.placeholder)}
          value={draft.answers[question.key] ?? ''}
          error={errors?.answers[question.key]}
          hint={hints[question.key]?.suggestion}
          onDismissHint={() => state.dismissHint(question.key)}
          autoFocus={index === 0}
          rows={draft.template === 'quick' || draft.template === 'one' ? 3 : 2}
          onInput={(text) => state.setAnswer(question.key, text)}
        />
      ))}
      {draft.template === 'one' && (
        <button type="button" class="link" onClick={() => state.setTemplate('quick')}>
          {t('popupAddOtherQuestions')}
        </button>
      )}

      {Extras && <Extras.FormExtras state={state} />}

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
      <footer class="popup-footer">
        <button type="button" class="link checkin" onClick={() => void state.checkIn()}>
          {t('checkinButton')}
        </button>
        <span class="muted shortcut" aria-hidden="true">
          {t('popupShortcutHint')}
        </span>
        <button type="submit" class="primary" disabled={status === 'saving'}>
          {t('popupSave')}
        </button>
      </footer>
    </form>
  );
}
