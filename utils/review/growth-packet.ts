/**
 * The growth packet, pure: one page for a 1:1, a retro or a performance review — the lessons
 * of a period, the commitments and how they went, the applied rate, recurring themes and who
 * was told. Feelings and sting stay out unless the person puts them in. Plus the same page as
 * Markdown. Time, zone and locale are parameters.
 */
import { dayToIso, localDay, type TimeZone } from '../core/calendar';
import { escapeMarkdown } from '../core/markdown';
import { type AppliedRate, appliedRate } from '../follow-through/follow-up';
import { formatList, formatPercent } from '../i18n/format';
import { formatNumber, type MessageKey, plural, t } from '../i18n/i18n';
import type { FollowUpOutcome, Reflection, Sting } from '../reflections/reflection';
import { describeTheme, recurringThemes, type Theme } from './patterns';

/** What the person can put in or leave out; the lessons themselves are always there. */
export const PACKET_FIELDS = [
  'happened',
  'commitments',
  'rate',
  'themes',
  'told',
  'tags',
  'feelings',
  'sting',
] as const;
export type PacketField = (typeof PACKET_FIELDS)[number];

/** In by default: the story and what came of it; feelings and sting are the person's own. */
export const DEFAULT_PACKET_FIELDS: readonly PacketField[] = [
  'happened',
  'commitments',
  'rate',
  'themes',
  'told',
  'tags',
];

export type CommitmentStatus = FollowUpOutcome | 'open' | null;

export interface PacketLesson {
  id: string;
  createdAt: number;
  learned: string;
  happened: string;
  feelings: string;
  sting: Sting | null;
  tags: string[];
  nextTime: string;
  /** The latest look back's outcome; `open` while a check waits; null: none planned. */
  status: CommitmentStatus;
}

export interface GrowthPacket {
  /** Inclusive local days, `YYYY-MM-DD`. */
  fromIso: string;
  toIso: string;
  lessons: PacketLesson[];
  rate: AppliedRate;
  themes: Theme[];
  told: Array<{ affected: string; createdAt: number; toldAt: number | null }>;
}

function statusOf(r: Reflection): CommitmentStatus {
  const answered = r.followUps.filter((f) => f.answeredAt !== null && f.outcome !== null);
  const latest = answered.sort((a, b) => (b.answeredAt ?? 0) - (a.answeredAt ?? 0))[0];
  if (latest?.outcome) return latest.outcome;
  return r.followUps.some((f) => f.answeredAt === null) ? 'open' : null;
}

/**
 * The packet of reflections written in [from, to) (epoch ms, from the period's local days),
 * with any of `tags` when some are given. Oldest first, as a story is told.
 */
export function growthPacket(
  reflections: readonly Reflection[],
  period: { from: number; to: number },
  tags: readonly string[],
  zone: TimeZone,
): GrowthPacket {
  const chosen = reflections
    .filter(
      (r) =>
        r.deletedAt === null &&
        r.createdAt >= period.from &&
        r.createdAt < period.to &&
        (tags.length === 0 || r.tags.some((tag) => tags.includes(tag))),
    )
    .sort((a, b) => a.createdAt - b.createdAt);
  const text = (r: Reflection, key: string) => (r.answers[key] ?? '').trim();
  return {
    fromIso: dayToIso(localDay(period.from, zone)),
    toIso: dayToIso(localDay(period.to - 1, zone)),
    lessons: chosen.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      learned: text(r, 'learned') || text(r, 'happened'),
      happened: text(r, 'learned') ? text(r, 'happened') : '',
      feelings: text(r, 'feelings'),
      sting: r.sting,
      tags: r.tags,
      nextTime: text(r, 'nextTime'),
      status: text(r, 'nextTime') ? statusOf(r) : null,
    })),
    rate: appliedRate(chosen),
    themes: recurringThemes(chosen, period.from, period.to, 2),
    told: chosen
      .filter((r) => r.share?.told && r.share.affected.trim())
      .map((r) => ({
        affected: (r.share?.affected ?? '').trim(),
        createdAt: r.createdAt,
        toldAt: r.share?.toldAt ?? null,
      })),
  };
}

const STATUS_KEYS: Readonly<Record<Exclude<CommitmentStatus, null>, MessageKey>> = {
  applied: 'packetApplied',
  partly: 'packetPartly',
  'not-yet': 'packetNotYet',
  'no-longer-relevant': 'packetNoLonger',
  open: 'packetOpen',
};

/** How a commitment went, in words ("" when no look back was planned). */
export function statusText(status: CommitmentStatus): string {
  return status ? t(STATUS_KEYS[status]) : '';
}

/** "Applied in 3 of 4 look backs (75%)", or that none came yet. */
export function rateText(rate: AppliedRate): string {
  if (rate.rate === null) return t('packetRateNone');
  return t(
    plural(rate.answered, 'packetRateOne', 'packetRateOther'),
    formatNumber(rate.applied),
    formatNumber(rate.answered),
    formatPercent(rate.rate),
  );
}

/** A theme as the packet says it: over the whole period, not the last 30 days. */
export function themeText(theme: Theme): string {
  return describeTheme(theme, t('packetThemePeriod'));
}

/** "The on-call team (told on 3 Mar 2027)", or only who when the day was not noted. */
export function toldText(
  told: GrowthPacket['told'][number],
  formatDay: (epochMs: number) => string,
): string {
  return told.toldAt === null
    ? told.affected
    : t('packetToldLine', told.affected, formatDay(told.toldAt));
}

/** The packet as Markdown, with the same parts as the printed page. */
export function packetMarkdown(
  packet: GrowthPacket,
  fields: readonly PacketField[],
  formatDay: (epochMs: number) => string,
  period: string,
): string {
  const has = (field: PacketField) => fields.includes(field);
  const md = escapeMarkdown;
  const lines = [`# ${md(t('packetTitle'))}`, '', md(period), ''];
  if (packet.lessons.length === 0) return `${[...lines, t('packetEmpty')].join('\n')}\n`;
  lines.push(`## ${md(t('packetLessons'))}`, '');
  for (const lesson of packet.lessons) {
    lines.push(`- **${md(formatDay(lesson.createdAt))}**: ${md(lesson.learned)}`);
    if (has('happened') && lesson.happened) {
      lines.push(`  - ${md(t('packetWhatHappened', lesson.happened))}`);
    }
    if (has('feelings') && lesson.feelings) {
      lines.push(`  - ${md(t('packetFeelings', lesson.feelings))}`);
    }
    if (has('sting') && lesson.sting !== null) {
      lines.push(`  - ${md(t('packetSting', formatNumber(lesson.sting)))}`);
    }
    if (has('tags') && lesson.tags.length) {
      lines.push(`  - ${md(t('packetTags', formatList(lesson.tags)))}`);
    }
  }
  const commitments = packet.lessons.filter((l) => l.nextTime);
  if (has('commitments') && commitments.length) {
    lines.push('', `## ${md(t('packetCommitments'))}`, '');
    for (const c of commitments) {
      const status = statusText(c.status);
      lines.push(`- ${md(c.nextTime)}${status ? ` — ${md(status)}` : ''}`);
    }
  }
  if (has('rate')) lines.push('', `## ${md(t('packetRate'))}`, '', md(rateText(packet.rate)));
  if (has('themes') && packet.themes.length) {
    lines.push('', `## ${md(t('packetThemes'))}`, '');
    for (const theme of packet.themes) lines.push(`- ${md(themeText(theme))}`);
  }
  if (has('told') && packet.told.length) {
    lines.push('', `## ${md(t('packetTold'))}`, '');
    for (const told of packet.told) lines.push(`- ${md(toldText(told, formatDay))}`);
  }
  return `${lines.join('\n')}\n`;
}
