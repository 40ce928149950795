/**
 * The CSV export: one row per reflection for spreadsheets, fields quoted as RFC 4180 asks and
 * guarded against formula injection. Its own file because its rules (quoting, column order)
 * are the spreadsheet's, not the other formats'.
 */

import { questionLabel } from '../reflections/question-label';
import type { Reflection } from '../reflections/reflection';
import type { ExportWriter } from './export';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, with inner quotes
 * doubled. A field a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first)
 * gets a leading apostrophe, as OWASP advises for CSV injection; JSON stays the lossless format.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line from fields, CRLF-terminated as RFC 4180 asks. */
export function csvRow(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

const CSV_FIXED = [
  'id',
  'created',
  'updated',
  'template',
  'happened',
  'learned',
  'next time',
  'other answers',
  'tags',
  'sting',
  'trigger',
  'pinned',
  'page title',
  'page url',
  'selection',
] as const;

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** The CSV cells of one reflection, in `CSV_FIXED` order. */
export function csvCells(r: Reflection): string[] {
  const others = Object.entries(r.answers)
    .filter(([key, text]) => !['happened', 'learned', 'nextTime'].includes(key) && text !== '')
    .map(([key, text]) => `${questionLabel(r.template, key, r.prompt, r.wording)} ${text}`)
    .join('\n\n');
  return [
    r.id,
    iso(r.createdAt),
    iso(r.updatedAt),
    r.template,
    r.answers.happened ?? '',
    r.answers.learned ?? '',
    r.answers.nextTime ?? '',
    others,
    r.tags.join(', '),
    r.sting === null ? '' : String(r.sting),
    r.trigger,
    r.pinned ? 'yes' : 'no',
    r.context?.title ?? '',
    r.context?.url ?? '',
    r.context?.selection ?? '',
  ];
}

/** A spreadsheet-friendly table: a header row, then one row per (not deleted) reflection. */
export function csvWriter(): ExportWriter {
  return {
    kind: 'csv',
    mimeType: 'text/csv',
    extension: 'csv',
    start() {
      // A byte-order mark so spreadsheet apps read UTF-8 (emoji, accents) correctly.
      return `\uFEFF${csvRow(CSV_FIXED)}`;
    },
    chunk(reflections) {
      let out = '';
      for (const r of reflections) if (r.deletedAt === null) out += csvRow(csvCells(r));
      return out;
    },
    end() {
      return '';
    },
  };
}
