import { render } from 'preact';
import { getSettings } from '../../utils/settings';
import { applyTheme } from '../../utils/theme';
import { App } from './App';
import { createReviewState } from './state';
import './style.css';

async function main() {
  applyTheme(document.documentElement, (await getSettings()).theme);
  render(<App state={createReviewState()} />, document.getElementById('app') as HTMLElement);
}

void main();
