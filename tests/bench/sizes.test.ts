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
        'chunks/lazy-E.js',
        'chunks/side-F.js',
        'chunks/deep-G.js',
      ],
    ],
    ['background.js', ['background.js']],
  ])('%s loads %j', (entry, expected) => {
    expect(entryChunks(entry, files)).toEqual(expected);
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

  it('sums each chunk gzipped on its own', () => {
    const popup = entrypointSizes(files).find((size) => size.name === 'popup');
    const gz = (path: string) => gzipSync(files.get(path) as Uint8Array).length;
    expect(popup).toEqual({
      name: 'popup',
      entry: 'popup.html',
      chunks: ['chunks/popup-A.js', 'chunks/jsxRuntime-B.js'],
      gzipBytes: gz('chunks/popup-A.js') + gz('chunks/jsxRuntime-B.js'),
      rawBytes:
        (files.get('chunks/popup-A.js') as Uint8Array).length +
        (files.get('chunks/jsxRuntime-B.js') as Uint8Array).length,
    });
  });
});

describe('checkBudgets', () => {
  const size = (name: string, gzipBytes: number): EntrypointSize => ({
    name,
    entry: `${name}.html`,
    chunks: [`chunks/${name}.js`],
    gzipBytes,
    rawBytes: gzipBytes * 3,
  });

  it.each([
    [[size('popup', 15_360)], { popup: 15_360 }, []],
    [
      [size('popup', 15_361)],
      { popup: 15_360 },
      [
        'popup JavaScript is 15,361 bytes gzipped, over its budget of 15,360 bytes by 1 (chunks/popup.js).',
      ],
    ],
    [[size('options', 99_999)], {}, []],
    [
      [size('popup', 100)],
      { popup: 200, gone: 100 },
      ['gone has a budget but is not in the build: remove it from the budget file.'],
    ],
  ])('%j against %j', (sizes, budget, over) => {
    expect(checkBudgets(sizes, budget).over).toEqual(over);
  });

  it('lists every entrypoint with its size and budget', () => {
    expect(checkBudgets([size('popup', 1234), size('x', 5)], { popup: 2000 }).lines).toEqual([
      'ok   popup: 1,234 B gzipped, budget 2,000 B',
      '     x: 5 B gzipped (no budget set)',
    ]);
  });
});

describe('budgetFromFile', () => {
  it('reads bytes per entrypoint', () => {
    expect(budgetFromFile({ popup: { maxGzipBytes: 15360, why: 'x' } })).toEqual({ popup: 15360 });
  });

  it.each([[null], [{ popup: {} }], [{ popup: { maxGzipBytes: -1 } }], [{ popup: 'big' }]])(
    'refuses %j',
    (raw) => {
      expect(() => budgetFromFile(raw)).toThrow();
    },
  );
});
