/**
 * Chrome's message formatting, for a catalogue read from `_locales`: `$NAME$` placeholders
 * resolve through the entry's `placeholders`, whose content may use `$1`…`$9`; `$$` is a
 * dollar sign. Used when the browser's own `i18n.getMessage` cannot answer (see i18n.ts) and
 * by the unit tests' fake browser.
 */

export interface CatalogueEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalogue = Record<string, CatalogueEntry>;

function fill(text: string, substitutions: readonly string[]): string {
  return text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
}

/** `getMessage` over a catalogue: '' for an unknown key, like the browser. */
export function messageGetter(catalogue: Catalogue) {
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
    // One pass over the message only: substituted text (a user's own words) is never re-read,
    // so a "$$" someone typed stays two dollars, as in the browser's own getMessage.
    return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (whole, name?: string) =>
      name === undefined ? '$' : (placeholders.get(name.toLowerCase()) ?? whole),
    );
  };
}
