/** `browser.i18n` for unit tests: answers from the real catalogues in public/_locales. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Catalogue, messageGetter } from '../utils/i18n/message-format';

/** Read `public/_locales/<lang>/messages.json`. */
export function readCatalogue(lang: string): Catalogue {
  return JSON.parse(
    readFileSync(resolve('public/_locales', lang, 'messages.json'), 'utf8'),
  ) as Catalogue;
}

/** Chrome's `getMessage` over a catalogue. */
export const getMessageFrom = messageGetter;

/** Make the fake browser speak a catalogue's language, as a browser set to it would. */
export function useLanguage(lang: string, uiLanguage = lang): void {
  fakeBrowser.i18n.getMessage = messageGetter(
    readCatalogue(lang),
  ) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => uiLanguage;
}
