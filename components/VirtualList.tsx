import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { rowOffset, visibleWindow } from '../utils/core/virtual-window';

interface Props<T> {
  items: readonly T[];
  /** Height of a collapsed row, gap included (the CSS gives rows exactly this height). */
  rowHeight: number;
  keyOf: (item: T) => string;
  renderRow: (item: T, index: number) => ComponentChildren;
  /** Bring this row into view whenever the object changes. */
  reveal?: { index: number } | null;
  label: string;
}

/** Rows rendered beyond each edge; off-screen ones cost no layout or paint (style.css). */
const OVERSCAN = 4;

/**
 * A list that renders only the rows near the viewport (the page scrolls, not a box), so
 * 100,000 reflections keep a DOM of a few dozen rows. Taller rows (open or being edited)
 * are measured and accounted for. Rendering never reads layout: the scroll position comes
 * from the scroll event and the list's place on the page is measured after each commit.
 */
export function VirtualList<T>({ items, rowHeight, keyOf, renderRow, reveal, label }: Props<T>) {
  const list = useRef<HTMLOListElement>(null);
  const [, setTick] = useState(0);
  const extras = useRef(new Map<string, number>());
  const [extrasVersion, setExtrasVersion] = useState(0);
  /** window.scrollY as of the last scroll event, and the list's top in page coordinates. */
  const scroll = useRef({ y: 0, listTop: 0 });
  const observer = useRef<ResizeObserver | null>(null);
  const observed = useRef(new Set<Element>());

  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        scroll.current.y = window.scrollY;
        setTick((n) => n + 1);
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, []);

  // Extra heights by row index; only the few taller rows are looked up.
  const extraByIndex = useMemo(() => {
    const byIndex = new Map<number, number>();
    if (extras.current.size === 0) return byIndex;
    items.forEach((item, i) => {
      const px = extras.current.get(keyOf(item));
      if (px !== undefined) byIndex.set(i, px);
    });
    return byIndex;
  }, [items, extrasVersion, keyOf]);

  const win = visibleWindow({
    count: items.length,
    rowHeight,
    extra: extraByIndex,
    scrollTop: scroll.current.y - scroll.current.listTop,
    viewport: window.innerHeight,
    overscan: OVERSCAN,
  });

  // After each commit: where the list now starts (content above it may have changed), and
  // the new rows' heights. The layout read here is the one the frame needs anyway.
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const y = window.scrollY;
    const listTop = element.getBoundingClientRect().top + y;
    if (Math.abs(listTop - scroll.current.listTop) >= 1 || y !== scroll.current.y) {
      scroll.current = { y, listTop };
      const next = visibleWindow({
        count: items.length,
        rowHeight,
        extra: extraByIndex,
        scrollTop: y - listTop,
        viewport: window.innerHeight,
        overscan: OVERSCAN,
      });
      // Render again only when other rows should be showing.
      if (next.start !== win.start || next.end !== win.end) setTick((n) => n + 1);
    }
    if (typeof ResizeObserver === 'undefined') return;
    observer.current ??= new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const row = entry.target as HTMLElement;
        // A row with no height is not laid out (hidden page, test DOM): nothing to learn.
        if (!row.isConnected || row.offsetHeight === 0) continue;
        const key = row.dataset.key as string;
        const extra = Math.round(row.offsetHeight - rowHeight);
        const known = extras.current.get(key) ?? 0;
        if (Math.abs(extra - known) < 1) continue;
        if (extra === 0) extras.current.delete(key);
        else extras.current.set(key, extra);
        changed = true;
      }
      if (changed) setExtrasVersion((n) => n + 1);
    });
    // Observe only rows that are new since the last commit; forget the ones that left.
    const current = new Set<Element>(element.children);
    for (const row of observed.current) {
      if (!current.has(row)) observer.current.unobserve(row);
    }
    for (const row of current) {
      if (!observed.current.has(row)) observer.current.observe(row);
    }
    observed.current = current;
  });

  useEffect(
    () => () => {
      observer.current?.disconnect();
      observer.current = null;
    },
    [],
  );

  useEffect(() => {
    const element = list.current;
    if (!reveal || !element) return;
    const offset = rowOffset(reveal.index, rowHeight, extraByIndex);
    const listTop = element.getBoundingClientRect().top + window.scrollY;
    const rowTop = listTop + offset;
    const rowBottom = rowTop + rowHeight + (extraByIndex.get(reveal.index) ?? 0);
    const margin = rowHeight / 2;
    if (rowTop < window.scrollY + margin) window.scrollTo({ top: rowTop - margin });
    else if (rowBottom > window.scrollY + window.innerHeight - margin) {
      window.scrollTo({ top: rowBottom - window.innerHeight + margin });
    }
    scroll.current.y = window.scrollY;
    scroll.current.listTop = listTop;
    setTick((n) => n + 1);
  }, [reveal]);

  const rows: ComponentChildren[] = [];
  for (let i = win.start; i < win.end; i++) {
    const item = items[i] as T;
    const key = keyOf(item);
    rows.push(
      <li
        key={key}
        data-key={key}
        class={extraByIndex.has(i) ? 'list-row tall' : 'list-row'}
        aria-setsize={items.length}
        aria-posinset={i + 1}
      >
        {renderRow(item, i)}
      </li>,
    );
  }
  return (
    <ol
      ref={list}
      class="virtual-list"
      aria-label={label}
      style={{ paddingTop: `${win.top}px`, height: `${win.total}px` }}
    >
      {rows}
    </ol>
  );
}
