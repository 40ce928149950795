import type { Ref } from 'preact';
import { triggerLabel } from '../utils/i18n/format';
import { t } from '../utils/i18n/i18n';
import { isSting, isTrigger, TRIGGERS } from '../utils/reflections/reflection';
import {
  isTemplateId,
  ownTemplates,
  TEMPLATE_IDS,
  type TemplateId,
  templateOf,
} from '../utils/reflections/templates';
import { EMPTY_FILTER, hasFilters, type ViewFilter } from '../utils/review/filter';

interface Props {
  filter: ViewFilter;
  tags: readonly string[];
  searchRef?: Ref<HTMLInputElement>;
  /** `typing` changes (the search box) replace the history entry instead of adding one. */
  onChange: (filter: ViewFilter, typing: boolean) => void;
}

/** Search box and filters for the reflections list; the page keeps them in the URL. */
export function FilterBar({ filter, tags, searchRef, onChange }: Props) {
  const set = (patch: Partial<ViewFilter>) => onChange({ ...filter, ...patch }, false);
  const unusedTags = tags.filter((tag) => !filter.tags.includes(tag));
  return (
    <search class="filters">
      <div class="search-row">
        <label for="search" class="visually-hidden">
          {t('searchLabel')}
        </label>
        <input
          id="search"
          type="search"
          ref={searchRef}
          value={filter.q}
          placeholder={t('searchPlaceholder')}
          autoComplete="off"
          onInput={(event) => onChange({ ...filter, q: event.currentTarget.value }, true)}
        />
      </div>
      <div class="filter-row">
        <div class="filter">
          <label for="filter-tag">{t('filterTag')}</label>
          <select
            id="filter-tag"
            value=""
            onChange={(event) => {
              const tag = event.currentTarget.value;
              if (tag) set({ tags: [...filter.tags, tag] });
            }}
          >
            <option value="">{t('filterAddTag')}</option>
            {unusedTags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </div>
        <div class="filter">
          <label for="filter-from">{t('filterFrom')}</label>
          <input
            id="filter-from"
            type="date"
            value={filter.from ?? ''}
            max={filter.to ?? undefined}
            onChange={(event) => set({ from: event.currentTarget.value || null })}
          />
        </div>
        <div class="filter">
          <label for="filter-to">{t('filterTo')}</label>
          <input
            id="filter-to"
            type="date"
            value={filter.to ?? ''}
            min={filter.from ?? undefined}
            onChange={(event) => set({ to: event.currentTarget.value || null })}
          />
        </div>
        <div class="filter">
          <label for="filter-template">{t('filterTemplate')}</label>
          <select
            id="filter-template"
            value={filter.template ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              set({ template: isTemplateId(value) ? value : null });
            }}
          >
            <option value="">{t('filterAny')}</option>
            {/* Every template, hidden ones too: their reflections are still there to find. */}
            {[...TEMPLATE_IDS, ...(Object.keys(ownTemplates) as TemplateId[])].map((id) => (
              <option key={id} value={id}>
                {t(templateOf(id).name)}
              </option>
            ))}
          </select>
        </div>
        <div class="filter">
          <label for="filter-trigger">{t('filterTrigger')}</label>
          <select
            id="filter-trigger"
            value={filter.trigger ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              set({ trigger: isTrigger(value) ? value : null });
            }}
          >
            <option value="">{t('filterAnything')}</option>
            {TRIGGERS.map((trigger) => (
              <option key={trigger} value={trigger}>
                {triggerLabel(trigger)}
              </option>
            ))}
          </select>
        </div>
        <div class="filter">
          <label for="filter-sting">{t('filterSting')}</label>
          <select
            id="filter-sting"
            value={filter.sting ?? ''}
            onChange={(event) => {
              const value = Number(event.currentTarget.value);
              set({ sting: isSting(value) ? value : null });
            }}
          >
            <option value="">{t('filterAny')}</option>
            {[2, 3, 4].map((n) => (
              <option key={n} value={n}>
                {t('filterStingAtLeast', n)}
              </option>
            ))}
            <option value="5">{t('filterStingOnly', 5)}</option>
          </select>
        </div>
        <label class="check">
          <input
            type="checkbox"
            checked={filter.pinned}
            onChange={(event) => set({ pinned: event.currentTarget.checked })}
          />
          {t('filterPinned')}
        </label>
      </div>
      {(filter.tags.length > 0 || hasFilters(filter) || filter.q) && (
        <div class="active-filters">
          {filter.tags.length > 0 && (
            <ul class="chips" aria-label={t('filterTagChips')}>
              {filter.tags.map((tag) => (
                <li key={tag} class="chip">
                  <span>{tag}</span>
                  <button
                    type="button"
                    aria-label={t('filterRemoveTag', tag)}
                    onClick={() => set({ tags: filter.tags.filter((t) => t !== tag) })}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" class="link" onClick={() => onChange(EMPTY_FILTER, false)}>
            {t('filterClearAll')}
          </button>
        </div>
      )}
    </search>
  );
}
