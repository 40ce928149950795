import { render } from 'preact';
import { ensureMessages } from '../../utils/i18n';
import { getSettings } from '../../utils/settings';
import { applyTheme } from '../../utils/theme';
import { App } from './App';
import { createReviewState } from './state';
import './style.css';

async function main() {
  const [settings] = await Promise.all([getSettings(), ensureMessages()]);
  applyTheme(document.documentElement, settings.theme);
  render(<App state={createReviewState()} />, document.getElementById('app') as HTMLElement);
}

void main();
