import { render } from 'preact';
import { parseRoute } from '../../utils/core/route';
import { applyTheme } from '../../utils/core/theme';
import { ensureMessages, t, uiLanguage } from '../../utils/i18n/i18n';
import { getSettings, watchSettings } from '../../utils/settings/settings-store';

import { App, readsReflections } from './App';
import { createLockView } from './lock/lock-view';
import { DEFAULT_SECTION } from './sections';
import { createReviewState } from './state';
import './style.css';

async function main() {
  const lock = createLockView();
  const state = createReviewState({
    // Records sealed while locked are rewritten with the data key once the search is ready.
    afterRead: (report) => void lock.compact(report.sealedToPublicKey).catch(() => {}),
  });
  // Open the database and read the newest rows while settings and messages load, unless the
  // section asked for never shows reflections (an export should not compete with reading)
  // or the journal is locked (there is nothing to read until it is unlocked).
  const status = lock.refresh();
  const section = parseRoute(location.hash, DEFAULT_SECTION).section;
  if (readsReflections(section) && (await status) !== 'locked') state.ensureStarted();
  const [settings] = await Promise.all([
    getSettings(),
    ensureMessages(),
    // Own templates, for the template filter and the editor's questions (a shared chunk).
    import('../../utils/reflections/own-templates-read-store').then((m) => m.loadOwnTemplates()),
  ]);
  // A seal left half way by a closed browser carries on here.
  void status.then(() => lock.resume());
  applyTheme(document.documentElement, settings.theme);
  // A theme chosen in another tab (or restored from an import) shows here without a reload.
  watchSettings((next) => applyTheme(document.documentElement, next.theme));
  // index.html's <title> and lang are English placeholders until the catalogue can answer.
  document.title = t('optionsPageTitle');
  document.documentElement.lang = uiLanguage();
  render(<App state={state} lock={lock} />, document.getElementById('app') as HTMLElement);
}

void main();
