/**
 * The layout's rules, checked on the source (in the style of the literal-strings guards):
 *
 * - A util that touches the browser — `wxt/browser`, `@wxt-dev/storage`, `idb`, IndexedDB,
 *   localStorage, Web Locks — or imports (a value from) one that does, says so in its name
 *   (`-store.ts`, `-browser.ts`) or lives in a worker folder (`utils/nudges/worker/`, `utils/sync/worker/`). Every other util is pure.
 *   `t()` (utils/i18n/i18n.ts) is the one ambient read allowed in pure code: message lookup.
 * - `KNOWN_MIXED` lists the files that still mix both; it may only shrink (it is empty now).
 * - An entrypoint never reaches into another entrypoint, and only the background imports the
 *   worker's code (a page asks the worker instead: utils/nudges/attention-request-browser.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Pure and browser code still in one file, with the split each needs: none left, keep it so. */
const KNOWN_MIXED: Record<string, string> = {};

/** Read by pure code on purpose: message lookup is the one browser read everything needs. */
const AMBIENT = new Set(['utils/i18n/i18n.ts']);

const TOUCHES_BROWSER =
  /from '(wxt\/browser|@wxt-dev\/storage|idb)'|\bindexedDB\b|\blocalStorage\b|navigator\.locks|\bbrowser\.[a-z]/;

function sourceFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
    .map((name) => `${dir}/${name}`)
    .sort();
}

/** The project files a file imports values from (type-only imports are left out). */
function valueImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of source.matchAll(/^import\s+(?!type\s)([\s\S]*?)\s+from\s+'(\.{1,2}\/[^']+)'/gm)) {
    const names = (m[1] as string).trim();
    const onlyTypes =
      /^\{[^}]*\}$/.test(names) &&
      names
        .replace(/[{}\s]/g, '')
        .split(',')
        .every((name) => !name || name.startsWith('type'));
    if (onlyTypes) continue;
    const base = resolve(dirname(file), m[2] as string);
    const hit = ['.ts', '.tsx', ''].map((ext) => base + ext).find((p) => existsSync(p));
    if (hit) found.push(relative(process.cwd(), hit));
  }
  return found;
}

const utils = sourceFiles('utils');
const boundCache = new Map<string, boolean>();

/** Whether a util touches the browser itself or through a value it imports. */
function browserBound(file: string, seen = new Set<string>()): boolean {
  const known = boundCache.get(file);
  if (known !== undefined) return known;
  if (AMBIENT.has(file) || seen.has(file)) return false;
  seen.add(file);
  const bound =
    TOUCHES_BROWSER.test(readFileSync(file, 'utf8')) ||
    valueImports(file).some((dep) => dep.startsWith('utils/') && browserBound(dep, seen));
  boundCache.set(file, bound);
  return bound;
}

/** The background's own code: only the worker imports it. */
const WORKER_CODE = /^utils\/(nudges|sync)\/worker\//;

const saysSo = (file: string) => /-(store|browser)\.ts$/.test(file) || WORKER_CODE.test(file);

describe('architecture: a pure core behind a thin browser layer', () => {
  it('finds the utils in their concept folders', () => {
    expect(utils.length).toBeGreaterThan(50);
    expect(utils.filter((f) => dirname(f) === 'utils')).toEqual([]);
  });

  it('a util that touches the browser says so in its name or folder', () => {
    const unnamed = utils.filter((f) => browserBound(f) && !saysSo(f) && !(f in KNOWN_MIXED));
    expect(unnamed).toEqual([]);
  });

  it('a util named as browser code really is (the names stay true)', () => {
    expect(utils.filter((f) => saysSo(f) && !browserBound(f))).toEqual([]);
  });

  it('the list of mixed files only shrinks: each entry is still mixed', () => {
    expect(Object.keys(KNOWN_MIXED).filter((f) => !browserBound(f) || saysSo(f))).toEqual([]);
  });

  it('an entrypoint never imports another entrypoint, nor the worker’s code unless it is the worker', () => {
    const crossings = [...sourceFiles('entrypoints'), ...sourceFiles('components')].flatMap(
      (file) => {
        const home = file.startsWith('entrypoints/')
          ? file.split('/').slice(0, 2).join('/').replace(/\.ts$/, '')
          : 'components';
        return valueImports(file)
          .filter((dep) => {
            if (WORKER_CODE.test(dep)) return home !== 'entrypoints/background';
            if (!dep.startsWith('entrypoints/')) return false;
            return !dep.startsWith(`${home}/`);
          })
          .map((dep) => `${file} → ${dep}`);
      },
    );
    expect(crossings).toEqual([]);
  });
});
