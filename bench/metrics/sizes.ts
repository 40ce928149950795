/** Sizes: each entrypoint's gzipped JavaScript in the build, against its budget. */
import { readFileSync } from 'node:fs';
import { readBuild } from '../build';
import type { MetricResult } from '../report';
import { budgetFromFile, entrypointSizes } from '../sizes';

/** One row per entrypoint; the budget file's limit is the target. */
export function sizes(budgetPath = 'bench/size-budget.json'): MetricResult[] {
  const budget = budgetFromFile(JSON.parse(readFileSync(budgetPath, 'utf8')));
  return entrypointSizes(readBuild()).map((size) => {
    const max = budget[size.name];
    return {
      id: `size-${size.name}`,
      label: `${size.name} JS, gzipped`,
      unit: 'B' as const,
      samples: [size.gzipBytes],
      ...(max === undefined ? {} : { target: { max, on: 'value' as const } }),
    };
  });
}
