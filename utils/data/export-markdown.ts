/**
 * The Markdown export: one readable document, grouped by day, every answer under its question,
 * in the UI's language. Its own file because it is most of what the export formats say in
 * words (dates, details, follow-ups) and nothing else needs those.
 */
import { escapeMarkdown } from '../core/markdown';
import { type MessageKey, t, uiLanguage } from '../i18n/i18n';
import { questionLabel, templateName } from '../reflections/question-label';
import type { Reflection } from '../reflections/reflection';
import type { ExportMeta, ExportWriter } from './export';

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
  const lines = [`### ${time.format(r.createdAt)} · ${templateName(r.template, r.wording)}`, ''];
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
    lines.push(`**${escapeMarkdown(questionLabel(r.template, key, r.prompt, r.wording))}**`, '');
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
