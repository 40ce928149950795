import { emptyDraft } from '../../utils/capture/draft';
import { loadDraft } from '../../utils/capture/draft-store';
import { ownRecord } from '../../utils/core/parse';
import { applyTheme } from '../../utils/core/theme';
import { ensureMessages, uiLanguage } from '../../utils/i18n/i18n';
import { questionsFor } from '../../utils/reflections/templates';
import { parseCaptureSettings } from '../../utils/settings/capture-settings';
import { readStoredSettings } from '../../utils/settings/settings-read-store';
import { loadFormExtras, mountPopup } from './App';
import { createPopupState, warmUpSave } from './state';
import './style.css';

async function main() {
  warmUpSave();
  // Two small storage reads before the app mounts, so a restored draft is never overwritten
  // by a keystroke typed into an empty form. popup.html's static first field is on screen
  // (and takes typing) meanwhile.
  const [stored, draft] = await Promise.all([
    readStoredSettings(),
    loadDraft().catch(() => null),
    ensureMessages(),
    loadFormExtras(),
    // Own templates, so the draft's template and the picker know them (a lazy chunk).
    import('../../utils/reflections/own-templates-read-store').then((m) => m.loadOwnTemplates()),
  ]);
  const settings = parseCaptureSettings(stored);
  applyTheme(document.documentElement, settings.theme);
  // popup.html says "en" until the catalogue can answer.
  document.documentElement.lang = uiLanguage();
  const state = createPopupState(
    draft ?? emptyDraft(settings.defaultTemplate, Date.now(), settings.attachPageByDefault),
    // `{}`: no stored follow-up settings means the defaults, parsed when a save plans them.
    { selfBlameHints: settings.selfBlameHints, followUps: ownRecord(stored).followUps ?? {} },
  );
  // Read in the same task as the mount, so no keystroke falls between the two.
  const typed = document.querySelector<HTMLTextAreaElement>('#app textarea')?.value;
  if (typed) state.adoptTyped(typed);
  mountPopup(document.getElementById('app') as HTMLElement, state, settings.defaultTemplate);

  // Popups die on blur: write the pending draft the moment the page is hidden.
  const flush = () => void state.flushDraft(true);
  document.addEventListener('visibilitychange', flush);
  window.addEventListener('pagehide', flush);
  // Ctrl/Cmd+Enter pressed in the static field before the app was there (popup-start.js).
  if (document.body.dataset.saveAsked !== undefined) {
    delete document.body.dataset.saveAsked;
    void state.save();
  }
  // Suggestions and hints are niceties (and open the database before the first save).
  state.preload().catch(() => {});
  // The next popup's static field: not needed to type, loaded later.
  void import('../../utils/capture/popup-start-store').then((m) =>
    m.rememberPopupStart(state, settings.defaultTemplate, settings.theme, questionsFor),
  );
  // The user is here: the nudge badge has done its job (a reminder on it leaves a link).
  void import('../../utils/nudges/reminder-link-store').then((m) => m.popupOpened(document.body));
}

void main();
