/**
 * Sharing a lesson: one reflection, or a digest of a period, as plain text or Markdown that
 * reads well pasted into a chat, an email, a 1:1 or a retro, in the language of the UI (words
 * from `_locales` through `t`). Pure apart from that: locale and time zone are parameters
 * (undefined = the browser's).
 */

import { escapeMarkdown } from '../core/markdown';
import { isClosed, isOpen } from '../follow-through/follow-up';
import { type MessageKey, t } from '../i18n/i18n';
import { questionLabel } from '../reflections/question-label';
import type { Reflection } from '../reflections/reflection';

export type ShareFormat = 'text' | 'markdown';

/** What can be left in or out. Answer keys are shared by name; the rest are extras. */
export type ShareField = string;
export const EXTRA_FIELDS = ['date', 'tags', 'sting', 'context'] as const;

/** Headings that read as a story rather than a form. */
const SHARE_LABELS: Readonly<Record<string, MessageKey>> = {
  happened: 'shareLabelHappened',
  learned: 'shareLabelLearned',
  nextTime: 'shareLabelNextTime',
};

/** Fields shared unless the user leaves them out: the lesson, not the feelings. */
export function defaultShareFields(reflection: Reflection): ShareField[] {
  const quiet = new Set(['feelings', 'lucky']);
  return [...Object.keys(reflection.answers).filter((key) => !quiet.has(key)), 'date', 'tags'];
}

export interface ShareOptions {
  locale?: string;
  timeZone?: string;
}

function day(epochMs: number, options: ShareOptions): string {
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'medium',
    timeZone: options.timeZone,
  }).format(epochMs);
}

function label(reflection: Reflection, key: string): string {
  const story = SHARE_LABELS[key];
  return story
    ? t(story)
    : questionLabel(reflection.template, key, reflection.prompt, reflection.wording).replace(
        /\?$/,
        '',
      );
}

/** One reflection, with only the chosen fields, ready to paste. */
export function formatShare(
  reflection: Reflection,
  fields: readonly ShareField[],
  format: ShareFormat,
  options: ShareOptions = {},
): string {
  const md = format === 'markdown';
  const text = (value: string) => (md ? escapeMarkdown(value) : value);
  const include = new Set(fields);
  const title = include.has('date')
    ? t('shareLessonFrom', day(reflection.createdAt, options))
    : t('shareLesson');
  const lines: string[] = [md ? `**${title}**` : title, ''];
  for (const [key, answer] of Object.entries(reflection.answers)) {
    if (!include.has(key) || !answer.trim()) continue;
    lines.push(
      md
        ? `**${label(reflection, key)}:** ${text(answer.trim())}`
        : `${label(reflection, key)}: ${answer.trim()}`,
    );
  }
  if (include.has('context') && reflection.context) {
    const { title: page, url, selection } = reflection.context;
    const where = [page, url].filter(Boolean).join(' — ');
    const context = t('shareLabelContext');
    if (where) lines.push(md ? `**${context}:** ${text(where)}` : `${context}: ${where}`);
    if (selection) lines.push(md ? `> ${text(selection)}` : t('shareQuote', selection));
  }
  if (include.has('sting') && reflection.sting !== null) {
    lines.push(t('shareSting', reflection.sting));
  }
  if (include.has('tags') && reflection.tags.length > 0) {
    const tags = reflection.tags.map((tag) => (md ? `\`${tag.replace(/`/g, '')}\`` : tag));
    lines.push(t('shareTags', tags.join(', ')));
  }
  return `${lines.join('\n').trim()}\n`;
}

export interface DigestRange {
  /** Inclusive, epoch ms. */
  from: number;
  /** Exclusive, epoch ms. */
  to: number;
  tag?: string;
}

/** Exactly the reflections of a digest: in the range, with the tag if given, oldest first. */
export function digestReflections(
  reflections: readonly Reflection[],
  range: DigestRange,
): Reflection[] {
  return reflections
    .filter(
      (r) =>
        r.deletedAt === null &&
        r.createdAt >= range.from &&
        r.createdAt < range.to &&
        (!range.tag || r.tags.includes(range.tag)),
    )
    .sort((a, b) => a.createdAt - b.createdAt);
}

function commitmentStatus(reflection: Reflection): string {
  if (isClosed(reflection)) {
    const closing = reflection.followUps.find(
      (f) => f.outcome === 'applied' || f.outcome === 'no-longer-relevant',
    );
    return t(closing?.outcome === 'applied' ? 'digestStatusApplied' : 'digestStatusNoLonger');
  }
  return isOpen(reflection) ? t('digestStatusOpen') : '';
}

/** The lessons and commitments of a period, for a 1:1 or a retro. */
export function formatDigest(
  reflections: readonly Reflection[],
  range: DigestRange,
  format: ShareFormat,
  options: ShareOptions = {},
): string {
  const md = format === 'markdown';
  const text = (value: string) => (md ? escapeMarkdown(value) : value);
  const chosen = digestReflections(reflections, range);
  const period = `${day(range.from, options)} – ${day(range.to - 1, options)}`;
  const title = range.tag
    ? t('digestHeadingTagged', period, range.tag)
    : t('digestHeading', period);
  const lines = [md ? `## ${text(title)}` : title, ''];
  if (chosen.length === 0) lines.push(t('digestEmpty'));
  for (const r of chosen) {
    const lesson = (
      r.answers.learned ||
      r.answers.happened ||
      Object.values(r.answers)[0] ||
      ''
    ).trim();
    lines.push(`${md ? '- ' : '• '}${day(r.createdAt, options)}: ${text(lesson)}`);
    const next = r.answers.nextTime?.trim();
    if (next) {
      const status = commitmentStatus(r);
      const line = status
        ? t('digestNextTimeStatus', text(next), status)
        : t('digestNextTime', text(next));
      lines.push(`  ${md ? '- ' : '  '}${line}`);
    }
  }
  return `${lines.join('\n').trim()}\n`;
}
