/**
 * Own index vs MiniSearch vs FlexSearch at 10,000 and 100,000 synthetic reflections: build
 * time, per-keystroke query time, heap held by the index, and gzipped bundle cost.
 * The two libraries are not project dependencies: `npm i --no-save minisearch flexsearch`
 * first (this file skips them when they are missing). Prints a table; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { it } from 'vitest';
import type { Reflection } from '../utils/reflections/reflection';
import { SearchIndex } from '../utils/review/search-index';
import { syntheticReflections } from './synthetic';

const NOW = Date.UTC(2026, 10, 29, 12);
// What a person types, keystroke by keystroke, plus two-word queries.
const KEYSTROKES = ['d', 'de', 'dep', 'depl', 'deplo', 'deploy', 'r', 'ru', 'rus', 'rushed'];
const QUERIES = [...KEYSTROKES, 'rushed review', 'backup migr', 'kalomi', 'standup missed'];

interface Engine {
  name: string;
  build(docs: Reflection[]): unknown;
  query(index: unknown, q: string): number;
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const text = (r: Reflection) => `${Object.values(r.answers).join(' ')} ${r.tags.join(' ')}`;

// Not project dependencies: a variable specifier keeps the typecheck from requiring them.
function optional(name: string): Promise<unknown> {
  return import(/* @vite-ignore */ name);
}

async function engines(): Promise<Engine[]> {
  const list: Engine[] = [
    {
      name: 'own',
      build(docs) {
        const index = new SearchIndex();
        for (const doc of docs) index.add(doc);
        index.search('x'); // sorts its word list, as the first real query would
        return index;
      },
      query: (index, q) => (index as SearchIndex).search(q).ids.length,
    },
  ];
  try {
    const { default: MiniSearch } = (await optional('minisearch')) as {
      default: new (
        options: unknown,
      ) => {
        addAll(docs: unknown[]): void;
        search(q: string): unknown[];
      };
    };
    list.push({
      name: 'minisearch',
      build(docs) {
        const index = new MiniSearch({
          fields: ['text', 'tags'],
          searchOptions: { prefix: true, combineWith: 'AND', boost: { tags: 2 } },
        });
        index.addAll(docs.map((r) => ({ id: r.id, text: text(r), tags: r.tags.join(' ') })));
        return index;
      },
      query: (index, q) => (index as InstanceType<typeof MiniSearch>).search(q).length,
    });
  } catch {
    console.warn('minisearch not installed: skipped');
  }
  try {
    const { Index } = (await optional('flexsearch')) as {
      Index: new (
        options: unknown,
      ) => {
        add(id: number, text: string): void;
        search(q: string, options: unknown): unknown[];
      };
    };
    list.push({
      name: 'flexsearch',
      build(docs) {
        const index = new Index({ tokenize: 'forward' });
        for (const [n, r] of docs.entries()) index.add(n, text(r));
        return index;
      },
      query: (index, q) =>
        (index as InstanceType<typeof Index>).search(q, { limit: 200_000 }).length,
    });
  } catch {
    console.warn('flexsearch not installed: skipped');
  }
  return list;
}

function bundleCost(entry: string): string {
  // Bundle a one-line module with Rolldown (Vite's bundler) and gzip it, like the page build.
  // Inside the project so the bundler resolves packages from its node_modules.
  const dir = mkdtempSync(join(resolve('node_modules'), '.fw-bench-'));
  const file = join(dir, 'entry.mjs');
  writeFileSync(file, entry);
  const out = join(dir, 'out.js');
  try {
    execFileSync(
      resolve('node_modules/.bin/rolldown'),
      [file, '--file', out, '--minify', '--format', 'esm'],
      { stdio: 'ignore', cwd: resolve('.') },
    );
    return `${(gzipSync(readFileSync(out)).length / 1024).toFixed(1)} KB`;
  } catch {
    return 'n/a';
  }
}

it('search engines at 10,000 and 100,000 reflections', async () => {
  const rows: Record<string, string | number>[] = [];
  for (const size of [10_000, 100_000]) {
    const docs = syntheticReflections(0, size, NOW) as Reflection[];
    for (const engine of await engines()) {
      const before = heap();
      const start = performance.now();
      const index = engine.build(docs);
      const buildMs = performance.now() - start;
      const heldMb = (heap() - before) / 1_048_576;
      const times: number[] = [];
      let hits = 0;
      for (let round = 0; round < 3; round++) {
        for (const q of QUERIES) {
          const t = performance.now();
          hits = engine.query(index, q);
          times.push(performance.now() - t);
        }
      }
      times.sort((a, b) => a - b);
      rows.push({
        engine: engine.name,
        reflections: size,
        'build ms': Math.round(buildMs),
        'query median ms': +(times[Math.floor(times.length / 2)] as number).toFixed(2),
        'query p95 ms': +(times[Math.floor(times.length * 0.95)] as number).toFixed(2),
        'query max ms': +(times[times.length - 1] as number).toFixed(2),
        'heap MB': +heldMb.toFixed(1),
        'last hits': hits,
      });
      void index;
    }
  }
  console.table(rows);
  const ownSource = resolve('utils/review/search-index.ts');
  console.table({
    own: bundleCost(`export { SearchIndex } from ${JSON.stringify(ownSource)};`),
    minisearch: bundleCost(`export { default } from 'minisearch';`),
    flexsearch: bundleCost(`export { Index } from 'flexsearch';`),
  });
});
