import { describe, expect, it } from 'vitest';
import { rowOffset, visibleWindow } from '../../../utils/core/virtual-window';

const none = new Map<number, number>();

describe('visibleWindow', () => {
  it.each([
    // [count, scrollTop, viewport, overscan] → [start, end, top, total]
    [0, 0, 500, 2, [0, 0, 0, 0]],
    [100_000, 0, 500, 2, [0, 7, 0, 10_000_000]],
    [100_000, 5_000_050, 500, 2, [49_998, 50_008, 4_999_800, 10_000_000]],
    [10, 2_000, 500, 2, [7, 10, 700, 1_000]],
    [100_000, -300, 500, 0, [0, 5, 0, 10_000_000]],
  ])('count %i at %i', (count, scrollTop, viewport, overscan, [start, end, top, total]) => {
    expect(
      visibleWindow({ count, rowHeight: 100, extra: none, scrollTop, viewport, overscan }),
    ).toEqual({ start, end, top, total });
  });

  it('accounts for taller rows above and inside the window', () => {
    const extra = new Map([
      [2, 300],
      [5, 50],
    ]);
    expect(rowOffset(3, 100, extra)).toBe(600);
    expect(rowOffset(10, 100, extra)).toBe(1350);
    const win = visibleWindow({
      count: 20,
      rowHeight: 100,
      extra,
      scrollTop: 650,
      viewport: 200,
      overscan: 0,
    });
    expect(win).toEqual({ start: 3, end: 6, top: 600, total: 2350 });
  });
});
