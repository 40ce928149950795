/**
 * The dashboard's view: search text plus filters, read from and written to the URL hash,
 * and the pure rule that decides which reflections it shows, in which order.
 */
import { isoToDay, localDay, type TimeZone } from '../core/calendar';
import {
  isSting,
  isTrigger,
  type Reflection,
  type Sting,
  type Trigger,
} from '../reflections/reflection';
import { isTemplateId, type TemplateId } from '../reflections/templates';
import { queryTerms, tokenize } from './search-text';

/**
 * How many of the newest reflections are matched one by one while the first answer from the
 * index is on its way: enough for a screenful, few enough to take a millisecond or two.
 */
export const LINEAR_SCAN = 100;

/** Search hits as the view reads them: keys, best first, and the words to highlight. */
export interface Hits {
  keys: ArrayLike<number>;
  terms: readonly string[];
}

export interface ViewFilter {
  /** Search text as typed. */
  q: string;
  /** Every one of these tags must be on a reflection. */
  tags: string[];
  /** Local dates `YYYY-MM-DD`, both inclusive. */
  from: string | null;
  to: string | null;
  template: TemplateId | null;
  trigger: Trigger | null;
  /** Stung at least this much. */
  sting: Sting | null;
  pinned: boolean;
}

export const EMPTY_FILTER: ViewFilter = {
  q: '',
  tags: [],
  from: null,
  to: null,
  template: null,
  trigger: null,
  sting: null,
  pinned: false,
};

/** Read a view from URL params; anything odd is ignored rather than trusted. */
export function filterFromParams(params: Readonly<Record<string, string>>): ViewFilter {
  const date = (value: string | undefined) =>
    value !== undefined && isoToDay(value) !== null ? value : null;
  const sting = Number(params.sting);
  return {
    q: (params.q ?? '').slice(0, 200),
    tags: [
      ...new Set(
        (params.tags ?? '')
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ],
    from: date(params.from),
    to: date(params.to),
    template: isTemplateId(params.template) ? params.template : null,
    trigger: isTrigger(params.trigger) ? params.trigger : null,
    sting: isSting(sting) ? sting : null,
    pinned: params.pinned === '1',
  };
}

/** Write a view as URL params (empty values left out by the route formatter). */
export function filterToParams(filter: ViewFilter): Record<string, string> {
  return {
    q: filter.q,
    tags: filter.tags.join(','),
    from: filter.from ?? '',
    to: filter.to ?? '',
    template: filter.template ?? '',
    trigger: filter.trigger ?? '',
    sting: filter.sting === null ? '' : String(filter.sting),
    pinned: filter.pinned ? '1' : '',
  };
}

/** Whether any filter besides the search text is set. */
export function hasFilters(filter: ViewFilter): boolean {
  return (
    filter.tags.length > 0 ||
    filter.from !== null ||
    filter.to !== null ||
    filter.template !== null ||
    filter.trigger !== null ||
    filter.sting !== null ||
    filter.pinned
  );
}

/** A predicate for the filters (not the search text); dates are local days in `zone`. */
export function compileFilter(filter: ViewFilter, zone: TimeZone): (r: Reflection) => boolean {
  const from = filter.from === null ? null : isoToDay(filter.from);
  const to = filter.to === null ? null : isoToDay(filter.to);
  const { tags, template, trigger, sting, pinned } = filter;
  return (r) => {
    if (r.deletedAt !== null) return false;
    if (pinned && !r.pinned) return false;
    if (template !== null && r.template !== template) return false;
    if (trigger !== null && r.trigger !== trigger) return false;
    if (sting !== null && (r.sting === null || r.sting < sting)) return false;
    if (from !== null || to !== null) {
      const day = localDay(r.createdAt, zone);
      if (from !== null && day < from) return false;
      if (to !== null && day > to) return false;
    }
    for (const tag of tags) if (!r.tags.includes(tag)) return false;
    return true;
  };
}

/** What the list shows: the reflections and the words to highlight. */
export interface View {
  items: Reflection[];
  terms: string[];
}

/** Whether every search term starts a word somewhere in the reflection's answers or tags. */
export function matchesAllTerms(r: Reflection, terms: readonly string[]): boolean {
  const words = new Set(tokenize(`${Object.values(r.answers).join(' ')} ${r.tags.join(' ')}`));
  return terms.every((term) => {
    for (const word of words) if (word.startsWith(term)) return true;
    return false;
  });
}

/**
 * Apply a view. Without search text: `newestFirst` filtered. With it: the index's hits (by
 * relevance, then date; `row` turns a key into its reflection) filtered the same way, and
 * highlighted with the words those hits were found for. `hits` is null until the index first
 * answers; then the newest `LINEAR_SCAN` reflections are matched one at a time.
 */
export function applyView(
  newestFirst: readonly Reflection[],
  filter: ViewFilter,
  zone: TimeZone,
  hits: Hits | null,
  row: (key: number) => Reflection | undefined,
): View {
  const keep = compileFilter(filter, zone);
  const terms = queryTerms(filter.q);
  if (terms.length === 0) return { items: newestFirst.filter(keep), terms };
  if (hits === null) {
    const items = newestFirst
      .slice(0, LINEAR_SCAN)
      .filter((r) => keep(r) && matchesAllTerms(r, terms));
    return { items, terms };
  }
  const { keys } = hits;
  if (!hasFilters(filter)) {
    // The index holds no deleted reflections: with no filter to check, a hit is shown as is.
    // Not reading every hit's fields here saves tens of ms at 100,000 (one cache miss each).
    const items = new Array<Reflection>(keys.length);
    let n = 0;
    for (let i = 0; i < keys.length; i++) {
      const r = row(keys[i] as number);
      if (r) items[n++] = r;
    }
    items.length = n;
    return { items, terms: [...hits.terms] };
  }
  const items: Reflection[] = [];
  for (let i = 0; i < keys.length; i++) {
    const r = row(keys[i] as number);
    if (r && keep(r)) items.push(r);
  }
  return { items, terms: [...hits.terms] };
}
