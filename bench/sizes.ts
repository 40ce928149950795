/**
 * The gzipped JavaScript each entrypoint loads, computed from the built files, in two scopes:
 * - initial: every script and modulepreload an HTML page names plus their static imports —
 *   what must load before the page can do anything;
 * - all: that plus every chunk reachable through dynamic `import()` — everything the page can
 *   ever load (lazy code still costs when it runs).
 * A script entrypoint (background.js) counts itself and its imports.
 * Pure: the build is passed in as a map of relative path → bytes.
 */
import { gzipSync } from 'node:zlib';

/** Built files by path relative to the build folder ("chunks/popup-abc.js"). */
export type BuildFiles = ReadonlyMap<string, Uint8Array>;

/** One entrypoint's JavaScript. */
export interface EntrypointSize {
  /** "popup", "options", "background", "content-scripts/x". */
  name: string;
  /** The entry file, e.g. "popup.html". */
  entry: string;
  /** Every JS file it can load (static and dynamic imports), in discovery order. */
  chunks: string[];
  /** Sum of each of `chunks` gzipped on its own (zlib default level, like a web server). */
  gzipBytes: number;
  rawBytes: number;
  /** The JS files it loads before running: HTML scripts and their static imports. */
  initialChunks: string[];
  initialGzipBytes: number;
}

/** Budgets per entrypoint name, in gzipped bytes: for the initial load, for everything. */
export type SizeBudget = Record<string, { initial?: number; all?: number }>;

const HTML_SCRIPT = /<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi;
const HTML_PRELOAD = /<link\b[^>]*\brel\s*=\s*["']modulepreload["'][^>]*>/gi;
const HREF = /\bhref\s*=\s*["']([^"']+)["']/i;
// Minified ES modules: `import{a}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`.
const STATIC_IMPORT = /\bfrom\s*["']([^"']+\.m?js)["']|\bimport\s*["']([^"']+\.m?js)["']/g;
// `import("./x.js")`; Rolldown writes them with backticks. A false hit of either is harmless:
// only paths that exist in the build count.
const DYNAMIC_IMPORT = /\bimport\s*\(\s*["'`]([^"'`$]+\.m?js)["'`]\s*\)/g;

/** Resolve `spec` as the browser would from `from` (both relative to the build root). */
export function resolveBuildPath(from: string, spec: string): string {
  const base = spec.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const part of spec.replace(/^\//, '').split('/')) {
    if (part === '..') base.pop();
    else if (part !== '.' && part !== '') base.push(part);
  }
  return base.join('/');
}

function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

/** The scripts an HTML page loads directly (module scripts and modulepreloads). */
export function htmlScripts(html: string): string[] {
  const found = [...html.matchAll(HTML_SCRIPT)].map((m) => m[1] as string);
  for (const [tag] of html.matchAll(HTML_PRELOAD)) {
    const href = HREF.exec(tag)?.[1];
    if (href) found.push(href);
  }
  return found;
}

/** Module specifiers a built JS file imports: static ones, then dynamic ones unless asked not to. */
export function jsImports(code: string, options: { dynamic?: boolean } = {}): string[] {
  const found = [...code.matchAll(STATIC_IMPORT)].map((m) => (m[1] ?? m[2]) as string);
  if (options.dynamic === false) return found;
  return [...found, ...[...code.matchAll(DYNAMIC_IMPORT)].map((m) => m[1] as string)];
}

/**
 * Every JS file `entry` loads, following imports transitively (dynamic ones too unless
 * `dynamic: false`); missing files are skipped.
 */
export function entryChunks(
  entry: string,
  files: BuildFiles,
  options: { dynamic?: boolean } = {},
): string[] {
  const seen = new Set<string>();
  const entryBytes = files.get(entry);
  if (!entryBytes) throw new Error(`${entry} is not in the build`);
  const queue = entry.endsWith('.html')
    ? htmlScripts(text(entryBytes)).map((spec) => resolveBuildPath(entry, spec))
    : [entry];
  while (queue.length > 0) {
    const path = queue.shift() as string;
    const bytes = files.get(path);
    if (seen.has(path) || !bytes || !/\.m?js$/.test(path)) continue;
    seen.add(path);
    for (const spec of jsImports(text(bytes), options)) queue.push(resolveBuildPath(path, spec));
  }
  return [...seen];
}

/** The entrypoints of a WXT build: root HTML pages, background.js, content scripts. */
export function findEntrypoints(files: BuildFiles): Array<{ name: string; entry: string }> {
  const entries: Array<{ name: string; entry: string }> = [];
  for (const path of [...files.keys()].sort()) {
    if (/^[^/]+\.html$/.test(path))
      entries.push({ name: path.replace(/\.html$/, ''), entry: path });
    else if (path === 'background.js') entries.push({ name: 'background', entry: path });
    else if (/^content-scripts\/[^/]+\.js$/.test(path)) {
      entries.push({ name: path.replace(/\.js$/, ''), entry: path });
    }
  }
  return entries;
}

/** Gzipped size of some bytes at zlib's default level. */
export function gzipSize(bytes: Uint8Array): number {
  return gzipSync(bytes).length;
}

/** Size of every entrypoint's JavaScript in the build, initial and all. */
export function entrypointSizes(files: BuildFiles): EntrypointSize[] {
  const gz = (chunks: string[]) =>
    chunks.reduce((sum, chunk) => sum + gzipSize(files.get(chunk) as Uint8Array), 0);
  return findEntrypoints(files).map(({ name, entry }) => {
    const chunks = entryChunks(entry, files);
    const initialChunks = entryChunks(entry, files, { dynamic: false });
    return {
      name,
      entry,
      chunks,
      gzipBytes: gz(chunks),
      rawBytes: chunks.reduce((sum, chunk) => sum + (files.get(chunk) as Uint8Array).length, 0),
      initialChunks,
      initialGzipBytes: gz(initialChunks),
    };
  });
}

/**
 * Read the budget file (`{ popup: { maxInitialGzipBytes, maxGzipBytes, why } }`): each
 * entrypoint has a limit for its initial load, for everything it can load, or both.
 */
export function budgetFromFile(raw: unknown): SizeBudget {
  const budget: SizeBudget = {};
  if (typeof raw !== 'object' || raw === null) throw new Error('The size budget is not an object.');
  const limit = (name: string, value: unknown): number | undefined => {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new Error(`The size budget for ${name} must be a positive number of bytes.`);
    }
    return value;
  };
  for (const [name, entry] of Object.entries(raw)) {
    const fields = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<
      string,
      unknown
    >;
    const initial = limit(name, fields.maxInitialGzipBytes);
    const all = limit(name, fields.maxGzipBytes);
    if (initial === undefined && all === undefined) {
      throw new Error(`The size budget for ${name} needs "maxInitialGzipBytes" or "maxGzipBytes".`);
    }
    budget[name] = { ...(initial ? { initial } : {}), ...(all ? { all } : {}) };
  }
  return budget;
}

/** One line per entrypoint against its budgets, and a message per budget exceeded. */
export function checkBudgets(
  sizes: readonly EntrypointSize[],
  budget: SizeBudget,
): { lines: string[]; over: string[] } {
  const lines: string[] = [];
  const over: string[] = [];
  const fmt = (n: number) => n.toLocaleString('en-US');
  for (const size of sizes) {
    const limits = budget[size.name] ?? {};
    const scopes = [
      {
        what: 'at start',
        bytes: size.initialGzipBytes,
        max: limits.initial,
        chunks: size.initialChunks,
      },
      { what: 'with lazy chunks', bytes: size.gzipBytes, max: limits.all, chunks: size.chunks },
    ];
    let ok = true;
    const parts = scopes.map(({ what, bytes, max, chunks }) => {
      if (max !== undefined && bytes > max) {
        ok = false;
        over.push(
          `${size.name} JavaScript ${what} is ${fmt(bytes)} bytes gzipped, over its budget of ` +
            `${fmt(max)} bytes by ${fmt(bytes - max)} (${chunks.join(', ')}).`,
        );
      }
      return `${fmt(bytes)} B ${what}${max === undefined ? '' : ` (budget ${fmt(max)} B)`}`;
    });
    const mark = budget[size.name] === undefined ? '    ' : ok ? 'ok  ' : 'OVER';
    lines.push(`${mark} ${size.name}: ${parts.join(', ')}, gzipped`);
  }
  for (const name of Object.keys(budget)) {
    if (!sizes.some((size) => size.name === name)) {
      over.push(`${name} has a budget but is not in the build: remove it from the budget file.`);
    }
  }
  return { lines, over };
}
