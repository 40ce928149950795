/**
 * Plain-words validation for what the user types on the settings page (times, weekdays,
 * site patterns). Kept apart from nudge-settings.ts so the popup never loads these messages.
 */
import {
  type ClockTime,
  canonicalTime,
  parseClockTime,
  type SitePatternFault,
  sitePatternFault,
} from './nudge-settings';

/** A plain-words problem with a time the user typed, or null when it is fine. */
export function timeProblem(text: string): string | null {
  if (text.trim() === '') return 'Type a time, like 17:30.';
  return parseClockTime(text) === null
    ? `“${text.trim()}” isn't a time of day. Use 24-hour hours and minutes, like 17:30.`
    : null;
}

/** Split "09:00, 17:30" into times; the problem (if any) names the first bad one. */
export function parseTimeList(text: string): { times: ClockTime[]; problem: string | null } {
  const parts = text
    .split(/[,\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return { times: [], problem: 'Add at least one time, like 17:30.' };
  for (const part of parts) {
    const problem = timeProblem(part);
    if (problem) return { times: [], problem };
  }
  const times = [...new Set(parts.map(canonicalTime))].sort();
  if (times.length > 12) return { times: [], problem: 'Up to 12 times a day, please.' };
  return { times, problem: null };
}

/** A plain-words problem with a set of weekdays, or null. */
export function weekdaysProblem(weekdays: readonly number[]): string | null {
  return weekdays.length === 0 ? 'Pick at least one day, or switch the schedule off.' : null;
}

const PATTERN_MESSAGES: Readonly<Record<SitePatternFault, (text: string) => string>> = {
  empty: () => 'Type a site, like meet.google.com.',
  space: (text) => `“${text}” has a space in it. One site per line, please.`,
  long: () => 'That pattern is very long: keep it under 200 characters.',
  scheme: (text) => `“${text}” isn't a web address. Use a site like ci.example.com/builds/*.`,
  host: (text) => `“${text}” doesn't start with a site name. Try something like meet.google.com.`,
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
  if (lines.length > 50) return { patterns: [], problem: 'Up to 50 sites, please.' };
  return { patterns: [...new Set(lines)], problem: null };
}
