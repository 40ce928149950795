/**
 * The gzipped JavaScript each entrypoint loads, computed from the built files: an HTML page
 * counts every script and modulepreload it names plus every chunk those import, statically or
 * dynamically; a script entrypoint (background.js) counts itself and its imports.
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
  /** Every JS file it loads, in discovery order. */
  chunks: string[];
  /** Sum of each chunk gzipped on its own (zlib default level, like a web server). */
  gzipBytes: number;
  rawBytes: number;
}

/** A size budget per entrypoint name, in gzipped bytes. */
export type SizeBudget = Record<string, number>;

const HTML_SCRIPT = /<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi;
const HTML_PRELOAD = /<link\b[^>]*\brel\s*=\s*["']modulepreload["'][^>]*>/gi;
const HREF = /\bhref\s*=\s*["']([^"']+)["']/i;
// Minified ES modules: `import{a}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`,
// `import("./x.js")`. A false hit is harmless: only paths that exist in the build count.
const JS_IMPORT =
  /\bfrom\s*["']([^"']+\.m?js)["']|\bimport\s*["']([^"']+\.m?js)["']|\bimport\s*\(\s*["']([^"']+\.m?js)["']\s*\)/g;

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

/** Module specifiers a built JS file imports, statically or dynamically. */
export function jsImports(code: string): string[] {
  return [...code.matchAll(JS_IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3]) as string);
}

/** Every JS file `entry` loads, following imports transitively; missing files are skipped. */
export function entryChunks(entry: string, files: BuildFiles): string[] {
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
    for (const spec of jsImports(text(bytes))) queue.push(resolveBuildPath(path, spec));
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

/** Size of every entrypoint's JavaScript in the build. */
export function entrypointSizes(files: BuildFiles): EntrypointSize[] {
  return findEntrypoints(files).map(({ name, entry }) => {
    const chunks = entryChunks(entry, files);
    let gzipBytes = 0;
    let rawBytes = 0;
    for (const chunk of chunks) {
      const bytes = files.get(chunk) as Uint8Array;
      gzipBytes += gzipSize(bytes);
      rawBytes += bytes.length;
    }
    return { name, entry, chunks, gzipBytes, rawBytes };
  });
}

/** Read the budget file's shape (`{ popup: { maxGzipBytes, why } }`) into bytes per name. */
export function budgetFromFile(raw: unknown): SizeBudget {
  const budget: SizeBudget = {};
  if (typeof raw !== 'object' || raw === null) throw new Error('The size budget is not an object.');
  for (const [name, entry] of Object.entries(raw)) {
    const max = (entry as { maxGzipBytes?: unknown } | null)?.maxGzipBytes;
    if (typeof max !== 'number' || !Number.isFinite(max) || max <= 0) {
      throw new Error(`The size budget for ${name} needs a positive "maxGzipBytes".`);
    }
    budget[name] = max;
  }
  return budget;
}

/** One line per entrypoint against its budget, and the ones over budget. */
export function checkBudgets(
  sizes: readonly EntrypointSize[],
  budget: SizeBudget,
): { lines: string[]; over: string[] } {
  const lines: string[] = [];
  const over: string[] = [];
  const fmt = (n: number) => n.toLocaleString('en-US');
  for (const size of sizes) {
    const limit = budget[size.name];
    if (limit === undefined) {
      lines.push(`     ${size.name}: ${fmt(size.gzipBytes)} B gzipped (no budget set)`);
      continue;
    }
    const ok = size.gzipBytes <= limit;
    lines.push(
      `${ok ? 'ok  ' : 'OVER'} ${size.name}: ${fmt(size.gzipBytes)} B gzipped, budget ${fmt(limit)} B`,
    );
    if (!ok) {
      over.push(
        `${size.name} JavaScript is ${fmt(size.gzipBytes)} bytes gzipped, over its budget of ` +
          `${fmt(limit)} bytes by ${fmt(size.gzipBytes - limit)} (${size.chunks.join(', ')}).`,
      );
    }
  }
  for (const name of Object.keys(budget)) {
    if (!sizes.some((size) => size.name === name)) {
      over.push(`${name} has a budget but is not in the build: remove it from the budget file.`);
    }
  }
  return { lines, over };
}
