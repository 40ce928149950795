/**
 * Day One's JSON export, pure: the `Journal.json` inside the zip Day One makes (one file per
 * journal), `{ metadata, entries: [{ uuid, creationDate, timeZone, text, richText, tags,
 * starred, … }] }`. Each entry's text becomes "what happened"; its tags, its star (pinned)
 * and its date come along. Day One writes Markdown with its punctuation escaped (`\.`, `\!`)
 * and photos as `![](dayone-moment://…)`: the escapes are removed, a photo becomes a marker
 * in words ("(photo)") since the picture itself stays in Day One.
 */
import { isRecord } from '../../core/parse';
import { t } from '../../i18n/i18n';
import { isTimeZone, readInstant } from './dates';
import { type ImportPlan, type ImportRefusal, PlanBuilder } from './plan';
import type { NamedText } from './zip';

// `![](dayone-moment://ID)`, `![](dayone-moment:/video/ID)`, with or without alt text.
const MOMENT = /!\[[^\]\n]*\]\(dayone-moment:\/*(?:([a-zA-Z]+)\/)?[^)\s]*\)/g;
// A backslash before ASCII punctuation (CommonMark's escapes): how Day One keeps "1." or "!"
// literal. A backslash before anything else ("C:\Users") is text and stays.
const ESCAPE = /\\([!-/:-@[-`{-~])/g;

/** One entry's `richText` (a JSON string of text runs) as plain text, when it has no `text`. */
function richTextOf(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!isRecord(parsed) || !Array.isArray(parsed.contents)) return '';
    return parsed.contents
      .map((part: unknown) => {
        if (!isRecord(part)) return '';
        if (typeof part.text === 'string') return part.text;
        // An embedded photo or video: the same marker as in `text`.
        return Array.isArray(part.embeddedObjects)
          ? part.embeddedObjects.map(() => '![](dayone-moment://embedded)').join('')
          : '';
      })
      .join('');
  } catch {
    return '';
  }
}

/** Day One's Markdown made readable: media as markers, escapes removed. */
export function dayOneText(raw: string): { text: string; media: number; escapes: number } {
  let media = 0;
  let escapes = 0;
  const text = raw
    .replace(MOMENT, (_match, kind: string | undefined) => {
      media++;
      return kind === undefined || kind === 'photo'
        ? t('importerPhotoMarker')
        : t('importerMediaMarker');
    })
    .replace(ESCAPE, (_match, char: string) => {
      escapes++;
      return char;
    });
  return { text, media, escapes };
}

/** The entries of one parsed journal file, or null when it is not a Day One journal. */
function entriesOf(parsed: unknown): unknown[] | null {
  return isRecord(parsed) && Array.isArray(parsed.entries) ? parsed.entries : null;
}

/**
 * Every entry of the chosen Day One files as a plan, or what is wrong with them. `zone` reads
 * a date written without an offset (Day One writes UTC, "…Z"; a hand-edited file may not)
 * when the entry names no zone of its own.
 */
export function planDayOne(
  files: readonly NamedText[],
  zone: string,
  now: number,
): { ok: true; plan: ImportPlan } | ImportRefusal {
  if (files.length === 0) return { ok: false, message: t('importerDayOneNoJournal') };
  const journals: unknown[][] = [];
  for (const file of files) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(file.text);
    } catch {
      return { ok: false, message: t('importerDayOneNotJson', file.name) };
    }
    const entries = entriesOf(parsed);
    if (!entries) return { ok: false, message: t('importerDayOneNoEntries', file.name) };
    journals.push(entries);
  }
  const builder = new PlanBuilder('dayone', now);
  for (const entries of journals) {
    for (const entry of entries) {
      if (!isRecord(entry) || typeof entry.uuid !== 'string' || entry.uuid === '') {
        builder.skip('broken');
        continue;
      }
      const raw = typeof entry.text === 'string' ? entry.text : richTextOf(entry.richText);
      const { text, media, escapes } = dayOneText(raw);
      // Photos alone are not words: an entry of only pictures stays in Day One.
      if (raw.replace(MOMENT, '').trim() === '') {
        builder.skip('empty');
        continue;
      }
      const entryZone = isTimeZone(entry.timeZone) ? entry.timeZone : zone;
      const createdAt =
        typeof entry.creationDate === 'string' ? readInstant(entry.creationDate, entryZone) : null;
      const tags = Array.isArray(entry.tags)
        ? entry.tags.filter((tag): tag is string => typeof tag === 'string')
        : [];
      const added = builder.add({
        sourceId: entry.uuid,
        createdAt,
        happened: text,
        tags,
        pinned: entry.starred === true,
      });
      if (added && media > 0) builder.note('photos');
      if (added && escapes > 0) builder.note('unescaped');
    }
  }
  return { ok: true, plan: builder.plan };
}
