import { browser } from 'wxt/browser';
import { StingPicker } from '../../components/StingPicker';
import { TagInput } from '../../components/TagInput';
import { t } from '../../utils/i18n/i18n';
import type { PopupState } from './state';

/**
 * The tags, sting and "attach this page" inputs under the answers. Loaded beside the popup's
 * start-up storage reads (App.tsx `loadFormExtras`), off the path to the first field.
 */
export function FormExtras({ state }: { state: PopupState }) {
  const { draft, errors, suggestions, noPage } = state.get();
  // In the prompt window the browser shares no page: say so rather than attach nothing.
  const pageNote = noPage && !draft.context;
  return (
    <>
      <TagInput
        id="tags"
        tags={draft.tags}
        text={draft.tagText}
        suggestions={suggestions}
        error={errors?.tags}
        onChange={(tags, text) => state.setTags(tags, text)}
      />
      <StingPicker name="sting" value={draft.sting} onChange={(sting) => state.setSting(sting)} />
      <label class="check">
        <input
          type="checkbox"
          checked={draft.attachPage}
          aria-describedby={pageNote ? 'page-note' : undefined}
          onChange={(event) => void state.setAttachPage(event.currentTarget.checked)}
        />
        {draft.attachPage && draft.context?.title
          ? t('popupAttachPageTitled', draft.context.title)
          : t('popupAttachPage')}
      </label>
      {pageNote && (
        <p id="page-note" class="muted">
          {t('popupAttachPageWindow')}
        </p>
      )}
    </>
  );
}

/** After a save: kind words and the way to the lessons. */
export function Saved({ onAnother }: { onAnother: () => void }) {
  return (
    <section class="popup saved" aria-labelledby="saved-title">
      <h1 id="saved-title" tabIndex={-1} ref={(el) => el?.focus()}>
        {t('popupSavedTitle')}
      </h1>
      <p role="status">{t('popupSavedBody')}</p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          {t('popupOpenLessons')}
        </button>
        <button type="button" onClick={onAnother}>
          {t('popupWriteAnother')}
        </button>
      </div>
    </section>
  );
}

/** After "nothing to reflect on today": a calm day counts too. */
export function CheckedIn() {
  return (
    <section class="popup saved" aria-labelledby="checkin-title">
      <h1 id="checkin-title" tabIndex={-1} ref={(el) => el?.focus()}>
        {t('checkinDoneTitle')}
      </h1>
      <p role="status">{t('checkinDoneBody')}</p>
    </section>
  );
}
