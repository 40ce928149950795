/**
 * Search text normalisation: how a reflection's answers and a typed query become words, so
 * the index, the highlighting and the linear fallback all agree on what a word is.
 * Pure: runs in the page, in the search worker and in Node alike.
 */

/** A word: letters and digits of any script. Global: use with `matchAll` / `match`. */
export const WORD = /[\p{L}\p{N}]+/gu;
const ASCII_WORD = /[a-z0-9]+/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range means "any ASCII".
const ASCII = /^[\x00-\x7f]*$/;

/** Lower-case, accent-free form of a text, so "Café" is found by "cafe". */
export function normalizeText(text: string): string {
  const lower = text.toLowerCase();
  // Most text is plain ASCII: skip the costly Unicode normalisation for it.
  return ASCII.test(lower) ? lower : lower.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** The normalised words of a text, in order, repeats kept. */
export function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  // The ASCII pattern is several times faster than the Unicode one, and most text is ASCII.
  if (ASCII.test(lower)) return lower.match(ASCII_WORD) ?? [];
  return normalizeText(lower).match(WORD) ?? [];
}

/** The distinct words of a query, in the order typed. */
export function queryTerms(query: string): string[] {
  return [...new Set(tokenize(query))];
}
