import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  budgetFromFile,
  checkBudgets,
  type EntrypointSize,
  entryChunks,
  entrypointSizes,
  findEntrypoints,
  htmlScripts,
  jsImports,
  resolveBuildPath,
  type SizeBudget,
} from '../../bench/sizes';

const bytes = (text: string) => new TextEncoder().encode(text);

/** A small build shaped like WXT's output. */
function build(entries: Record<string, string>): Map<string, Uint8Array> {
  return new Map(Object.entries(entries).map(([path, text]) => [path, bytes(text)]));
}

const popupHtml = `<!DOCTYPE html><html><head>
<script type="module" crossorigin src="/chunks/popup-A.js"></script>
<link rel="modulepreload" crossorigin href="/chunks/jsxRuntime-B.js">
<link rel="stylesheet" crossorigin href="/assets/popup-C.css">
</head><body></body></html>`;

const files = build({
  'popup.html': popupHtml,
  'options.html': '<script type="module" src="/chunks/options-D.js"></script>',
  'chunks/popup-A.js': 'import{a as b}from"./jsxRuntime-B.js";b();',
  'chunks/jsxRuntime-B.js': 'export const a=()=>1;',
  'chunks/options-D.js':
    'import{a}from"./jsxRuntime-B.js";const l=()=>import("./lazy-E.js");import"./side-F.js";',
  'chunks/lazy-E.js': 'export*from"./deep-G.js";',
  'chunks/deep-G.js': 'export const g=1;',
  'chunks/side-F.js': 'console.log("from \\"./not-a-file.js\\"")',
  'chunks/unused-H.js': 'export const never=1;',
  'assets/popup-C.css': 'body{color:red}',
  'background.js': 'console.log(1)',
  'content-scripts/page.js': 'console.log(2)',
  'manifest.json': '{}',
});

describe('resolveBuildPath', () => {
  it.each([
    ['popup.html', '/chunks/a.js', 'chunks/a.js'],
    ['popup.html', './chunks/a.js', 'chunks/a.js'],
    ['chunks/popup.js', './b.js', 'chunks/b.js'],
    ['chunks/popup.js', '../background.js', 'background.js'],
    ['chunks/deep/x.js', '../../y.js', 'y.js'],
  ])('from %s, %s is %s', (from, spec, expected) => {
    expect(resolveBuildPath(from, spec)).toBe(expected);
  });
});

describe('htmlScripts and jsImports', () => {
  it('reads module scripts and modulepreloads, not stylesheets', () => {
    expect(htmlScripts(popupHtml)).toEqual(['/chunks/popup-A.js', '/chunks/jsxRuntime-B.js']);
  });

  it.each([
    ['import{a as b}from"./x.js";', ['./x.js']],
    ['import "./side.js";', ['./side.js']],
    ['export*from"./re.js";', ['./re.js']],
    ['const m=()=>import("./lazy.js")', ['./lazy.js']],
    ['const m=()=>import( "./lazy.mjs" )', ['./lazy.mjs']],
    ['var J=()=>w(()=>import(`./db-0Y9N5nE6.js`).then(e=>e.t),[])', ['./db-0Y9N5nE6.js']],
    // A computed path names no chunk.
    ['import(`./$' + '{name}.js`)', []],
    ['import(variable)', []],
    ['const s="no imports here";', []],
  ])('%s imports %j', (code, expected) => {
    expect(jsImports(code)).toEqual(expected);
  });
});

describe('entryChunks', () => {
  it.each([
    ['popup.html', ['chunks/popup-A.js', 'chunks/jsxRuntime-B.js']],
    [
      'options.html',
      [
        'chunks/options-D.js',
        'chunks/jsxRuntime-B.js',
        'chunks/side-F.js',
        'chunks/lazy-E.js',
        'chunks/deep-G.js',
      ],
    ],
    ['background.js', ['background.js']],
  ])('%s loads %j', (entry, expected) => {
    expect(entryChunks(entry, files)).toEqual(expected);
  });

  it('leaves dynamic imports out of the initial load', () => {
    expect(entryChunks('options.html', files, { dynamic: false })).toEqual([
      'chunks/options-D.js',
      'chunks/jsxRuntime-B.js',
      'chunks/side-F.js',
    ]);
  });

  it('survives an import cycle', () => {
    const cyclic = build({
      'a.html': '<script type="module" src="/a.js"></script>',
      'a.js': 'import"./b.js"',
      'b.js': 'import"./a.js"',
    });
    expect(entryChunks('a.html', cyclic)).toEqual(['a.js', 'b.js']);
  });

  it('names a missing entry', () => {
    expect(() => entryChunks('nope.html', files)).toThrow('nope.html is not in the build');
  });
});

describe('entrypointSizes', () => {
  it('finds pages, the background and content scripts', () => {
    expect(findEntrypoints(files).map((e) => e.name)).toEqual([
      'background',
      'content-scripts/page',
      'options',
      'popup',
    ]);
  });

  it('sums each chunk gzipped on its own, at start and with lazy chunks', () => {
    const options = entrypointSizes(files).find((size) => size.name === 'options');
    const gz = (...paths: string[]) =>
      paths.reduce((sum, path) => sum + gzipSync(files.get(path) as Uint8Array).length, 0);
    const raw = (...paths: string[]) =>
      paths.reduce((sum, path) => sum + (files.get(path) as Uint8Array).length, 0);
    const initial = ['chunks/options-D.js', 'chunks/jsxRuntime-B.js', 'chunks/side-F.js'];
    const all = [...initial, 'chunks/lazy-E.js', 'chunks/deep-G.js'];
    expect(options).toEqual({
      name: 'options',
      entry: 'options.html',
      chunks: all,
      gzipBytes: gz(...all),
      rawBytes: raw(...all),
      initialChunks: initial,
      initialGzipBytes: gz(...initial),
    });
  });
});

describe('checkBudgets', () => {
  const size = (name: string, initialGzipBytes: number, gzipBytes: number): EntrypointSize => ({
    name,
    entry: `${name}.html`,
    chunks: [`chunks/${name}.js`, `chunks/${name}-lazy.js`],
    gzipBytes,
    rawBytes: gzipBytes * 3,
    initialChunks: [`chunks/${name}.js`],
    initialGzipBytes,
  });

  it.each<[string, EntrypointSize[], SizeBudget, string[]]>([
    [
      'both within',
      [size('popup', 15_360, 20_000)],
      { popup: { initial: 15_360, all: 20_000 } },
      [],
    ],
    [
      'initial over',
      [size('popup', 15_361, 16_000)],
      { popup: { initial: 15_360, all: 20_000 } },
      [
        'popup JavaScript at start is 15,361 bytes gzipped, over its budget of 15,360 bytes by 1 (chunks/popup.js).',
      ],
    ],
    [
      'lazy chunks push it over',
      [size('popup', 10_000, 20_500)],
      { popup: { initial: 15_360, all: 20_000 } },
      [
        'popup JavaScript with lazy chunks is 20,500 bytes gzipped, over its budget of 20,000 bytes by 500 (chunks/popup.js, chunks/popup-lazy.js).',
      ],
    ],
    ['only an initial budget', [size('popup', 100, 99_999)], { popup: { initial: 200 } }, []],
    ['no budget', [size('options', 99_999, 99_999)], {}, []],
    [
      'a budget for nothing',
      [size('popup', 100, 100)],
      { popup: { all: 200 }, gone: { all: 100 } },
      ['gone has a budget but is not in the build: remove it from the budget file.'],
    ],
  ])('%s', (_, sizes, budget, over) => {
    expect(checkBudgets(sizes, budget).over).toEqual(over);
  });

  it('lists every entrypoint with its sizes and budgets', () => {
    expect(
      checkBudgets([size('popup', 1234, 2345), size('x', 5, 5)], { popup: { initial: 2000 } })
        .lines,
    ).toEqual([
      'ok   popup: 1,234 B at start (budget 2,000 B), 2,345 B with lazy chunks, gzipped',
      '     x: 5 B at start, 5 B with lazy chunks, gzipped',
    ]);
  });
});

describe('budgetFromFile', () => {
  it.each([
    [{ popup: { maxGzipBytes: 25600, why: 'x' } }, { popup: { all: 25600 } }],
    [{ popup: { maxInitialGzipBytes: 15360 } }, { popup: { initial: 15360 } }],
    [
      { popup: { maxInitialGzipBytes: 15360, maxGzipBytes: 25600 } },
      { popup: { initial: 15360, all: 25600 } },
    ],
  ])('reads %j', (raw, expected) => {
    expect(budgetFromFile(raw)).toEqual(expected);
  });

  it.each([
    [null],
    [{ popup: {} }],
    [{ popup: { maxGzipBytes: -1 } }],
    [{ popup: { maxInitialGzipBytes: '15 KB' } }],
    [{ popup: 'big' }],
  ])('refuses %j', (raw) => {
    expect(() => budgetFromFile(raw)).toThrow();
  });
});
