/**
 * The popup's first answer field is static HTML (entrypoints/popup/index.html), so it is on
 * screen and takes typing as soon as the page is parsed, before the app's JavaScript and its
 * storage reads. What that field should say — the first question of the template the next
 * popup opens with, as a message key so it follows the UI language — and the colour scheme
 * are remembered here in `localStorage`, the one store a page can read synchronously, and
 * applied before the first paint by public/popup-start.js. A hint, never data: when it is
 * missing or stale the app relabels the field as it mounts and keeps whatever was typed.
 */

import { LOCK_HINT_KEY } from '../lock/lock-hint';
import type { Question, questionsFor, TemplateId } from '../reflections/templates';
import type { Theme } from '../settings/capture-settings';
import type { Draft } from './draft';

/** What public/popup-start.js reads; keep the two in step. */
export interface PopupStart {
  /** The first question's answer key ("happened"): the field's id is `answer-<key>`. */
  key: string;
  /** Its wording, as a message key ('' for an own template's question). */
  label: string;
  /** An own template's question as written: set with `textContent`, never as HTML. */
  text?: string;
  /** 3 or 2, as App.tsx sizes the answer boxes. */
  rows: number;
  theme: Theme;
}

export const POPUP_START_KEY = 'fail-well:popup-start';

/** The hint for a popup whose first question is `first`. */
export function popupStart(
  first: Question,
  rows: number,
  theme: Theme,
  builtIn = true,
  locked = false,
): PopupStart {
  if (builtIn) return { key: first.key, label: first.label, rows, theme };
  // An own template's words are no message key: they travel as text (popup-start.js). With
  // the lock on they are words a person wrote, kept out of unencrypted `localStorage`: the
  // static field then asks the built-in question until the app relabels it.
  return locked
    ? { key: first.key, label: '', rows, theme }
    : { key: first.key, label: '', text: first.label, rows, theme };
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

/**
 * Keep the hint in step with the popup: the next popup's static field asks what this one would
 * open with — the draft's template while there is a draft, the default once it is saved.
 */
export function rememberPopupStart(
  state: {
    get(): { draft: Draft; status: string };
    subscribe(listener: () => void): unknown;
  },
  defaultTemplate: TemplateId,
  theme: Theme,
  // Handed in, not imported: an import would split the templates out of the popup's start chunk.
  questions: typeof questionsFor,
): void {
  let remembered = '';
  const remember = () => {
    const { draft, status } = state.get();
    const template = status === 'saved' ? defaultTemplate : draft.template;
    const [first] = questions(template, status === 'saved' ? undefined : draft.prompt);
    const rows = template === 'quick' || template === 'one' ? 3 : 2; // as App.tsx
    if (first) {
      const builtIn = !template.startsWith('own-');
      const start = popupStart(first, rows, theme, builtIn, Boolean(localStorage[LOCK_HINT_KEY]));
      remembered = writePopupStart(localStorage, start, remembered);
    }
  };
  remember();
  state.subscribe(remember);
}
