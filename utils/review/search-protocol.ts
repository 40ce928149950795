/**
 * The messages between the review page and its search worker, and their checks. Small on
 * purpose: the page sends documents and queries, the worker answers with document keys.
 * Keys are small numbers the page assigns (one per reflection id, for the page's lifetime), so
 * an answer of 100,000 hits is one transferred Int32Array, not 100,000 strings to clone and
 * look up. Every query carries an id; the page drops an answer that is not for its latest one.
 * The worker says when it has indexed each batch, so the page never has more than a couple in
 * the worker's queue: a query must not wait behind a whole journal's worth of batches.
 * Pure: both sides import it, and tests run it in Node.
 */
import type { Indexable } from './search-index';

/** What the worker indexes of a reflection: the searchable text and the date, under a key. */
export type SearchDoc = Indexable<number>;

/** Page → worker. */
export type SearchRequest =
  /** Forget every document (the page reads everything again, after an import or a wipe). */
  | { type: 'reset' }
  /** Index these documents, replacing earlier versions; deleted ones are removed. */
  | { type: 'add'; docs: SearchDoc[] }
  /** Every reflection has been sent: answers from now on are complete once indexed. */
  | { type: 'done' }
  /** Search; the answer carries the same id. */
  | { type: 'search'; id: number; query: string };

/** Worker → page: the hits of query `id`, best first. */
export interface SearchAnswer {
  type: 'hits';
  id: number;
  /** The query's words, for highlighting. */
  terms: string[];
  keys: Int32Array;
  /** False while documents sent so far are still being indexed, or more are coming. */
  complete: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isText = (value: unknown): value is string => typeof value === 'string';

/** Whether a value is a document the index can read (fields and types only). */
function isDoc(value: unknown): value is SearchDoc {
  if (!isObject(value)) return false;
  const { id, createdAt, answers, tags, deletedAt } = value;
  return (
    Number.isInteger(id) &&
    typeof createdAt === 'number' &&
    isObject(answers) &&
    Object.values(answers).every(isText) &&
    Array.isArray(tags) &&
    tags.every(isText) &&
    (deletedAt === null || typeof deletedAt === 'number')
  );
}

/** A page → worker message, or null when it is not one. */
export function parseRequest(raw: unknown): SearchRequest | null {
  if (!isObject(raw)) return null;
  switch (raw.type) {
    case 'reset':
    case 'done':
      return { type: raw.type };
    case 'add':
      return Array.isArray(raw.docs) && raw.docs.every(isDoc)
        ? { type: 'add', docs: raw.docs }
        : null;
    case 'search':
      return Number.isInteger(raw.id) && isText(raw.query)
        ? { type: 'search', id: raw.id as number, query: raw.query }
        : null;
    default:
      return null;
  }
}

/** Worker → page: one `add` batch is indexed (the page may send the next). */
export interface SearchIndexed {
  type: 'indexed';
}

/** What the worker sends. */
export type SearchReply = SearchAnswer | SearchIndexed;

/** A worker → page message, or null when it is not one. */
export function parseReply(raw: unknown): SearchReply | null {
  if (isObject(raw) && raw.type === 'indexed') return { type: 'indexed' };
  if (!isObject(raw) || raw.type !== 'hits') return null;
  const { id, terms, keys, complete } = raw;
  if (!Number.isInteger(id) || !(keys instanceof Int32Array) || typeof complete !== 'boolean') {
    return null;
  }
  if (!Array.isArray(terms) || !terms.every(isText)) return null;
  return { type: 'hits', id: id as number, terms, keys, complete };
}
