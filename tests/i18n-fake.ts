/**
 * `browser.i18n` for unit tests, following Chrome's rules: `$NAME$` placeholders resolve
 * through the catalogue's `placeholders`, whose content may use `$1`…`$9`; `$$` is a dollar.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface CatalogueEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalogue = Record<string, CatalogueEntry>;

/** Read `public/_locales/<lang>/messages.json`. */
export function readCatalogue(lang: string): Catalogue {
  return JSON.parse(
    readFileSync(resolve('public/_locales', lang, 'messages.json'), 'utf8'),
  ) as Catalogue;
}

function fill(text: string, substitutions: readonly string[]): string {
  return text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
}

/** Chrome's `getMessage` over a catalogue: '' for an unknown key. */
export function getMessageFrom(catalogue: Catalogue) {
  const byLowerKey = new Map(
    Object.entries(catalogue).map(([key, entry]) => [key.toLowerCase(), entry]),
  );
  return (key: string, substitutions?: string | string[]): string => {
    const entry = byLowerKey.get(key.toLowerCase());
    if (!entry) return '';
    const subs =
      substitutions === undefined
        ? []
        : Array.isArray(substitutions)
          ? substitutions
          : [substitutions];
    const placeholders = new Map(
      Object.entries(entry.placeholders ?? {}).map(([name, p]) => [
        name.toLowerCase(),
        fill(p.content, subs),
      ]),
    );
    return entry.message
      .replace(
        /\$([A-Za-z0-9_@]+)\$/g,
        (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole,
      )
      .replace(/\$\$/g, '$');
  };
}
