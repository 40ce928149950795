/**
 * Safe highlighting of search words: text split into plain and matched segments that a
 * component renders as text (matches in a <mark>), never as HTML; and the snippet around the
 * first match. Pure.
 */
import { normalizeText, WORD } from './search-text';

/** A piece of text to render: matched pieces go in a <mark>, all of it as text. */
export interface Segment {
  text: string;
  match: boolean;
}

/** Split text into plain and matched segments: a word matches when it starts with a term. */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  if (terms.length === 0 || text === '') return text === '' ? [] : [{ text, match: false }];
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    const word = normalizeText(match[0]);
    if (!terms.some((term) => word.startsWith(term))) continue;
    const start = match.index;
    if (start > last) segments.push({ text: text.slice(last, start), match: false });
    segments.push({ text: match[0], match: true });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}

/** Whether any word of the text starts with one of the terms. */
export function textMatches(text: string, terms: readonly string[]): boolean {
  return highlight(text, terms).some((segment) => segment.match);
}

/** A short window of `text` around its first match, with ellipses where it was cut. */
export function snippet(text: string, terms: readonly string[], radius = 60): string {
  const first = highlight(text, terms).findIndex((segment) => segment.match);
  if (first === -1 || text.length <= radius * 2) return text;
  const before = highlight(text, terms)
    .slice(0, first)
    .reduce((n, s) => n + s.text.length, 0);
  const start = Math.max(0, text.lastIndexOf(' ', Math.max(0, before - radius)) + 1);
  const end = text.indexOf(' ', Math.min(text.length, before + radius));
  const cut = text.slice(start, end === -1 ? text.length : end);
  return `${start > 0 ? '…' : ''}${cut}${end === -1 ? '' : '…'}`;
}
