/** Sizes: each entrypoint's gzipped JavaScript in the build, at start and with lazy chunks. */
import { readFileSync } from 'node:fs';
import { readBuild } from '../build';
import type { MetricResult } from '../report';
import { budgetFromFile, entrypointSizes } from '../sizes';

/** Two rows per entrypoint (initial load, everything); the budget file's limits are targets. */
export function sizes(budgetPath = 'bench/size-budget.json'): MetricResult[] {
  const budget = budgetFromFile(JSON.parse(readFileSync(budgetPath, 'utf8')));
  return entrypointSizes(readBuild()).flatMap((size) => {
    const limits = budget[size.name] ?? {};
    const row = (scope: 'initial' | 'all', label: string, bytes: number): MetricResult => {
      const max = limits[scope];
      return {
        id: `size-${size.name}-${scope}`,
        label: `${size.name} JS gzipped, ${label}`,
        unit: 'B',
        samples: [bytes],
        ...(max === undefined ? {} : { target: { max, on: 'value' as const } }),
      };
    };
    return [
      row('initial', 'at start', size.initialGzipBytes),
      row('all', 'with lazy chunks', size.gzipBytes),
    ];
  });
}
