/**
 * The Lessons section: search and filters, the virtualised list with its look back, editing,
 * sharing and undo. About 370 lines because the list's selection, focus and row actions are one
 * piece of state that every part of the screen reads; the keyboard shortcuts live apart
 * (useLessonKeys.ts).
 */
import { Component } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FilterBar } from '../../../components/FilterBar';
import { LookBack } from '../../../components/LookBack';
import { ReflectionCard } from '../../../components/ReflectionCard';
import { ReflectionEditor } from '../../../components/ReflectionEditor';
import { ShareDialog } from '../../../components/ShareDialog';
import { TwoVersions } from '../../../components/TwoVersions';
import { VirtualList } from '../../../components/VirtualList';
import { formatRoute } from '../../../utils/core/route';
import { formatNumber, plural, t } from '../../../utils/i18n/i18n';
import type { Reflection } from '../../../utils/reflections/reflection';
import { waitingChoices } from '../../../utils/reflections/two-versions';
import {
  applyView,
  filterFromParams,
  filterToParams,
  hasFilters,
  type ViewFilter,
} from '../../../utils/review/filter';
import { nextToResurface, onThisDay } from '../../../utils/review/resurface';
import { queryTerms } from '../../../utils/review/search-text';
import type { ReflectionEdit, ReviewState } from '../state';
import { useRoute } from '../useRoute';
import { useLessonKeys } from './useLessonKeys';

/** Height of a collapsed row, gap included; style.css gives `.list-row` exactly this. */
export const ROW_HEIGHT = 134;

const keyOf = (r: Reflection) => r.id;

/** Your reflections: search, filters, the list (virtualised), editing and looking back. */
export function Lessons({ state }: { state: ReviewState }) {
  const { route, navigate, replace } = useRoute();
  const phase = state.phase.value;
  const version = state.version.value;
  const firstPage = state.firstPage.value;
  const paramsKey = JSON.stringify(route.params);
  const filter = useMemo(() => filterFromParams(route.params), [paramsKey]);
  const hits = state.searchHits.value;
  const hasQuery = useMemo(() => queryTerms(filter.q).length > 0, [filter.q]);
  // A query from the address (a reload, back and forward) is asked for here, before the
  // render is painted; a typed one already was, by `setFilter`.
  useLayoutEffect(() => {
    if (hasQuery) state.search(filter.q);
  }, [filter.q, hasQuery, state]);
  const view = useMemo(
    () => applyView(state.newestFirst(), filter, state.zone, hits, state.searchRow),
    [filter, version, phase, firstPage, hits, state],
  );
  /** The results may miss reflections that are not indexed yet. */
  const stillIndexing = hasQuery && hits !== null && !hits.complete;
  const tags = useMemo(() => state.tags(), [version, phase, firstPage, state]);
  const lookBack = useMemo(() => {
    if (phase !== 'ready') return null;
    const all = state.newestFirst();
    const now = state.now();
    return { due: nextToResurface(all, now), onThisDay: onThisDay(all, now, state.zone) };
  }, [version, phase, state]);

  // Sync kept two versions of an answer: rare, but the person is asked first.
  const waiting = useMemo(
    () => waitingChoices(state.newestFirst()),
    [version, phase, firstPage, state],
  );

  const [selected, setSelected] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const [sharing, setSharing] = useState<string | null>(null);
  const [reveal, setReveal] = useState<{ index: number } | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const focusAfterRender = useRef(false);

  const setFilter = (next: ViewFilter, typing: boolean) => {
    // Ask the search worker before rendering, so it searches while the page renders.
    if (queryTerms(next.q).length > 0) state.search(next.q);
    const target = { section: route.section, params: filterToParams(next) };
    if (typing) replace(target);
    else navigate(target);
  };

  const toggle = (id: string) => {
    const next = new Set(expanded);
    if (!next.delete(id)) next.add(id);
    setExpanded(next);
  };

  const remove = async (id: string) => {
    const at = view.items.findIndex((r) => r.id === id);
    await state.remove(id);
    if (latest.current === id) {
      // Keep the place: the next row moves up into the selection.
      const after = view.items[at + 1] ?? view.items[at - 1];
      select(after ? after.id : null);
    }
  };

  // Key presses can come faster than renders: the latest selection lives in a ref too.
  const latest = useRef<string | null>(selected);
  const select = (id: string | null) => {
    latest.current = id;
    setSelected(id);
  };
  const handlers = useRef({ move: (_: number) => {} });
  handlers.current = {
    move(step: number) {
      if (view.items.length === 0) return;
      const current = latest.current;
      const at = current === null ? -1 : view.items.findIndex((r) => r.id === current);
      const index = Math.min(view.items.length - 1, Math.max(0, at === -1 ? 0 : at + step));
      select((view.items[index] as Reflection).id);
      setReveal({ index });
      focusAfterRender.current = true;
    },
  };

  useLessonKeys({
    search,
    move: (step) => handlers.current.move(step),
    selected: () => latest.current,
    edit: (id) => setEditing(id),
    pin: (id) => void state.togglePin(id),
    remove: (id) => void remove(id),
    toggle,
  });

  useEffect(() => {
    const target = latest.current;
    if (!focusAfterRender.current || target === null) return;
    const row = document.querySelector<HTMLElement>(`[data-key="${CSS.escape(target)}"] article`);
    // The row may not be rendered until the list has scrolled to it: try again next render.
    if (!row) return;
    focusAfterRender.current = false;
    row.focus({ preventScroll: true });
  });

  // Rows call the latest handlers through this one object, so their props stay equal between
  // renders and unchanged rows skip rendering.
  const rowActions = useRef<RowActions>(null as unknown as RowActions);
  rowActions.current = {
    select,
    toggle,
    edit: (id) => setEditing(id),
    share: (id) => setSharing(id),
    pin: (id) => void state.togglePin(id),
    remove: (id) => void remove(id),
    cancelEdit() {
      setEditing(null);
      focusAfterRender.current = true;
    },
    async saveEdit(id, edit) {
      const message = await state.saveEdit(id, edit);
      if (message === null) {
        setEditing(null);
        select(id);
        focusAfterRender.current = true;
      }
      return message;
    },
  };

  const searching = filter.q.trim() !== '' || hasFilters(filter);
  if (
    phase !== 'loading' &&
    !searching &&
    state.newestFirst().length === 0 &&
    !state.undoable.value
  ) {
    return <FirstRun />;
  }

  const count = view.items.length;
  return (
    <section aria-labelledby="list-title">
      <h2 id="list-title" class="visually-hidden">
        {t('reflectionsListLabel')}
      </h2>
      <TwoVersions
        waiting={waiting}
        onKeep={(id, field, text) => void state.keepVersion(id, field, text)}
      />
      {!searching && lookBack && (
        <LookBack
          due={lookBack.due}
          onThisDay={lookBack.onThisDay}
          onReview={(id, action) => void state.review(id, action)}
        />
      )}
      <FilterBar filter={filter} tags={tags} searchRef={search} onChange={setFilter} />
      {/* For the benchmark and the Firefox smoke test: which query's hits are on screen, whether
          the index is still being built, and whether a Worker answers. */}
      <p
        class="list-status muted"
        data-search-query={hits?.query ?? ''}
        data-search-building={String(phase !== 'ready' || (hits !== null && !hits.complete))}
        data-search-worker={String(state.searchInWorker())}
      >
        {phase === 'loading'
          ? t('statusOpening')
          : stillIndexing
            ? t('statusStillIndexing', formatNumber(count), formatNumber(state.readCount.value))
            : phase === 'reading'
              ? searching
                ? t(
                    'statusSearchingWhileReading',
                    formatNumber(count),
                    formatNumber(state.readCount.value),
                  )
                : t('statusReading', formatNumber(state.readCount.value))
              : searching
                ? t(plural(count, 'statusMatchesOne', 'statusMatchesOther'), formatNumber(count))
                : t(plural(count, 'statusCountOne', 'statusCountOther'), formatNumber(count))}
        {phase === 'ready' && searching && count > 0 && (
          <a href={formatRoute({ section: 'data', params: route.params })}>{t('exportThese')}</a>
        )}
        <span class="shortcuts" aria-hidden="true">
          <kbd>/</kbd> {t('shortcutSearch')} · <kbd>j</kbd>/<kbd>k</kbd> {t('shortcutMove')} ·{' '}
          <kbd>e</kbd> {t('shortcutEdit')} · <kbd>p</kbd> {t('shortcutPin')} ·{' '}
          <kbd>{t('keyDelete')}</kbd> {t('shortcutDelete')}
        </span>
      </p>
      {phase === 'ready' && searching && count === 0 && !stillIndexing && (
        <p class="empty">{t('emptyMatches')}</p>
      )}
      <VirtualList
        items={view.items}
        rowHeight={ROW_HEIGHT}
        keyOf={keyOf}
        reveal={reveal}
        label={t('reflectionsListLabel')}
        renderRow={(reflection) => (
          <LessonRow
            reflection={reflection}
            terms={view.terms}
            selected={selected === reflection.id}
            expanded={expanded.has(reflection.id)}
            editing={editing === reflection.id}
            suggestions={tags}
            actions={rowActions}
          />
        )}
      />
      {sharing && state.lookup(sharing) && (
        <ShareDialog
          reflection={state.lookup(sharing) as Reflection}
          onClose={() => setSharing(null)}
        />
      )}
      <UndoBar state={state} />
      <p role="status" class="visually-hidden">
        {state.announcement.value}
      </p>
    </section>
  );
}

/** What a row can ask of the list. */
interface RowActions {
  select(id: string): void;
  toggle(id: string): void;
  edit(id: string): void;
  share(id: string): void;
  pin(id: string): void;
  remove(id: string): void;
  cancelEdit(): void;
  saveEdit(id: string, edit: ReflectionEdit): Promise<string | null>;
}

interface RowProps {
  reflection: Reflection;
  terms: readonly string[];
  selected: boolean;
  expanded: boolean;
  editing: boolean;
  suggestions: readonly string[];
  actions: { current: RowActions };
}

const sameTerms = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((term, i) => term === b[i]);

/**
 * One reflection of the list, read or being edited. It renders again only when something it
 * shows changed: the list re-renders on every keystroke, most rows need not.
 */
class LessonRow extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    const now = this.props;
    return (
      now.reflection !== next.reflection ||
      now.selected !== next.selected ||
      now.expanded !== next.expanded ||
      now.editing !== next.editing ||
      (next.editing && now.suggestions !== next.suggestions) ||
      !sameTerms(now.terms, next.terms)
    );
  }

  override render() {
    const { reflection, terms, selected, expanded, editing, suggestions, actions } = this.props;
    const id = reflection.id;
    if (editing) {
      return (
        <ReflectionEditor
          reflection={reflection}
          suggestions={suggestions}
          onCancel={() => actions.current.cancelEdit()}
          onSave={(edit) => actions.current.saveEdit(id, edit)}
        />
      );
    }
    return (
      <div
        class={selected ? 'row-card selected' : 'row-card'}
        onFocusIn={() => actions.current.select(id)}
      >
        <ReflectionCard
          reflection={reflection}
          terms={terms}
          expanded={expanded}
          onToggle={() => actions.current.toggle(id)}
          onEdit={() => actions.current.edit(id)}
          onShare={() => actions.current.share(id)}
          onPin={() => actions.current.pin(id)}
          onDelete={() => actions.current.remove(id)}
        />
      </div>
    );
  }
}

function UndoBar({ state }: { state: ReviewState }) {
  const deleted = state.undoable.value;
  if (!deleted) return null;
  return (
    <div class="toast">
      <span>{t('toastDeleted')}</span>
      <button type="button" class="primary" onClick={() => void state.undoDelete()}>
        {t('undo')}
      </button>
      <button
        type="button"
        class="link"
        aria-label={t('dismiss')}
        onClick={() => {
          state.undoable.value = null;
        }}
      >
        ×
      </button>
    </div>
  );
}

async function openPopup() {
  try {
    await browser.action.openPopup();
  } catch {
    // Not every browser lets a page open the toolbar popup: open the same form in a tab.
    window.open(browser.runtime.getURL('/popup.html'), '_blank');
  }
}

function FirstRun() {
  return (
    <section class="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t('firstRunTitle')}</h2>
      <p>{t('firstRunBody')}</p>
      <p>
        {t('firstRunHowBefore')} <kbd>{t('keyAlt')}</kbd>+<kbd>{t('keyShift')}</kbd>+<kbd>F</kbd>
        {t('firstRunHowAfter')}
      </p>
      <button type="button" class="primary" onClick={() => void openPopup()}>
        {t('firstRunWrite')}
      </button>
    </section>
  );
}
