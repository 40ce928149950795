/**
 * The popup's first answer field is static HTML (entrypoints/popup/index.html), so it is on
 * screen and takes typing as soon as the page is parsed, before the app's JavaScript and its
 * storage reads. What that field should say — the first question of the template the next
 * popup opens with, as a message key so it follows the UI language — and the colour scheme
 * are remembered here in `localStorage`, the one store a page can read synchronously, and
 * applied before the first paint by public/popup-start.js. A hint, never data: when it is
 * missing or stale the app relabels the field as it mounts and keeps whatever was typed.
 */

import type { Question } from '../reflections/templates';
import type { Theme } from '../settings/capture-settings';

/** What public/popup-start.js reads; keep the two in step. */
export interface PopupStart {
  /** The first question's answer key ("happened"): the field's id is `answer-<key>`. */
  key: string;
  /** Its wording, as a message key. */
  label: string;
  /** 3 or 2, as App.tsx sizes the answer boxes. */
  rows: number;
  theme: Theme;
}

export const POPUP_START_KEY = 'fail-well:popup-start';

/** The hint for a popup whose first question is `first`. */
export function popupStart(first: Question, rows: number, theme: Theme): PopupStart {
  return { key: first.key, label: first.label, rows, theme };
}

/**
 * Remember what the next popup opens with, when it changed since `last` (the JSON written
 * before); returns what is stored now. A store that refuses only costs a relabel.
 */
export function writePopupStart(
  store: Pick<Storage, 'setItem'>,
  start: PopupStart,
  last = '',
): string {
  const text = JSON.stringify(start);
  try {
    if (text !== last) store.setItem(POPUP_START_KEY, text);
  } catch {
    // Storage blocked or full: the static field keeps the words it was built with.
  }
  return text;
}
