/**
 * Vite plugin behind `virtual:worker-messages`: every catalogue in public/_locales, cut down
 * at build time to the strings the background worker uses (utils/i18n/worker-messages.ts), so the
 * worker bundle carries a few kilobytes of text instead of every page's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { Catalogue } from '../utils/i18n/message-format';
import { workerCatalogue } from '../utils/i18n/worker-messages';

const ID = 'virtual:worker-messages';
const RESOLVED = `\0${ID}`;

/** The plugin; `root` is the project folder (holds public/_locales). */
export function workerMessages(root = process.cwd()): Plugin {
  const locales = resolve(root, 'public/_locales');
  return {
    name: 'fail-well:worker-messages',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const catalogues: Record<string, Catalogue> = {};
      for (const language of readdirSync(locales).sort()) {
        const file = join(locales, language, 'messages.json');
        this.addWatchFile(file);
        catalogues[language] = workerCatalogue(JSON.parse(readFileSync(file, 'utf8')));
      }
      return `export default ${JSON.stringify(catalogues)};`;
    },
  };
}
