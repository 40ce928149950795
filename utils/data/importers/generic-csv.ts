/**
 * Any CSV with a header row, pure: the person says which column is the date and which go to
 * what happened, what they learned, next time and tags (a guess from the column names comes
 * first). Several columns for one answer are joined with a blank line between them.
 */
import { t } from '../../i18n/i18n';
import { parseCsv } from './csv';
import { readInstant } from './dates';
import { type ImportPlan, type ImportRefusal, PlanBuilder } from './plan';

/** Where a column goes. */
export type ColumnRole = 'skip' | 'date' | 'happened' | 'learned' | 'nextTime' | 'tags';

export const COLUMN_ROLES: readonly ColumnRole[] = [
  'skip',
  'date',
  'happened',
  'learned',
  'nextTime',
  'tags',
];

export interface CsvScan {
  headers: string[];
  rows: string[][];
}

/** Column names that suggest a role (English and German), lower-case. */
const GUESSES: ReadonlyArray<readonly [Exclude<ColumnRole, 'skip'>, RegExp]> = [
  ['date', /^(date|day|created|created at|datum|tag|zeit|time|timestamp|when|wann)$/],
  [
    'happened',
    /^(what happened|happened|text|note|notes|entry|body|content|notiz|eintrag|was ist passiert|passiert)$/,
  ],
  [
    'learned',
    /^(what i learned|learned|learnt|lesson|lessons|gelernt|was habe ich gelernt|erkenntnis)$/,
  ],
  ['nextTime', /^(next time|what next|next|nächstes mal|beim nächsten mal)$/],
  ['tags', /^(tags?|labels?|categories|category|schlagwörter|schlagworte|kategorie)$/],
];

/** A first guess at each column's role from its name; one date and one tags column at most. */
export function guessRoles(headers: readonly string[]): ColumnRole[] {
  const taken = new Set<ColumnRole>();
  return headers.map((header) => {
    const name = header.trim().toLowerCase().replace(/[_-]+/g, ' ');
    const role = GUESSES.find(([, pattern]) => pattern.test(name))?.[0] ?? 'skip';
    if ((role === 'date' || role === 'tags') && taken.has(role)) return 'skip';
    taken.add(role);
    return role;
  });
}

/** Read a CSV's header and rows, or say why it cannot be imported. */
export function scanCsv(
  text: string,
  fileName: string,
): { ok: true; scan: CsvScan } | ImportRefusal {
  const csv = parseCsv(text);
  if (!csv.ok) return { ok: false, message: t('importerCsvOpenQuote', fileName, csv.line) };
  const [header, ...rows] = csv.rows;
  if (!header || header.length < 2 || rows.length === 0) {
    return { ok: false, message: t('importerCsvTooSmall', fileName) };
  }
  return { ok: true, scan: { headers: header.map((name) => name.trim()), rows } };
}

/** What is wrong with a mapping (one date column, at least one answer), or null. */
export function mappingProblem(roles: readonly ColumnRole[]): string | null {
  const dates = roles.filter((role) => role === 'date').length;
  if (dates !== 1) return t('importerCsvOneDate');
  if (!roles.some((role) => role === 'happened' || role === 'learned' || role === 'nextTime')) {
    return t('importerCsvOneAnswer');
  }
  return null;
}

/** Every row as a plan, by the person's mapping (checked with `mappingProblem` first). */
export function planCsv(
  scan: CsvScan,
  roles: readonly ColumnRole[],
  zone: string,
  now: number,
): ImportPlan {
  const builder = new PlanBuilder('csv', now);
  const columns = (role: ColumnRole) => roles.flatMap((r, i) => (r === role ? [i] : []));
  const [dateColumn] = columns('date');
  const text = (row: string[], role: ColumnRole) =>
    columns(role)
      .map((i) => (row[i] ?? '').trim())
      .filter(Boolean)
      .join('\n\n');
  const seen = new Map<string, number>();
  for (const row of scan.rows) {
    if (row.length < scan.headers.length && row.every((cell) => cell.trim() === '')) continue;
    // The whole row is the entry's identity: the same line in a later copy of the file is
    // skipped, an edited one comes in as new.
    const key = row.join('\u001f');
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    if (nth > 1) {
      builder.skip('duplicate');
      continue;
    }
    const date = dateColumn === undefined ? '' : (row[dateColumn] ?? '');
    builder.add({
      sourceId: key,
      createdAt: date.trim() ? readInstant(date, zone) : null,
      happened: text(row, 'happened'),
      learned: text(row, 'learned'),
      nextTime: text(row, 'nextTime'),
      tags: columns('tags').flatMap((i) => (row[i] ?? '').split(/[,;|]/)),
    });
  }
  return builder.plan;
}
