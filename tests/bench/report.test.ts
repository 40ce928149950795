import { describe, expect, it } from 'vitest';
import {
  formatValue,
  type MetricResult,
  ratioSummary,
  row,
  table,
  verdict,
} from '../../bench/report';

const timing = (over: Partial<MetricResult>): MetricResult => ({
  id: 'm',
  label: 'Metric',
  unit: 'ms',
  samples: [100, 120, 110],
  baseline: { label: 'blank', samples: [100, 100, 100] },
  ...over,
});

describe('verdict', () => {
  it.each<[string, Partial<MetricResult>, string]>([
    ['median value within target', { target: { max: 110, on: 'value' } }, 'pass'],
    ['median value over target', { target: { max: 109, on: 'value' } }, 'miss'],
    ['median paired ratio within target', { target: { max: 1.1, on: 'ratio' } }, 'pass'],
    ['median paired ratio over target', { target: { max: 1.05, on: 'ratio' } }, 'miss'],
    ['p95 within target', { target: { max: 120, on: 'p95' } }, 'pass'],
    ['p95 over target (the slowest of 3)', { target: { max: 119, on: 'p95' } }, 'miss'],
    ['every sample within target', { target: { max: 120, on: 'max' } }, 'pass'],
    ['one sample over target', { target: { max: 115, on: 'max' } }, 'miss'],
    ['no target', {}, 'info'],
    ['not landed', { unavailable: 'no search box', samples: [] }, 'not available yet'],
    ['broken', { error: 'timeout', samples: [] }, 'error'],
    [
      'ratio target without a baseline',
      { baseline: undefined, target: { max: 1, on: 'ratio' } },
      'info',
    ],
  ])('%s', (_, over, expected) => {
    expect(verdict(timing(over))).toBe(expected);
  });
});

describe('ratioSummary', () => {
  it('is the median and range of the run-by-run ratios, not the ratio of medians', () => {
    const result = timing({
      samples: [300, 100, 100],
      baseline: { label: 'b', samples: [100, 50, 200] },
    });
    expect(ratioSummary(result)).toEqual({ median: 2, p95: 3, min: 0.5, max: 3, count: 3 });
  });

  it('is null without a baseline', () => {
    expect(ratioSummary(timing({ baseline: undefined }))).toBeNull();
  });
});

describe('formatValue', () => {
  it.each<[number, MetricResult['unit'], string]>([
    [3.456, 'ms', '3.46 ms'],
    [42.04, 'ms', '42.0 ms'],
    [1234.4, 'ms', '1,234 ms'],
    [15360, 'B', '15,360 B'],
    [2.345, 'MB', '2.3 MB'],
    [1200, 'records', '1,200 records'],
  ])('%d %s → %s', (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });
});

describe('row and table', () => {
  it('shows median, p95, range, paired ratio, target and verdict', () => {
    expect(row(timing({ target: { max: 1.15, on: 'ratio' } }))).toEqual([
      'Metric',
      '110 ms',
      '120 ms',
      '100 ms – 120 ms',
      '1.10× blank (1.00–1.20)',
      '≤ 1.15× blank',
      'pass',
    ]);
  });

  it('says why a metric has no numbers', () => {
    expect(row(timing({ samples: [], unavailable: 'the dashboard has no search box' }))).toEqual([
      'Metric',
      '—',
      '—',
      '—',
      '—',
      '—',
      'not available yet: the dashboard has no search box',
    ]);
  });

  it('is a Markdown table with a header and one line per metric', () => {
    const lines = table([timing({ label: 'A' }), timing({ label: 'Longer name' })]).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^\| metric +\| median +\| p95 +\| min – max +\|/);
    expect(lines[1]).toMatch(/^\| -+ \| -+ \|/);
    expect(lines[2]).toMatch(/^\| A {11}\| 110 ms/);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
  });
});

describe('targets on p95 and max', () => {
  it('names what the limit is on', () => {
    expect(row(timing({ target: { max: 16, on: 'p95' } }))[5]).toBe('p95 ≤ 16.0 ms');
    expect(row(timing({ target: { max: 50, on: 'max' } }))[5]).toBe('max ≤ 50.0 ms');
  });
});
