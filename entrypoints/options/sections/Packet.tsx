import { useMemo, useState } from 'preact/hooks';
import { dayToIso, localDay } from '../../../utils/core/calendar';
import { copyText } from '../../../utils/core/clipboard';
import { customRange } from '../../../utils/follow-through/follow-through';
import { formatList } from '../../../utils/i18n/format';
import { formatNumber, type MessageKey, plural, t, uiLanguage } from '../../../utils/i18n/i18n';
import { parseTagText } from '../../../utils/reflections/reflection';
import {
  DEFAULT_PACKET_FIELDS,
  type GrowthPacket,
  growthPacket,
  PACKET_FIELDS,
  type PacketField,
  packetMarkdown,
  rateText,
  statusText,
  themeText,
  toldText,
} from '../../../utils/review/growth-packet';
import type { ReviewState } from '../state';

const FIELD_NAMES: Readonly<Record<PacketField, MessageKey>> = {
  happened: 'packetFieldHappened',
  commitments: 'packetFieldCommitments',
  rate: 'packetFieldRate',
  themes: 'packetFieldThemes',
  told: 'packetFieldTold',
  tags: 'packetFieldTags',
  feelings: 'packetFieldFeelings',
  sting: 'packetFieldSting',
};

const RANGE_ERRORS = {
  missing: 'digestRangeMissing',
  invalid: 'digestRangeInvalid',
  reversed: 'digestRangeReversed',
} as const;

/** A day as the packet prints it ("3 Mar 2027"), in the UI language. */
function dayFormatter(): (epochMs: number) => string {
  const format = new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' });
  return (epochMs) => format.format(epochMs);
}

/**
 * The growth packet: pick a period, tags and what goes in; the page below is what prints
 * (print stylesheet: only the packet) and what "Copy as Markdown" copies.
 */
export function Packet({ state }: { state: ReviewState }) {
  const now = state.now();
  const today = localDay(now, state.zone);
  // The last three months by default: a quarter is what most reviews look back on.
  const [fromIso, setFrom] = useState(dayToIso(today - 90));
  const [toIso, setTo] = useState(dayToIso(today));
  const [tagText, setTagText] = useState('');
  const [fields, setFields] = useState<readonly PacketField[]>(DEFAULT_PACKET_FIELDS);
  const [copied, setCopied] = useState<{ ok: boolean; text: string } | null>(null);
  const version = state.version.value;
  const range = customRange(fromIso, toIso, state.zone);
  const tags = parseTagText(tagText);
  const packet = useMemo(
    () => ('error' in range ? null : growthPacket(state.newestFirst(), range, tags, state.zone)),
    [version, fromIso, toIso, tags.join(','), state],
  );
  const formatDay = dayFormatter();
  const period =
    'error' in range ? '' : t('packetPeriod', formatDay(range.from), formatDay(range.to - 1));

  const toggle = (field: PacketField, on: boolean) => {
    setFields(PACKET_FIELDS.filter((f) => (f === field ? on : fields.includes(f))));
    setCopied(null);
  };
  const copy = async () => {
    if (!packet) return;
    const ok = await copyText(packetMarkdown(packet, fields, formatDay, period));
    setCopied({ ok, text: ok ? t('shareCopied') : t('shareCopyFailed') });
  };

  return (
    <section class="packet" aria-labelledby="packet-title">
      <div class="packet-controls">
        <h2 id="packet-title">{t('sectionPacket')}</h2>
        <p class="muted">{t('packetIntro')}</p>
        <div class="inline-fields">
          <label>
            {t('packetFrom')}{' '}
            <input type="date" value={fromIso} onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            {t('packetTo')}{' '}
            <input type="date" value={toIso} onInput={(e) => setTo(e.currentTarget.value)} />
          </label>
        </div>
        <label class="field">
          <span>{t('packetTagFilter')}</span>
          <input
            type="text"
            value={tagText}
            list="packet-tags"
            onInput={(e) => setTagText(e.currentTarget.value)}
          />
          <datalist id="packet-tags">
            {state.tags().map((tag) => (
              <option key={tag} value={tag} />
            ))}
          </datalist>
        </label>
        <fieldset class="inline-fields">
          <legend>{t('packetFieldsLegend')}</legend>
          {PACKET_FIELDS.map((field) => (
            <label key={field} class="check">
              <input
                type="checkbox"
                checked={fields.includes(field)}
                onChange={(e) => toggle(field, e.currentTarget.checked)}
              />
              {t(FIELD_NAMES[field])}
            </label>
          ))}
        </fieldset>
        {'error' in range && (
          <p class="error" role="alert">
            {t(RANGE_ERRORS[range.error])}
          </p>
        )}
        <div class="dialog-actions">
          <button type="button" class="primary" disabled={!packet} onClick={() => window.print()}>
            {t('packetPrint')}
          </button>
          <button type="button" disabled={!packet} onClick={() => void copy()}>
            {t('packetCopy')}
          </button>
        </div>
        <p role="status" class={copied && !copied.ok ? 'error' : 'muted'}>
          {copied?.text ?? ''}
        </p>
      </div>
      {packet && (
        <PacketPage packet={packet} fields={fields} period={period} formatDay={formatDay} />
      )}
    </section>
  );
}

/** The printable page: the same parts, in the same order, as the Markdown copy. */
function PacketPage({
  packet,
  fields,
  period,
  formatDay,
}: {
  packet: GrowthPacket;
  fields: readonly PacketField[];
  period: string;
  formatDay: (epochMs: number) => string;
}) {
  const has = (field: PacketField) => fields.includes(field);
  const commitments = packet.lessons.filter((l) => l.nextTime);
  const count = packet.lessons.length;
  return (
    <article class="packet-page" aria-labelledby="packet-page-title">
      <header>
        <h2 id="packet-page-title">{t('packetTitle')}</h2>
        <p class="packet-line">{period}</p>
        {count > 0 && (
          <p class="packet-line muted">
            {t(plural(count, 'packetCountOne', 'packetCount'), formatNumber(count))}
          </p>
        )}
      </header>
      {count === 0 ? (
        <p>{t('packetEmpty')}</p>
      ) : (
        <>
          <h3>{t('packetLessons')}</h3>
          <ul class="packet-lessons">
            {packet.lessons.map((lesson) => (
              <li key={lesson.id}>
                <strong>{formatDay(lesson.createdAt)}</strong>:{' '}
                <span class="packet-learned">{lesson.learned}</span>
                {has('happened') && lesson.happened && (
                  <p class="packet-line">{t('packetWhatHappened', lesson.happened)}</p>
                )}
                {has('feelings') && lesson.feelings && (
                  <p class="packet-line">{t('packetFeelings', lesson.feelings)}</p>
                )}
                {has('sting') && lesson.sting !== null && (
                  <p class="packet-line">{t('packetSting', formatNumber(lesson.sting))}</p>
                )}
                {has('tags') && lesson.tags.length > 0 && (
                  <p class="packet-line muted">{t('packetTags', formatList(lesson.tags))}</p>
                )}
              </li>
            ))}
          </ul>
          {has('commitments') && commitments.length > 0 && (
            <>
              <h3>{t('packetCommitments')}</h3>
              <ul>
                {commitments.map((c) => (
                  <li key={c.id}>
                    {c.nextTime}
                    {c.status && ` — ${statusText(c.status)}`}
                  </li>
                ))}
              </ul>
            </>
          )}
          {has('rate') && (
            <>
              <h3>{t('packetRate')}</h3>
              <p>{rateText(packet.rate)}</p>
            </>
          )}
          {has('themes') && packet.themes.length > 0 && (
            <>
              <h3>{t('packetThemes')}</h3>
              <ul>
                {packet.themes.map((theme) => (
                  <li key={`${theme.kind}:${theme.name}`}>{themeText(theme)}</li>
                ))}
              </ul>
            </>
          )}
          {has('told') && packet.told.length > 0 && (
            <>
              <h3>{t('packetTold')}</h3>
              <ul>
                {packet.told.map((told) => (
                  <li key={`${told.createdAt}:${told.affected}`}>{toldText(told, formatDay)}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </article>
  );
}
