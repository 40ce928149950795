/**
 * Export formats, pure: JSON (lossless, versioned — the one import reads), Markdown (a
 * readable document) and CSV (one row per reflection, for spreadsheets). Each format is
 * written in pieces so a page can stream 100,000 reflections into a Blob chunk by chunk
 * without holding one giant string. This file is the contract every format writes to, the JSON
 * writer and the choice of writer; Markdown and CSV are export-markdown.ts and export-csv.ts.
 */

import type { TemplatePrefs } from '../reflections/own-templates';
import type { Reflection } from '../reflections/reflection';
import type { Settings } from '../settings/settings';
import { csvWriter } from './export-csv';
import { markdownWriter } from './export-markdown';

export const EXPORT_FORMAT = 'fail-well';
/**
 * Version of the JSON file layout. 1: reflections as stored before schema version 2 (no
 * `review`); 2: every reflection carries its review state; 3: the file also holds the
 * calm-day check-ins. Import migrates older versions.
 */
export const EXPORT_VERSION = 3;

/** The whole JSON export, as the file holds it. */
export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  /** Epoch ms. */
  exportedAt: number;
  settings: Settings;
  /** Calm-day check-ins, local days "YYYY-MM-DD", oldest first (from version 3). */
  checkins: string[];
  /** Own templates, hidden built-ins and the default per trigger (absent from older files). */
  templates?: TemplatePrefs;
  reflections: Reflection[];
}

export type ExportKind = 'json' | 'markdown' | 'csv';

/** What every format's header needs to know. */
export interface ExportMeta {
  exportedAt: number;
  settings: Settings;
  /** Calm-day check-ins, for JSON; none when absent. */
  checkins?: readonly string[];
  /** For JSON: the template preferences; left out of the file when absent. */
  templates?: TemplatePrefs;
  /** For readable formats: dates are shown in this zone (tests pin it; pages use the local one). */
  timeZone?: string;
}

/** Writes one format piece by piece: `start`, then `chunk` for each batch, then `end`. */
export interface ExportWriter {
  kind: ExportKind;
  mimeType: string;
  extension: string;
  start(): string;
  chunk(reflections: readonly Reflection[]): string;
  end(): string;
}

/** Every piece of a writer for `reflections`, joined: the whole file as one string. */
export function exportToString(writer: ExportWriter, reflections: readonly Reflection[]): string {
  return writer.start() + writer.chunk(reflections) + writer.end();
}

/**
 * Lossless JSON: every live record exactly as stored, one per line so the file diffs well,
 * with the settings and check-ins. Soft-deleted reflections are left out: they are on their
 * way to the bin, and a backup should not carry text the person chose to delete.
 */
export function jsonWriter(meta: ExportMeta): ExportWriter {
  let first = true;
  return {
    kind: 'json',
    mimeType: 'application/json',
    extension: 'json',
    start() {
      first = true;
      const head = JSON.stringify({
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exportedAt: meta.exportedAt,
        settings: meta.settings,
        checkins: meta.checkins ?? [],
        ...(meta.templates ? { templates: meta.templates } : {}),
      });
      // Reopen the object to append the reflections array after the header's fields.
      return `${head.slice(0, -1)},"reflections":[`;
    },
    chunk(reflections) {
      const live = reflections.filter((reflection) => reflection.deletedAt === null);
      if (live.length === 0) return '';
      // One native join instead of thousands of appends (a rope the Blob must flatten).
      const lines = live.map((reflection) => JSON.stringify(reflection));
      const out = `${first ? '' : ','}\n${lines.join(',\n')}`;
      first = false;
      return out;
    },
    end() {
      return '\n]}\n';
    },
  };
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
