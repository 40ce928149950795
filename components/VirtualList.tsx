import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { rowOffset, visibleWindow } from '../utils/virtual-window';

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

const OVERSCAN = 6;

/**
 * A list that renders only the rows near the viewport (the page scrolls, not a box), so
 * 100,000 reflections keep a DOM of a few dozen rows. Taller rows (open or being edited)
 * are measured and accounted for.
 */
export function VirtualList<T>({ items, rowHeight, keyOf, renderRow, reveal, label }: Props<T>) {
  const list = useRef<HTMLOListElement>(null);
  const [, setTick] = useState(0);
  const extras = useRef(new Map<string, number>());
  const [extrasVersion, setExtrasVersion] = useState(0);

  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setTick((n) => n + 1));
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

  const top = list.current ? -list.current.getBoundingClientRect().top : 0;
  const win = visibleWindow({
    count: items.length,
    rowHeight,
    extra: extraByIndex,
    scrollTop: top,
    viewport: window.innerHeight,
    overscan: OVERSCAN,
  });

  useLayoutEffect(() => {
    const element = list.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const row = entry.target as HTMLElement;
        // A row with no height is not laid out (hidden page, test DOM): nothing to learn.
        if (row.offsetHeight === 0) continue;
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
    for (const row of element.children) observer.observe(row);
    return () => observer.disconnect();
  });

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
        class={extraByIndex.has(i) ? 'row tall' : 'row'}
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
