/**
 * Plain-words validation for what the user types on the settings page (times, weekdays,
 * site patterns). Kept apart from nudge-settings.ts so the popup never loads these messages.
 */
import { formatNumber, t } from '../i18n/i18n';
import {
  type ClockTime,
  canonicalTime,
  parseClockTime,
  type SitePatternFault,
  sitePatternFault,
} from './nudge-settings';

/** A plain-words problem with a time the user typed, or null when it is fine. */
export function timeProblem(text: string): string | null {
  if (text.trim() === '') return t('nudgesTimeEmpty');
  return parseClockTime(text) === null ? t('nudgesTimeBad', text.trim()) : null;
}

/** Split "09:00, 17:30" into times; the problem (if any) names the first bad one. */
export function parseTimeList(text: string): { times: ClockTime[]; problem: string | null } {
  const parts = text
    .split(/[,\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return { times: [], problem: t('nudgesTimesEmpty') };
  for (const part of parts) {
    const problem = timeProblem(part);
    if (problem) return { times: [], problem };
  }
  const times = [...new Set(parts.map(canonicalTime))].sort();
  if (times.length > 12) return { times: [], problem: t('nudgesTimesTooMany', formatNumber(12)) };
  return { times, problem: null };
}

/** A plain-words problem with a set of weekdays, or null. */
export function weekdaysProblem(weekdays: readonly number[]): string | null {
  return weekdays.length === 0 ? t('nudgesDaysEmpty') : null;
}

const PATTERN_MESSAGES: Readonly<Record<SitePatternFault, (text: string) => string>> = {
  empty: () => t('nudgesSiteEmpty'),
  space: (text) => t('nudgesSiteSpace', text),
  long: () => t('nudgesSiteLong', formatNumber(200)),
  scheme: (text) => t('nudgesSiteScheme', text),
  host: (text) => t('nudgesSiteHost', text),
};

/** A plain-words problem with a site pattern, or null when it can be matched. */
export function sitePatternProblem(pattern: string): string | null {
  const fault = sitePatternFault(pattern);
  return fault ? PATTERN_MESSAGES[fault](pattern.trim()) : null;
}

/** Split a textarea of patterns, one per line; the problem names the first bad line. */
export function parseSitePatterns(text: string): { patterns: string[]; problem: string | null } {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  for (const line of lines) {
    const problem = sitePatternProblem(line);
    if (problem) return { patterns: [], problem };
  }
  if (lines.length > 50)
    return { patterns: [], problem: t('nudgesSitesTooMany', formatNumber(50)) };
  return { patterns: [...new Set(lines)], problem: null };
}
