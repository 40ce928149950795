/**
 * Which reflections an export takes: all, or those the dashboard's filter shows. The filter
 * arrives as the same URL params the Lessons section uses (`#/data?tags=ops&q=deploy`).
 */
import type { TimeZone } from './calendar';
import { compileFilter, filterFromParams, hasFilters, matchesAllTerms } from './filter';
import type { Reflection } from './reflection';
import { queryTerms } from './search';

/** A dashboard filter to export by, in words and as a predicate. */
export interface ExportScope {
  /** "tag ops, search “deploy”" — what the filter is, for the page to say. */
  summary: string;
  keep: (reflection: Reflection) => boolean;
}

/** The scope the params describe, or null when they filter nothing (export everything). */
export function scopeFromParams(
  params: Readonly<Record<string, string>>,
  zone: TimeZone,
): ExportScope | null {
  const filter = filterFromParams(params);
  const terms = queryTerms(filter.q);
  if (!hasFilters(filter) && terms.length === 0) return null;
  const base = compileFilter(filter, zone);
  const parts = [
    filter.q.trim() ? `search “${filter.q.trim()}”` : '',
    filter.tags.length > 0
      ? `${filter.tags.length === 1 ? 'tag' : 'tags'} ${filter.tags.join(', ')}`
      : '',
    filter.from || filter.to ? `dates ${filter.from ?? '…'} to ${filter.to ?? '…'}` : '',
    filter.template ? `template ${filter.template}` : '',
    filter.trigger ? `trigger ${filter.trigger}` : '',
    filter.sting !== null ? `sting ${filter.sting}+` : '',
    filter.pinned ? 'pinned only' : '',
  ].filter(Boolean);
  return {
    summary: parts.join(', '),
    keep: (r) => base(r) && (terms.length === 0 || matchesAllTerms(r, terms)),
  };
}
