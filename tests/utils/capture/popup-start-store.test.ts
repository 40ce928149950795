// @vitest-environment happy-dom
/**
 * The start hint's two halves together: utils/capture/popup-start-store.ts writes it, public/popup-start.js
 * reads it into popup.html's static field (both files are the shipped ones).
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  POPUP_START_KEY,
  popupStart,
  writePopupStart,
} from '../../../utils/capture/popup-start-store';
import { TEMPLATES } from '../../../utils/reflections/templates';

const html = readFileSync('entrypoints/popup/index.html', 'utf8');
const script = readFileSync('public/popup-start.js', 'utf8');
const GERMAN: Record<string, string> = { qExpected: 'Was sollte passieren?' };

/** popup.html's body as the parser leaves it, then its start script, with `messages`. */
function openStaticPopup(messages: Record<string, string> = GERMAN) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const app = parsed.getElementById('app');
  if (!app) throw new Error('popup.html has no #app');
  document.documentElement.removeAttribute('data-theme');
  document.body.replaceChildren(document.importNode(app, true));
  delete document.body.dataset.saveAsked;
  const chrome = { i18n: { getMessage: (key: string) => messages[key] ?? '' } };
  new Function('chrome', script)(chrome);
  const field = document.querySelector('textarea') as HTMLTextAreaElement;
  const label = document.querySelector(`label[for="${field.id}"]`);
  return { field, label: label?.textContent ?? null };
}

beforeEach(() => localStorage.clear());

describe('popup start hint', () => {
  it('without a hint the static field asks the Quick template’s first question', () => {
    const { field, label } = openStaticPopup();
    expect(label).toBe('What happened?');
    expect(field.id).toBe('answer-happened');
    expect(field.autofocus).toBe(true);
  });

  it('asks the remembered first question in the UI language, in the remembered theme', () => {
    const [first] = TEMPLATES.aar.questions;
    if (!first) throw new Error('AAR has no questions');
    writePopupStart(localStorage, popupStart(first, 2, 'dark'));
    const { field, label } = openStaticPopup();
    expect(label).toBe('Was sollte passieren?');
    expect(field.id).toBe('answer-expected');
    expect(field.getAttribute('rows')).toBe('2');
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it.each([
    [
      'an empty message bundle',
      { key: 'expected', label: 'qExpected', rows: 2, theme: 'system' },
      {},
    ],
    ['a label that is not a message key', { key: 'x', label: '<b>hi</b>', rows: 3 }, GERMAN],
    ['an id that is not an answer key', { key: 'a b', label: 'qExpected', rows: 3 }, GERMAN],
  ])('keeps the built-in English with %s', (_case, hint, messages) => {
    localStorage.setItem(POPUP_START_KEY, JSON.stringify(hint));
    expect(openStaticPopup(messages)).toMatchObject({ label: 'What happened?' });
  });

  it('asks an own template’s question as written, as text and never as HTML', () => {
    const own = { key: 'qwho', label: 'Who noticed <b>first</b>?' };
    writePopupStart(localStorage, popupStart(own as never, 2, 'system', false));
    expect(JSON.parse(localStorage.getItem(POPUP_START_KEY) ?? '')).toMatchObject({
      key: 'qwho',
      label: '',
      text: 'Who noticed <b>first</b>?',
    });
    const { field, label } = openStaticPopup();
    expect(label).toBe('Who noticed <b>first</b>?');
    expect(document.querySelector('label b')).toBeNull();
    expect(field.id).toBe('answer-qwho');
  });

  it('keeps an own question out of the hint while the journal is locked', () => {
    const own = { key: 'qwho', label: 'Who noticed first?' };
    writePopupStart(localStorage, popupStart(own as never, 2, 'system', false, true));
    expect(localStorage.getItem(POPUP_START_KEY)).not.toContain('Who noticed');
    expect(openStaticPopup()).toMatchObject({ label: 'What happened?' });
  });

  it('survives a hint that is not JSON', () => {
    localStorage.setItem(POPUP_START_KEY, '{oops');
    expect(openStaticPopup()).toMatchObject({ label: 'What happened?' });
  });

  it('writes only when the hint changed', () => {
    const writes: string[] = [];
    const store = { setItem: (_key: string, value: string) => void writes.push(value) };
    const start = popupStart({ key: 'happened', label: 'qHappened' }, 3, 'system');
    const last = writePopupStart(store, start);
    writePopupStart(store, start, last);
    writePopupStart(store, { ...start, theme: 'light' }, last);
    expect(writes.map((w) => JSON.parse(w).theme)).toEqual(['system', 'light']);
  });

  it('a refusing store costs nothing but the hint', () => {
    const store = {
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(() =>
      writePopupStart(store, popupStart({ key: 'happened', label: 'qHappened' }, 3, 'dark')),
    ).not.toThrow();
  });

  it('remembers Ctrl+Enter pressed before the app mounted, and only then', () => {
    const { field } = openStaticPopup();
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(document.body.dataset.saveAsked).toBeUndefined();
    field.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }),
    );
    expect(document.body.dataset.saveAsked).toBe('');

    // Once the app is there (its Save button), the app's own handler saves.
    delete document.body.dataset.saveAsked;
    const save = document.createElement('button');
    save.type = 'submit';
    field.form?.append(save);
    field.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }),
    );
    expect(document.body.dataset.saveAsked).toBeUndefined();
  });
});
