import { browser } from 'wxt/browser';
import { StingPicker } from '../../components/StingPicker';
import { TagInput } from '../../components/TagInput';
import { hasSidePanel, openSidePanel } from '../../utils/capture/side-panel-browser';
import { t } from '../../utils/i18n/i18n';
import type { PopupState } from './state';

/**
 * The tags, sting and "attach this page" inputs under the answers. Loaded beside the popup's
 * start-up storage reads (App.tsx `loadFormExtras`), off the path to the first field.
 */
export function FormExtras({ state }: { state: PopupState }) {
  const { draft, errors, suggestions, noPage, waitingDrafts } = state.get();
  // In the prompt window the browser shares no page: say so rather than attach nothing.
  const pageNote = noPage && !draft.context;
  return (
    <>
      {waitingDrafts ? <WaitingDraft /> : null}
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
      {hasSidePanel() && inToolbarPopup() && <OpenInPanel />}
    </>
  );
}

/** Whether this page is the toolbar's popup (not the side panel, a tab or the prompt window). */
function inToolbarPopup(): boolean {
  try {
    return browser.extension.getViews({ type: 'popup' }).includes(window);
  } catch {
    return false; // where a browser cannot list its views, no offer rather than a broken one
  }
}

// The popup's window, read as the form appears: the click must open the panel at once.
let windowId: number | undefined;
browser.windows
  ?.getCurrent()
  .then((w) => {
    windowId = w?.id;
  })
  .catch(() => {});

/**
 * "Open in side panel": the same draft goes on beside the page (the panel is this page, and
 * the draft is stored as it is typed), and the popup, which would close on the first click
 * away anyway, closes now.
 */
function OpenInPanel() {
  let alert: HTMLParagraphElement | null = null;
  const open = () => {
    openSidePanel({ windowId }).then(
      () => window.close(),
      () => {
        if (alert) alert.textContent = t('popupOpenPanelFailed');
      },
    );
  };
  return (
    <>
      <button type="button" class="link" onClick={open}>
        {t('popupOpenPanel')}
      </button>
      <p
        class="error"
        role="alert"
        ref={(el) => {
          alert = el;
        }}
      />
    </>
  );
}

/**
 * A draft from before a restart or a lock waits, sealed: unlocking here merges it into this
 * one (the form keeps working meanwhile; nothing typed on either side is lost).
 */
function WaitingDraft() {
  // Inside the popup's form, so no form of its own: Enter in the field unlocks, not saves.
  let passphrase = '';
  let alert: HTMLParagraphElement | null = null;
  const submit = async () => {
    if (alert) alert.textContent = '';
    const { unlock } = await import('../../utils/lock/lock-store');
    try {
      await unlock({ passphrase }, Date.now());
    } catch {
      if (alert) alert.textContent = t('unlockWrong');
      return;
    }
    await (await import('./draft-sync')).resumeWaitingDrafts();
  };
  return (
    <fieldset class="waiting-draft">
      <legend>{t('popupWaitingDraft')}</legend>
      <label>
        <span class="visually-hidden">{t('lockPassphrase')}</span>
        <input
          type="password"
          autocomplete="current-password"
          placeholder={t('lockPassphrase')}
          onInput={(event) => {
            passphrase = event.currentTarget.value;
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            event.stopPropagation();
            void submit();
          }}
        />
      </label>
      <button type="button" onClick={() => void submit()}>
        {t('unlockButton')}
      </button>
      <p
        class="error"
        role="alert"
        ref={(el) => {
          alert = el;
        }}
      />
    </fieldset>
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
