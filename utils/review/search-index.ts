/**
 * Full-text search over reflections: an inverted index of our own (measured against
 * MiniSearch and FlexSearch in bench/search.bench.ts), prefix matching on every query word,
 * results by relevance then newest first. Keys are generic: the page's in-memory fallback and
 * the search worker key documents by a small number (cheap to send back as an Int32Array),
 * tests and the bench by reflection id. Pure: no browser APIs, so it runs in the page, in the
 * worker, in Node tests and in benchmarks alike.
 *
 * Longer than most files here (about 350 lines) on purpose: adding, removing, merging slices
 * and ranking share one set of sorted arrays, and splitting them would hand those internals
 * around between files.
 */
import { queryTerms, tokenize } from './search-text';

/** Saturation of repeated words (BM25's k1): the tenth "deploy" adds little. */
const K1 = 1.2;
/** A word that only starts with the query counts for less than the whole word. */
const PREFIX_FACTOR = 0.6;
/** The lesson and the tags say most about a reflection. */
const WEIGHTS = { learned: 2, tag: 2, other: 1 } as const;

/** What the index reads of a document: a Reflection fits, and so does a worker's copy. */
export interface Indexable<K> {
  id: K;
  createdAt: number;
  answers: Readonly<Record<string, string>>;
  tags: readonly string[];
  deletedAt: number | null;
}

interface Postings {
  docs: number[];
  weights: number[];
}

/** One search hit list: ids by relevance then date, and the words used for highlighting. */
export interface SearchResult<K = string> {
  ids: K[];
  terms: string[];
}

/**
 * An inverted index. Each stored reflection gets a document number; replacing or removing
 * a reflection retires its number (postings of retired numbers are skipped), which keeps
 * edits O(words in the reflection) instead of rebuilding anything.
 */
export class SearchIndex<K = string> {
  private ids: (K | null)[] = [];
  private created: number[] = [];
  private numbers = new Map<K, number>();
  private postings = new Map<string, Postings>();
  /** Every indexed word, sorted, so a prefix is a binary-searched range. */
  private sorted: string[] = [];
  /** Words added since the last search; sorted in on the next one (cheap bulk builds). */
  private fresh: string[] = [];
  private retired = 0;
  /**
   * Document numbers newest first (ties: lower number first), built on the first search that
   * needs it. Results are read off it in date order, so ranking needs no sort. Later additions
   * wait in `unordered` and are merged in (a sort of the few, one linear merge): while 100,000
   * are indexed a search between two slices must not re-sort them all. Retired numbers stay in
   * it (searches never match them) until the next merge drops them.
   */
  private order: Int32Array | null = null;
  private unordered: number[] = [];
  /** Scratch arrays reused by every search (grown, never shrunk): no 3 × 800 kB per keystroke. */
  private scratch = {
    score: new Float64Array(0),
    matched: new Uint8Array(0),
    best: new Float64Array(0),
  };

  /**
   * @param bucketFrom From how many hits results are ordered by score buckets instead of a
   *   sort (the same order either way; tests set it to compare the two).
   */
  constructor(private readonly bucketFrom = 2048) {}

  /** How many reflections are indexed. */
  get size(): number {
    return this.numbers.size;
  }

  /** Whether a reflection is in the index. */
  has(id: K): boolean {
    return this.numbers.has(id);
  }

  /** Index a reflection, replacing an earlier version; deleted ones are removed instead. */
  add(reflection: Indexable<K>): void {
    this.remove(reflection.id);
    if (reflection.deletedAt !== null) return;
    const doc = this.ids.length;
    if (this.order) this.unordered.push(doc);
    this.ids.push(reflection.id);
    this.created.push(reflection.createdAt);
    this.numbers.set(reflection.id, doc);
    // Weighted word counts summed straight into the postings' last slots (this document's,
    // as it is the newest): no Map per reflection while 100,000 are read.
    const touched: Postings[] = [];
    const { answers } = reflection;
    for (const key of Object.keys(answers)) {
      this.addWords(
        doc,
        answers[key] as string,
        key === 'learned' ? WEIGHTS.learned : WEIGHTS.other,
        touched,
      );
    }
    for (const tag of reflection.tags) this.addWords(doc, tag, WEIGHTS.tag, touched);
    for (const list of touched) {
      const last = list.docs.length - 1;
      const count = list.weights[last] as number;
      list.weights[last] = (count * (K1 + 1)) / (count + K1);
    }
  }

  /** Add the words of one text to document `doc`'s raw counts. */
  private addWords(doc: number, text: string, weight: number, touched: Postings[]): void {
    for (const word of tokenize(text)) {
      let list = this.postings.get(word);
      if (!list) {
        list = { docs: [], weights: [] };
        this.postings.set(word, list);
        this.fresh.push(word);
      }
      const last = list.docs.length - 1;
      if (last >= 0 && list.docs[last] === doc) {
        list.weights[last] = (list.weights[last] as number) + weight;
      } else {
        list.docs.push(doc);
        list.weights.push(weight);
        touched.push(list);
      }
    }
  }

  /** Forget a reflection (no-op when absent). */
  remove(id: K): void {
    const doc = this.numbers.get(id);
    if (doc === undefined) return;
    this.numbers.delete(id);
    this.ids[doc] = null;
    this.retired++;
  }

  /**
   * Do the sorting the next search would do (the word list and the date order) now, so it is
   * not billed to the first keystroke.
   */
  prepare(): void {
    if (this.fresh.length > 0) this.sortFresh();
    this.newestFirst();
  }

  /** Words of the index that start with `prefix`, as a [from, to) range of the sorted list. */
  private range(prefix: string): [number, number] {
    if (this.fresh.length > 0) this.sortFresh();
    const from = lowerBound(this.sorted, prefix);
    let to = from;
    while (to < this.sorted.length && (this.sorted[to] as string).startsWith(prefix)) to++;
    return [from, to];
  }

  /** Merge the words added since the last search into the sorted list. */
  private sortFresh(): void {
    const fresh = this.fresh.sort();
    this.fresh = [];
    if (fresh.length < 64) {
      for (const word of fresh) this.sorted.splice(lowerBound(this.sorted, word), 0, word);
      return;
    }
    // Sort the new words alone and merge: re-sorting the whole vocabulary (100,000+ words)
    // on every search between two slices of a build cost tens of milliseconds.
    const old = this.sorted;
    const merged = new Array<string>(old.length + fresh.length);
    let i = 0;
    let j = 0;
    for (let n = 0; n < merged.length; n++) {
      merged[n] =
        j >= fresh.length || (i < old.length && (old[i] as string) < (fresh[j] as string))
          ? (old[i++] as string)
          : (fresh[j++] as string);
    }
    this.sorted = merged;
  }

  /**
   * Reflections containing every query word (each as a whole word or the start of one),
   * best first: rarer words and exact words weigh more; ties go to the newest.
   */
  search(query: string): SearchResult<K> {
    const terms = queryTerms(query);
    if (terms.length === 0) return { ids: [], terms };
    const total = this.ids.length;
    const alive = Math.max(1, this.size);
    const { score, matched, best } = this.buffers(total);
    let candidates: number[] | null = null;
    for (const [round, term] of terms.entries()) {
      const touched: number[] = [];
      const [from, to] = this.range(term);
      // One rarity for the whole prefix group, so "depl" ranks "deploy" over "deployment"
      // by closeness, and ranking stays steady as a word is typed letter by letter.
      let groupDocs = 0;
      for (let t = from; t < to; t++) {
        groupDocs += (this.postings.get(this.sorted[t] as string) as Postings).docs.length;
      }
      const idf = Math.log(1 + alive / Math.min(alive, Math.max(1, groupDocs)));
      for (let t = from; t < to; t++) {
        const word = this.sorted[t] as string;
        const list = this.postings.get(word) as Postings;
        const boost = word === term ? 1 : PREFIX_FACTOR * (term.length / word.length) ** 0.5;
        for (let i = 0; i < list.docs.length; i++) {
          const doc = list.docs[i] as number;
          // A document counts only if it matched every earlier word too (AND).
          if (matched[doc] !== round || this.ids[doc] === null) continue;
          const value = (list.weights[i] as number) * idf * boost;
          if (best[doc] === 0) touched.push(doc);
          if (value > (best[doc] as number)) best[doc] = value;
        }
      }
      for (const doc of touched) {
        matched[doc] = round + 1;
        score[doc] = (score[doc] as number) + (best[doc] as number);
        best[doc] = 0;
      }
      candidates = touched;
      if (touched.length === 0) break;
    }
    const hits = candidates ?? [];
    const ids = this.ranked(hits, score, matched, terms.length);
    // Leave the scratch arrays zeroed for the next search (a memset: far below a millisecond).
    matched.fill(0, 0, total);
    score.fill(0, 0, total);
    return { ids, terms };
  }

  /** Zeroed scratch arrays for `total` documents. */
  private buffers(total: number) {
    if (this.scratch.score.length < total) {
      const size = Math.max(total, Math.ceil(this.scratch.score.length * 1.5));
      this.scratch = {
        score: new Float64Array(size),
        matched: new Uint8Array(size),
        best: new Float64Array(size),
      };
    }
    return this.scratch;
  }

  /**
   * Hits by score, then newest first. Few hits: a plain sort. Many (a one- or two-letter
   * query matches most reflections): sort the scores alone (native, no callback), then walk
   * the newest-first order once and place each hit in its score's bucket (a counting sort) —
   * instead of an n log n sort calling back into JS twice per comparison.
   */
  private ranked(hits: number[], score: Float64Array, matched: Uint8Array, rounds: number): K[] {
    if (hits.length < this.bucketFrom) {
      hits.sort(
        (a, b) =>
          (score[b] as number) - (score[a] as number) ||
          (this.created[b] as number) - (this.created[a] as number) ||
          a - b,
      );
      return hits.map((doc) => this.ids[doc] as K);
    }
    // The distinct scores, ascending (a native sort of plain numbers, no callback).
    const distinct = new Float64Array(hits.length);
    for (let i = 0; i < hits.length; i++) distinct[i] = score[hits[i] as number] as number;
    distinct.sort();
    let d = 0;
    for (let i = 0; i < distinct.length; i++) {
      if (d === 0 || distinct[i] !== distinct[d - 1]) distinct[d++] = distinct[i] as number;
    }
    // Walk newest first; bucket 0 holds the best score. Then a counting sort by bucket.
    const order = this.newestFirst();
    const docs = new Int32Array(hits.length);
    const buckets = new Int32Array(hits.length);
    const starts = new Int32Array(d + 1);
    let n = 0;
    for (let i = 0; i < order.length; i++) {
      const doc = order[i] as number;
      if (matched[doc] !== rounds) continue;
      const bucket = d - 1 - lowerBoundNumber(distinct, d, score[doc] as number);
      docs[n] = doc;
      buckets[n++] = bucket;
      starts[bucket + 1] = (starts[bucket + 1] as number) + 1;
    }
    for (let b = 0; b < d; b++) starts[b + 1] = (starts[b + 1] as number) + (starts[b] as number);
    const ids = new Array<K>(n);
    for (let i = 0; i < n; i++) {
      const bucket = buckets[i] as number;
      ids[starts[bucket] as number] = this.ids[docs[i] as number] as K;
      starts[bucket] = (starts[bucket] as number) + 1;
    }
    return ids;
  }

  /** Live documents newest first, ties by number: built once, then merged into. */
  private newestFirst(): Int32Array {
    const created = this.created;
    const newer = (a: number, b: number) =>
      (created[b] as number) - (created[a] as number) || a - b;
    if (!this.order) {
      const docs = new Int32Array(this.size);
      let n = 0;
      for (let doc = 0; doc < this.ids.length; doc++) if (this.ids[doc] !== null) docs[n++] = doc;
      this.order = docs.sort(newer);
      this.unordered = [];
      return this.order;
    }
    if (this.unordered.length === 0) return this.order;
    const old = this.order;
    const fresh = Int32Array.from(this.unordered).sort(newer);
    this.unordered = [];
    const merged = new Int32Array(this.size);
    let n = 0;
    let i = 0;
    let j = 0;
    while (i < old.length || j < fresh.length) {
      const takeOld =
        j >= fresh.length || (i < old.length && newer(old[i] as number, fresh[j] as number) < 0);
      const doc = (takeOld ? old[i++] : fresh[j++]) as number;
      if (this.ids[doc] !== null) merged[n++] = doc;
    }
    this.order = merged;
    return merged;
  }

  /** Share of retired document numbers; worth a rebuild when most are retired. */
  get waste(): number {
    return this.ids.length === 0 ? 0 : this.retired / this.ids.length;
  }
}

/** First index in a sorted list whose value is not below `value`. */
function lowerBound(list: readonly string[], value: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index below `length` in an ascending number array whose value is not below `value`. */
function lowerBoundNumber(list: Float64Array, length: number, value: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
