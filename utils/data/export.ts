/**
 * Export formats, pure: JSON (lossless, versioned — the one import reads), Markdown (a
 * readable document) and CSV (one row per reflection, for spreadsheets). Each format is
 * written in pieces so a page can stream 100,000 reflections into a Blob chunk by chunk
 * without holding one giant string.
 */

import { escapeMarkdown } from '../core/markdown';
import { type MessageKey, t, uiLanguage } from '../i18n/i18n';
import type { Reflection } from '../reflections/reflection';
import { questionLabel, TEMPLATES } from '../reflections/templates';
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
  reflections: Reflection[];
}

export type ExportKind = 'json' | 'markdown' | 'csv';

/** What every format's header needs to know. */
export interface ExportMeta {
  exportedAt: number;
  settings: Settings;
  /** Calm-day check-ins, for JSON; none when absent. */
  checkins?: readonly string[];
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

/**
 * "Monday 2 November 2026" in English, assembled from parts so punctuation never depends on
 * ICU data; other languages get their own full date ("Montag, 2. November 2026").
 */
function dayFormat(timeZone: string | undefined): { format(epochMs: number): string } {
  const language = uiLanguage();
  const options: Intl.DateTimeFormatOptions = {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  };
  if (!language.startsWith('en')) return new Intl.DateTimeFormat(language, options);
  const parts = new Intl.DateTimeFormat('en-GB', options);
  return {
    format(epochMs) {
      const all = parts.formatToParts(epochMs);
      const part = (type: string) => all.find((p) => p.type === type)?.value ?? '';
      return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
    },
  };
}

function timeFormat(timeZone: string | undefined) {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' });
}

const OUTCOME_WORDS: Readonly<Record<string, MessageKey>> = {
  applied: 'digestStatusApplied',
  partly: 'exportMdPartly',
  'not-yet': 'exportMdNotYet',
  'no-longer-relevant': 'digestStatusNoLonger',
};

/** The words of a Markdown export, looked up once per export rather than once per reflection. */
function markdownWords() {
  return {
    pinned: t('exportMdPinned'),
    told: t('exportMdTold'),
    notTold: t('exportMdNotTold'),
    outcome: Object.fromEntries(
      Object.entries(OUTCOME_WORDS).map(([outcome, key]) => [outcome, t(key)]),
    ),
  };
}

/** One reflection as Markdown: time and template, details, then each answer under its question. */
function markdownReflection(
  r: Reflection,
  time: Intl.DateTimeFormat,
  words: ReturnType<typeof markdownWords>,
): string {
  const lines = [`### ${time.format(r.createdAt)} · ${t(TEMPLATES[r.template].name)}`, ''];
  const details = [
    r.tags.length > 0 ? t('exportMdTags', r.tags.map(escapeMarkdown).join(', ')) : '',
    r.sting !== null ? t('exportMdSting', r.sting) : '',
    r.pinned ? words.pinned : '',
    r.context?.title || r.context?.url
      ? t(
          'exportMdPage',
          `${escapeMarkdown(r.context.title || '')}${r.context.url ? ` (${escapeMarkdown(r.context.url)})` : ''}`,
        )
      : '',
  ].filter(Boolean);
  if (details.length > 0) lines.push(details.join(' · '), '');
  if (r.context?.selection) {
    lines.push(
      ...escapeMarkdown(r.context.selection)
        .split('\n')
        .map((line) => `> ${line}`),
      '',
    );
  }
  for (const [key, text] of Object.entries(r.answers)) {
    if (text.trim() === '') continue;
    lines.push(`**${escapeMarkdown(questionLabel(r.template, key, r.prompt))}**`, '');
    lines.push(escapeMarkdown(text), '');
  }
  for (const followUp of r.followUps) {
    if (followUp.outcome) {
      lines.push(
        `${t('exportMdFollowUp', words.outcome[followUp.outcome] ?? followUp.outcome)}${followUp.note ? ` — ${escapeMarkdown(followUp.note)}` : ''}`,
        '',
      );
    }
  }
  if (r.share?.affected) {
    lines.push(
      t(
        'exportMdAffected',
        escapeMarkdown(r.share.affected),
        r.share.told ? words.told : words.notTold,
      ),
      '',
    );
  }
  return lines.join('\n');
}

/**
 * One readable document grouped by day. Soft-deleted reflections are left out (they are on
 * their way to the bin). Expects reflections in ascending `createdAt` order, as the
 * database's export reader gives them, so a day heading is written once.
 */
export function markdownWriter(meta: ExportMeta): ExportWriter {
  const day = dayFormat(meta.timeZone);
  const time = timeFormat(meta.timeZone);
  const words = markdownWords();
  let lastDay = '';
  return {
    kind: 'markdown',
    mimeType: 'text/markdown',
    extension: 'md',
    start() {
      lastDay = '';
      const when = t('exportMdExported', day.format(meta.exportedAt), time.format(meta.exportedAt));
      return `# ${t('exportMdTitle')}\n\n${when}\n`;
    },
    chunk(reflections) {
      let out = '';
      for (const r of reflections) {
        if (r.deletedAt !== null) continue;
        const heading = day.format(r.createdAt);
        if (heading !== lastDay) {
          out += `\n## ${heading}\n`;
          lastDay = heading;
        }
        out += `\n${markdownReflection(r, time, words)}`;
      }
      return out;
    },
    end() {
      return lastDay === '' ? `\n${t('exportMdEmpty')}\n` : '';
    },
  };
}

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
    .map(([key, text]) => `${questionLabel(r.template, key, r.prompt)} ${text}`)
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

/** The writer for a format. */
export function writerFor(kind: ExportKind, meta: ExportMeta): ExportWriter {
  if (kind === 'json') return jsonWriter(meta);
  if (kind === 'markdown') return markdownWriter(meta);
  return csvWriter();
}

/** A file name such as `fail-well-2026-11-29.json`, dated in the given zone. */
export function exportFileName(kind: ExportKind, exportedAt: number, timeZone?: string): string {
  const date = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(exportedAt);
  return `fail-well-${date}.${kind === 'markdown' ? 'md' : kind}`;
}
