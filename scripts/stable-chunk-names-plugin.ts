/**
 * Chunk files named without a content hash (`chunks/draft.js`, not `chunks/draft-lTjoGnnO.js`).
 * An extension's files ship in one package and are never cached by URL, so the hash buys
 * nothing; it costs bytes in every import and preload list, and, being random, made the
 * popup's gzipped start-up size move by a few bytes with every unrelated change (its budget is
 * counted to the byte). Set at the last moment because WXT sets its own names.
 */
import type { Plugin } from 'vite';

export function stableChunkNames(): Plugin {
  return {
    name: 'fail-well:stable-chunk-names',
    outputOptions(options) {
      const named = (name: unknown) =>
        typeof name === 'string' ? name.replace('-[hash]', '') : name;
      return {
        ...options,
        chunkFileNames: named(options.chunkFileNames) as string,
        entryFileNames:
          typeof options.entryFileNames === 'function'
            ? (chunk) =>
                named((options.entryFileNames as (c: typeof chunk) => string)(chunk)) as string
            : (named(options.entryFileNames) as string),
      };
    },
  };
}
