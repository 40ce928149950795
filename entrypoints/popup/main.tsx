import { render } from 'preact';
import { emptyDraft, loadDraft } from '../../utils/draft';
import { getSettings } from '../../utils/settings';
import { applyTheme } from '../../utils/theme';
import { App } from './App';
import { createPopupState } from './state';
import './style.css';

async function main() {
  // Two small storage reads before the first paint, so a restored draft is never
  // overwritten by a keystroke typed into an empty form.
  const [settings, draft] = await Promise.all([getSettings(), loadDraft().catch(() => null)]);
  applyTheme(document.documentElement, settings.theme);
  const state = createPopupState(
    draft ?? emptyDraft(settings.defaultTemplate, Date.now(), settings.attachPageByDefault),
  );
  render(
    <App state={state} defaultTemplate={settings.defaultTemplate} />,
    document.getElementById('app') as HTMLElement,
  );
}

void main();
