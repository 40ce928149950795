/**
 * The one Markdown escaper, for sharing (share.ts) and the Markdown export (export.ts): user
 * text shows exactly as typed, never as formatting, a link, a heading or HTML. Pure.
 */

/** Escape Markdown so user text shows as typed, never as formatting or links. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>#|~])/g, '\\$1')
    .split('\n')
    .map((line) =>
      line
        .replace(/^(\s*)([-+])(\s)/, '$1\\$2$3')
        .replace(/^(\s*)(\d+)\.(\s)/, '$1$2\\.$3')
        .replace(/^(\s*)=/, '$1\\='),
    )
    .join('  \n'); // two spaces: a line break that Markdown keeps
}
