/**
 * Export formats, pure: JSON (lossless, versioned — the one import reads), Markdown (a
 * readable document) and CSV (one row per reflection, for spreadsheets). Each format is
 * written in pieces so a page can stream 100,000 reflections into a Blob chunk by chunk
 * without holding one giant string. This file chooses the writer; the contract every format
 * writes to and the JSON writer are export-json.ts, Markdown and CSV export-markdown.ts and
 * export-csv.ts.
 */

import type { Reflection } from '../reflections/reflection';
import { csvWriter } from './export-csv';
import { type ExportKind, type ExportMeta, type ExportWriter, jsonWriter } from './export-json';
import { markdownWriter } from './export-markdown';

// The JSON format's names, where callers have always found them.
export {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportFile,
  type ExportKind,
  type ExportMeta,
  type ExportWriter,
  jsonWriter,
} from './export-json';

/** Every piece of a writer for `reflections`, joined: the whole file as one string. */
export function exportToString(writer: ExportWriter, reflections: readonly Reflection[]): string {
  return writer.start() + writer.chunk(reflections) + writer.end();
}

/** The writer for a format. */
export function writerFor(kind: ExportKind, meta: ExportMeta): ExportWriter {
  if (kind === 'json') return jsonWriter(meta);
  if (kind === 'markdown') return markdownWriter(meta);
  return csvWriter();
}

/**
 * A file name such as `fail-well-2026-11-29.json`, dated in the given zone; an encrypted
 * backup is `fail-well-2026-11-29.encrypted.json`, so the person can tell the two apart.
 */
export function exportFileName(
  kind: ExportKind,
  exportedAt: number,
  timeZone?: string,
  encrypted = false,
): string {
  const date = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(exportedAt);
  const extension = kind === 'markdown' ? 'md' : kind;
  return `fail-well-${date}.${encrypted && kind === 'json' ? 'encrypted.' : ''}${extension}`;
}
