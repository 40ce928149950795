/**
 * The shipped catalogues, for the rare page that the browser hands an empty message bundle
 * (see `ensureMessages` in i18n.ts). Loaded only then, each catalogue as its own chunk.
 */
import { type Catalogue, messageGetter } from './message-format';

const catalogues = import.meta.glob<Catalogue>('../../public/_locales/*/messages.json', {
  import: 'default',
});

/** A `getMessage` over the catalogue of `language` ("de-AT" → de), English when there is none. */
export async function loadFallbackMessages(language: string) {
  const path = (lang: string) => `../../public/_locales/${lang}/messages.json`;
  // Split here, in the lazy chunk, not in the popup's start-up code.
  const load = catalogues[path(language.split('-')[0] ?? '')] ?? catalogues[path('en')];
  return load ? messageGetter(await load()) : null;
}
