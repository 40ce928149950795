/**
 * Which rows of a long list to render. Rows have one fixed height except a few (expanded or
 * being edited) that are taller by a measured amount, so offsets are cheap to compute for
 * 100,000 rows without measuring them all.
 */

export interface WindowInput {
  count: number;
  rowHeight: number;
  /** Extra height of the few taller rows, by row index. */
  extra: ReadonlyMap<number, number>;
  /** How far the list's top has scrolled above the viewport's top (may be negative). */
  scrollTop: number;
  viewport: number;
  /** Rows rendered beyond each edge so fast scrolling shows no gaps. */
  overscan: number;
}

export interface ListWindow {
  /** First and one-past-last row to render. */
  start: number;
  end: number;
  /** Offset of `start` from the list's top. */
  top: number;
  /** Height of the whole list. */
  total: number;
}

/** Offset of row `index` from the list's top. */
export function rowOffset(
  index: number,
  rowHeight: number,
  extra: ReadonlyMap<number, number>,
): number {
  let offset = index * rowHeight;
  for (const [row, px] of extra) if (row < index) offset += px;
  return offset;
}

/** The rows that cover the viewport, plus overscan. */
export function visibleWindow(input: WindowInput): ListWindow {
  const { count, rowHeight, extra, scrollTop, viewport, overscan } = input;
  const total = rowOffset(count, rowHeight, extra);
  if (count === 0) return { start: 0, end: 0, top: 0, total };
  const top = Math.max(0, scrollTop);
  // The first row whose bottom is below the viewport's top: binary search over offsets.
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rowOffset(mid + 1, rowHeight, extra) <= top) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  let last = first;
  const bottom = top + viewport;
  while (last < count && rowOffset(last, rowHeight, extra) < bottom) last++;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, last + overscan);
  return { start, end, top: rowOffset(start, rowHeight, extra), total };
}
