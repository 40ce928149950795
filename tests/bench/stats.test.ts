import { describe, expect, it } from 'vitest';
import { median, p95, pairedRatios, ratioOfMedians, summarize } from '../../bench/stats';

describe('median', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 10, 1000], 10],
    [[-1, 0, 1], 0],
    [[0.5, 0.25], 0.375],
  ])('median(%j) = %d', (samples, expected) => {
    expect(median(samples)).toBe(expected);
  });

  it('does not reorder the caller’s samples', () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses an empty set', () => {
    expect(() => median([])).toThrow('no samples');
  });
});

describe('summarize', () => {
  it.each([
    [[7], { median: 7, p95: 7, min: 7, max: 7, count: 1 }],
    [[9, 1, 5], { median: 5, p95: 9, min: 1, max: 9, count: 3 }],
    [[2, 8, 4, 6], { median: 5, p95: 8, min: 2, max: 8, count: 4 }],
  ])('summarize(%j)', (samples, expected) => {
    expect(summarize(samples)).toEqual(expected);
  });

  it('refuses an empty set', () => {
    expect(() => summarize([])).toThrow('no samples');
  });
});

describe('pairedRatios', () => {
  it.each([
    [
      [10, 20],
      [10, 10],
      [1, 2],
    ],
    [
      [3, 3, 3],
      [2, 3, 6],
      [1.5, 1, 0.5],
    ],
    [[5, 5], [0, 5], [1]],
  ])('pairedRatios(%j, %j) = %j', (target, baseline, expected) => {
    expect(pairedRatios(target, baseline)).toEqual(expected);
  });

  it('refuses samples that do not pair up', () => {
    expect(() => pairedRatios([1, 2], [1])).toThrow('cannot pair 2 samples with 1 baselines');
  });
});

describe('ratioOfMedians', () => {
  it.each([
    [[120, 110, 130], [100, 100, 100], 1.2],
    [[5, 5], [10, 10], 0.5],
    [[30, 10, 20], [10, 30, 20], 1],
  ])('ratioOfMedians(%j, %j) = %d', (target, baseline, expected) => {
    expect(ratioOfMedians(target, baseline)).toBeCloseTo(expected, 10);
  });

  it('refuses a zero baseline', () => {
    expect(() => ratioOfMedians([1], [0])).toThrow('not positive');
  });
});

describe('p95', () => {
  it.each([
    // Nearest rank: below 20 samples the slowest one counts, so a rare stall shows.
    [[5, 1, 3], 5],
    [Array.from({ length: 20 }, (_, i) => i + 1), 19],
    [Array.from({ length: 100 }, (_, i) => 100 - i), 95],
  ])('p95(%j) = %d', (samples, expected) => {
    expect(p95(samples)).toBe(expected);
  });
});
