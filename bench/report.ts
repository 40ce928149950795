/**
 * Pure reporting for the benchmarks: a metric's verdict against its target and the table
 * printed on stdout (Markdown, so the README can carry it as is).
 */
import { median, p95, pairedRatios, summarize } from './stats';

/** `records`: a count of records (what a completeness check found wrong). */
export type Unit = 'ms' | 'B' | 'MB' | 'records';

/**
 * A limit on the metric's median value (`value`), its 95th percentile (`p95`), its largest
 * sample (`max`: every keystroke), or its median ratio to the baseline.
 */
export interface Target {
  max: number;
  on: 'value' | 'p95' | 'max' | 'ratio';
}

/** One row of the results: samples of the product, and of its baseline from the same run. */
export interface MetricResult {
  id: string;
  label: string;
  unit: Unit;
  samples: number[];
  /** Paired with `samples` run by run (interleaved), so ratios cancel the machine's drift. */
  baseline?: { label: string; samples: number[] };
  target?: Target;
  /** Set when the feature this measures has not landed: the row says so instead of failing. */
  unavailable?: string;
  /** Set when the measurement itself broke. */
  error?: string;
  /** What else the measurement found (counts, checks), kept beside the samples in results.json. */
  details?: Record<string, number | string | boolean | null>;
}

/** A timing row with no samples yet, and its target when the metric has one. */
export function timingRow(
  id: string,
  label: string,
  target: Target | null | undefined,
): MetricResult {
  return { id, label, unit: 'ms', samples: [], ...(target ? { target } : {}) };
}

export type Verdict = 'pass' | 'miss' | 'info' | 'not available yet' | 'error';

/** Median of the paired ratios product / baseline, with their range; null without a baseline. */
export function ratioSummary(
  result: MetricResult,
): { median: number; min: number; max: number } | null {
  if (!result.baseline || result.samples.length === 0) return null;
  const ratios = pairedRatios(result.samples, result.baseline.samples);
  return ratios.length === 0 ? null : summarize(ratios);
}

/** Whether the metric meets its target. */
export function verdict(result: MetricResult): Verdict {
  if (result.error) return 'error';
  if (result.unavailable) return 'not available yet';
  if (!result.target || result.samples.length === 0) return 'info';
  const { on } = result.target;
  const value =
    on === 'value'
      ? median(result.samples)
      : on === 'p95'
        ? p95(result.samples)
        : on === 'max'
          ? Math.max(...result.samples)
          : ratioSummary(result)?.median;
  if (value === undefined) return 'info';
  return value <= result.target.max ? 'pass' : 'miss';
}

/** A number in its unit, rounded to what the noise allows. */
export function formatValue(value: number, unit: Unit): string {
  if (unit === 'B') return `${Math.round(value).toLocaleString('en-US')} B`;
  if (unit === 'MB') return `${value.toFixed(1)} MB`;
  if (unit === 'records') return `${Math.round(value).toLocaleString('en-US')} records`;
  if (value >= 100) return `${Math.round(value).toLocaleString('en-US')} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

function formatTarget(result: MetricResult): string {
  const target = result.target;
  if (!target) return '—';
  if (target.on === 'ratio') return `≤ ${target.max}× ${result.baseline?.label ?? 'baseline'}`;
  const of = target.on === 'p95' ? 'p95 ' : target.on === 'max' ? 'max ' : '';
  return `${of}≤ ${formatValue(target.max, result.unit)}`;
}

/** The row's cells: metric, median, p95, min–max, × baseline, target, result. */
export function row(result: MetricResult): string[] {
  const v = verdict(result);
  if (v === 'not available yet' || v === 'error' || result.samples.length === 0) {
    const why = result.error ?? result.unavailable ?? 'no samples';
    return [result.label, '—', '—', '—', '—', formatTarget(result), `${v}: ${why}`];
  }
  const s = summarize(result.samples);
  const ratio = ratioSummary(result);
  return [
    result.label,
    formatValue(s.median, result.unit),
    s.count < 2 ? '—' : formatValue(s.p95, result.unit),
    s.min === s.max
      ? '—'
      : `${formatValue(s.min, result.unit)} – ${formatValue(s.max, result.unit)}`,
    ratio
      ? `${ratio.median.toFixed(2)}× ${result.baseline?.label} (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)})`
      : '—',
    formatTarget(result),
    v,
  ];
}

const HEADER = ['metric', 'median', 'p95', 'min – max', '× baseline (min–max)', 'target', 'result'];

/** The results as a Markdown table with aligned columns. */
export function table(results: readonly MetricResult[]): string {
  const rows = [HEADER, ...results.map(row)];
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] as number)).join(' | ')} |`;
  return [
    line(rows[0] as string[]),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...rows.slice(1).map(line),
  ].join('\n');
}
