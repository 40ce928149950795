/**
 * Recurring themes across reflections — tags and significant words that keep coming back
 * ("third reflection tagged rushed-review in the last 30 days"). Computed locally; pure.
 */
import { localDay, startOfLocalDay, type TimeZone } from '../core/calendar';
import { t } from '../i18n/i18n';
import type { Reflection } from '../reflections/reflection';

/**
 * Themes look back over a rolling window of local days, today included. A calendar month
 * would forget last week's thirty lessons on the 1st.
 */
export const THEME_WINDOW_DAYS = 30;

/** The [from, to) range of the last `days` local days up to `now` (today included). */
export function themeWindow(
  now: number,
  zone: TimeZone,
  days = THEME_WINDOW_DAYS,
): { from: number; to: number } {
  return { from: startOfLocalDay(localDay(now, zone) - days + 1, zone), to: now + 1 };
}

export interface Theme {
  kind: 'tag' | 'word';
  name: string;
  /** How many reflections in the window mention it. */
  count: number;
}

/** Common words that say nothing about a theme. Short words (< 4 letters) are dropped anyway. */
const STOP_WORDS = new Set(
  `about above after again against all also always because been before being below between both
  could didn does doing down during each even every from further have having here into just like
  made make many more most much must never next only other over same should some such than that
  their them then there these they thing things this those through time today under until very
  want wanted well went were what when where which while will with would your yours actually really
  going still again maybe think felt feel know knew learned learn happened happen need needed
  week day days`.split(/\s+/),
);

/** The distinct significant words of a text, lower-case. */
export function significantWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const word of text.toLowerCase().match(/[\p{L}][\p{L}'’-]*[\p{L}]/gu) ?? []) {
    if (word.length >= 4 && !STOP_WORDS.has(word)) words.add(word);
  }
  return words;
}

/**
 * Themes among reflections written in [from, to): tags and words found in at least
 * `minCount` different reflections, most frequent first (tags before words on a tie).
 */
export function recurringThemes(
  reflections: readonly Reflection[],
  from: number,
  to: number,
  minCount = 3,
  limit = 5,
): Theme[] {
  const tags = new Map<string, number>();
  const words = new Map<string, number>();
  for (const r of reflections) {
    if (r.deletedAt !== null || r.createdAt < from || r.createdAt >= to) continue;
    for (const tag of r.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    const seen = significantWords(Object.values(r.answers).join(' '));
    // A word that is also a tag is already counted as the tag.
    for (const word of seen)
      if (!r.tags.includes(word)) words.set(word, (words.get(word) ?? 0) + 1);
  }
  const themes: Theme[] = [
    ...[...tags].map(([name, count]) => ({ kind: 'tag' as const, name, count })),
    ...[...words].map(([name, count]) => ({ kind: 'word' as const, name, count })),
  ];
  return themes
    .filter((t) => t.count >= minCount)
    .sort(
      (a, b) =>
        b.count - a.count ||
        (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'tag' ? -1 : 1),
    )
    .slice(0, limit);
}

/** "Third reflection tagged “rushed-review” in the last 30 days" — a count said kindly, not a score. */
export function describeTheme(theme: Theme, period: string): string {
  // Ordinals are one catalogue entry ("First|Second|…"): their grammar is the translator's.
  const nth = t('themeOrdinals').split('|')[theme.count - 1]?.trim();
  if (nth) {
    return theme.kind === 'tag'
      ? t('themeTagNth', nth, theme.name, period)
      : t('themeWordNth', nth, theme.name, period);
  }
  return theme.kind === 'tag'
    ? t('themeTagCount', theme.count, theme.name, period)
    : t('themeWordCount', theme.count, theme.name, period);
}
