/**
 * The JSON export format, pure: its version, its shape and its writer — the one format import
 * reads, and what automatic backups write. Apart from export.ts (which adds Markdown and CSV)
 * so the worker and the offscreen document that write backups carry neither.
 */

import type { TemplatePrefs } from '../reflections/own-templates';
import type { Reflection } from '../reflections/reflection';
import type { Settings } from '../settings/settings';

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
