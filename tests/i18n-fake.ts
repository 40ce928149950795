/** `browser.i18n` for unit tests: answers from the real catalogues in public/_locales. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Catalogue, messageGetter } from '../utils/message-format';

/** Read `public/_locales/<lang>/messages.json`. */
export function readCatalogue(lang: string): Catalogue {
  return JSON.parse(
    readFileSync(resolve('public/_locales', lang, 'messages.json'), 'utf8'),
  ) as Catalogue;
}

/** Chrome's `getMessage` over a catalogue. */
export const getMessageFrom = messageGetter;
