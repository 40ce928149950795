/**
 * The background worker's fallback catalogues (see `ensureMessages` in i18n.ts): only the
 * strings the worker shows, cut down at build time by scripts/worker-messages-plugin.ts.
 */
import catalogues from 'virtual:worker-messages';
import { messageGetter } from './message-format';

/** A `getMessage` over the worker's strings in `language` ("de-AT" → de), English when there is none. */
export async function loadFallbackMessages(language: string) {
  const catalogue = catalogues[language.split('-')[0] ?? ''] ?? catalogues.en;
  return catalogue ? messageGetter(catalogue) : null;
}
