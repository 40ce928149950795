import { getCaptureSettings } from '../../utils/capture-settings';
import { emptyDraft, loadDraft } from '../../utils/draft';
import { ensureMessages } from '../../utils/i18n';
import { applyTheme } from '../../utils/theme';
import { mountPopup } from './App';
import { createPopupState } from './state';
import './style.css';

async function main() {
  // Two small storage reads before the first paint, so a restored draft is never
  // overwritten by a keystroke typed into an empty form.
  const [settings, draft] = await Promise.all([
    getCaptureSettings(),
    loadDraft().catch(() => null),
    ensureMessages(),
  ]);
  applyTheme(document.documentElement, settings.theme);
  const state = createPopupState(
    draft ?? emptyDraft(settings.defaultTemplate, Date.now(), settings.attachPageByDefault),
    { selfBlameHints: settings.selfBlameHints, followUps: settings.followUps },
  );
  mountPopup(document.getElementById('app') as HTMLElement, state, settings.defaultTemplate);

  // Popups die on blur: write the pending draft the moment the page is hidden.
  const flush = () => void state.flushDraft();
  document.addEventListener('visibilitychange', flush);
  window.addEventListener('pagehide', flush);
  // Suggestions and hints are niceties (and open the database before the first save).
  state.preload().catch(() => {});
  // The user is here: the nudge badge has done its job (a reminder on it leaves a link).
  void import('../../utils/reminder-link').then((m) => m.popupOpened(document.body));
}

void main();
