/**
 * Pure statistics for the benchmarks: a shared machine is noisy, so every timing is summarised
 * by its median and range, and compared with a baseline measured in the same run.
 */

/** Median, 95th percentile, smallest and largest of a set of samples. */
export interface Summary {
  median: number;
  p95: number;
  min: number;
  max: number;
  count: number;
}

/** The middle sample (the mean of the two middle ones for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The sample that 95% of the samples do not exceed (nearest rank: with fewer than 20 samples
 * that is the largest one, as it should be: a rare slow keystroke must not hide).
 */
export function p95(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('p95 of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length * 0.95) - 1] as number;
}

/** Median, p95 and spread (min–max) of the samples. */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('summary of no samples');
  return {
    median: median(samples),
    p95: p95(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    count: samples.length,
  };
}

/**
 * Ratios of paired samples (target run i over the baseline run next to it). Pairing the
 * interleaved runs cancels most of the machine's drift; a zero baseline has no ratio.
 */
export function pairedRatios(target: readonly number[], baseline: readonly number[]): number[] {
  if (target.length !== baseline.length) {
    throw new Error(`cannot pair ${target.length} samples with ${baseline.length} baselines`);
  }
  const ratios: number[] = [];
  target.forEach((value, i) => {
    const base = baseline[i] as number;
    if (base > 0) ratios.push(value / base);
  });
  return ratios;
}

/** The ratio of the two medians: how many times slower the target is than the baseline. */
export function ratioOfMedians(target: readonly number[], baseline: readonly number[]): number {
  const base = median(baseline);
  if (base <= 0) throw new Error('baseline median is not positive');
  return median(target) / base;
}
