import type { Theme } from '../settings/capture-settings';

/** Apply the chosen colour scheme; "system" leaves it to `prefers-color-scheme`. */
export function applyTheme(root: HTMLElement, theme: Theme): void {
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}
