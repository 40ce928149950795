/**
 * Which reflections an export takes: all, or those the dashboard's filter shows. The filter
 * arrives as the same URL params the Lessons section uses (`#/data?tags=ops&q=deploy`).
 */
import type { TimeZone } from '../core/calendar';
import { triggerLabel } from '../i18n/format';
import { plural, t, uiLanguage } from '../i18n/i18n';
import { templateName } from '../reflections/question-label';
import type { Reflection } from '../reflections/reflection';
import { compileFilter, filterFromParams, hasFilters, matchesAllTerms } from '../review/filter';
import { queryTerms } from '../review/search-text';

/** A dashboard filter to export by, in words and as a predicate. */
export interface ExportScope {
  /** "search “deploy”, tag ops" — what the filter is, in the UI language, for the page to say. */
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
  const day = (iso: string | null) =>
    iso
      ? new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
          Date.parse(iso),
        )
      : '…';
  const parts = [
    filter.q.trim() ? t('exportScopeSearch', filter.q.trim()) : '',
    filter.tags.length > 0
      ? t(plural(filter.tags.length, 'exportScopeTag', 'exportScopeTags'), filter.tags.join(', '))
      : '',
    filter.from || filter.to ? t('exportScopeDates', day(filter.from), day(filter.to)) : '',
    filter.template ? t('exportScopeTemplate', templateName(filter.template)) : '',
    filter.trigger ? t('exportScopeTrigger', triggerLabel(filter.trigger)) : '',
    filter.sting !== null ? t('exportScopeSting', filter.sting) : '',
    filter.pinned ? t('exportScopePinned') : '',
  ].filter(Boolean);
  return {
    summary: parts.join(', '),
    keep: (r) => base(r) && (terms.length === 0 || matchesAllTerms(r, terms)),
  };
}
