/**
 * Daylio's CSV backup export, pure: `full_date, date, weekday, time, mood, activities,
 * note_title, note` (newer versions add columns after these; they are left alone). The
 * date and time are the person's wall clock, read in the zone they pick. The note (with its
 * title as the first line) is "what happened", activities become tags, and a mood — Daylio's
 * own names or the person's custom ones — becomes a sting only where the person maps it.
 */
import { formatList } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import type { Sting } from '../../reflections/reflection';
import { parseCsv } from './csv';
import { readInstant } from './dates';
import { type ImportPlan, type ImportRefusal, PlanBuilder } from './plan';

const REQUIRED = ['full_date', 'time', 'mood', 'note'] as const;

/** A Daylio file read as rows, before the person maps moods and picks a zone. */
export interface DaylioScan {
  rows: string[][];
  columns: Record<string, number>;
  /** Each mood name and how many entries have it, most used first. */
  moods: Array<{ mood: string; count: number }>;
}

/** Read a Daylio export's rows and moods, or say why it is not one. */
export function scanDaylio(
  text: string,
  fileName: string,
): { ok: true; scan: DaylioScan } | ImportRefusal {
  const csv = parseCsv(text);
  if (!csv.ok) return { ok: false, message: t('importerCsvOpenQuote', fileName, csv.line) };
  const [header, ...rows] = csv.rows;
  const columns: Record<string, number> = {};
  (header ?? []).forEach((name, i) => {
    columns[name.trim().toLowerCase()] = i;
  });
  const missing = REQUIRED.filter((name) => columns[name] === undefined);
  if (missing.length > 0) {
    return { ok: false, message: t('importerDaylioNotDaylio', fileName, formatList(missing)) };
  }
  const moodColumn = columns.mood as number;
  const counts = new Map<string, number>();
  for (const row of rows) {
    const mood = row[moodColumn]?.trim();
    if (mood) counts.set(mood, (counts.get(mood) ?? 0) + 1);
  }
  const moods = [...counts]
    .map(([mood, count]) => ({ mood, count }))
    .sort((a, b) => b.count - a.count || a.mood.localeCompare(b.mood));
  return { ok: true, scan: { rows, columns, moods } };
}

/** Daylio writes line breaks in notes as `<br>` in some versions: read them as line breaks. */
function noteText(raw: string): string {
  return raw.replace(/<br\s*\/?>/gi, '\n');
}

export interface DaylioOptions {
  /** The zone the person's Daylio clock was in. */
  zone: string;
  /** A sting for each mood the person mapped; a mood not here gets none. */
  stings: Readonly<Record<string, Sting>>;
}

/** Every Daylio row as a plan. */
export function planDaylio(scan: DaylioScan, options: DaylioOptions, now: number): ImportPlan {
  const { columns } = scan;
  const cell = (row: string[], name: string) => {
    const at = columns[name];
    return at === undefined ? '' : (row[at] ?? '');
  };
  const builder = new PlanBuilder('daylio', now);
  // Two entries in the same minute are told apart by their order in the file.
  const seenMinute = new Map<string, number>();
  for (const row of scan.rows) {
    if (row.length < 4) {
      builder.skip('broken');
      continue;
    }
    const day = cell(row, 'full_date').trim();
    const time = cell(row, 'time').trim();
    const minute = `${day} ${time}`;
    const nth = (seenMinute.get(minute) ?? 0) + 1;
    seenMinute.set(minute, nth);
    const title = noteText(cell(row, 'note_title')).trim();
    const note = noteText(cell(row, 'note')).trim();
    const mood = cell(row, 'mood').trim();
    const sting = Object.hasOwn(options.stings, mood) ? (options.stings[mood] ?? null) : null;
    const added = builder.add({
      // The note's words are left out of the id: a note edited in Daylio is still the same entry.
      sourceId: `${minute}#${nth}`,
      createdAt: readInstant(day, options.zone, time),
      happened: [title, note].filter(Boolean).join('\n\n'),
      tags: cell(row, 'activities')
        .split('|')
        .map((tag) => tag.trim()),
      sting,
    });
    if (added && sting !== null) builder.note('stings');
  }
  return builder.plan;
}
