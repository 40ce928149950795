import { useMemo } from 'preact/hooks';
import { BarList } from '../../../components/BarList';
import { ColumnChart } from '../../../components/ColumnChart';
import { YearCalendar } from '../../../components/YearCalendar';
import { formatRoute } from '../../../utils/core/route';
import {
  formatDecimal,
  formatList,
  formatPercent,
  formatShortDate,
  triggerLabel,
} from '../../../utils/i18n/format';
import { formatNumber, t } from '../../../utils/i18n/i18n';
import { computeInsights } from '../../../utils/review/insights';
import {
  describeTheme,
  recurringThemes,
  THEME_WINDOW_DAYS,
  themeWindow,
} from '../../../utils/review/patterns';
import { yearCalendar } from '../../../utils/review/year-calendar';
import type { ReviewState } from '../state';

/** A day of the calendar opens the list filtered to it. */
const dayHref = (iso: string) =>
  formatRoute({ section: 'lessons', params: { from: iso, to: iso } });

/** What your reflections add up to: rhythm, themes, how much it stung, what prompted them. */
export function Insights({ state }: { state: ReviewState }) {
  const phase = state.phase.value;
  const version = state.version.value;
  const checkins = state.checkins.value;
  const insights = useMemo(
    () =>
      phase === 'ready'
        ? computeInsights(state.newestFirst(), state.now(), state.zone, checkins)
        : null,
    [phase, version, state, checkins],
  );
  const themes = useMemo(() => {
    if (phase !== 'ready') return [];
    const { from, to } = themeWindow(state.now(), state.zone);
    return recurringThemes(state.newestFirst(), from, to);
  }, [phase, version, state]);
  const calendar = useMemo(
    () => (phase === 'ready' ? yearCalendar(state.newestFirst(), state.now(), state.zone) : []),
    [phase, version, state],
  );
  if (!insights) {
    return (
      <p class="list-status muted" role="status">
        {t('statusCounting', formatNumber(state.readCount.value))}
      </p>
    );
  }
  if (insights.total === 0) {
    return (
      <section class="first-run" aria-labelledby="insights-title">
        <h2 id="insights-title">{t('sectionInsights')}</h2>
        <p>{t('insightsEmpty')}</p>
      </section>
    );
  }
  const weeks = insights.weeks;
  const thisPeriod = weeks.reduce((n, w) => n + w.count, 0);
  const stung = weeks.filter((w) => w.sting !== null);
  return (
    <section class="insights" aria-labelledby="insights-title">
      <h2 id="insights-title">{t('sectionInsights')}</h2>
      <dl class="stats">
        <div>
          <dt>{t('statActiveWeeks')}</dt>
          <dd>
            {t(
              'statActiveWeeksValue',
              formatNumber(insights.activeWeeks),
              formatNumber(weeks.length),
            )}
          </dd>
        </div>
        <div>
          <dt>{t('statWeekRun')}</dt>
          <dd>{formatNumber(insights.weekRun)}</dd>
        </div>
        <div>
          <dt>{t('statTotal')}</dt>
          <dd>{formatNumber(insights.total)}</dd>
        </div>
      </dl>
      <p class="muted">{t('weeksNote')}</p>
      {checkins.length > 0 && <p class="muted">{t('insightsCheckinsCount')}</p>}
      <YearCalendar weeks={calendar} dayHref={dayHref} />
      {themes.length > 0 && (
        <section aria-labelledby="themes-title">
          <h3 id="themes-title">{t('themesTitle')}</h3>
          <ul class="plain-list themes">
            {themes.map((theme) => (
              <li key={`${theme.kind}:${theme.name}`}>
                {describeTheme(theme, t('themeLastDays', formatNumber(THEME_WINDOW_DAYS)))}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ColumnChart
        id="per-week"
        title={t('chartPerWeekTitle')}
        summary={t(
          'chartPerWeekSummary',
          formatNumber(thisPeriod),
          formatNumber(weeks.length),
          formatNumber(Math.max(...weeks.map((w) => w.count))),
        )}
        columns={weeks.map((w) => ({ label: formatShortDate(w.start), value: w.count }))}
        labelHeader={t('chartWeekOf')}
        valueHeader={t('chartReflectionsHeader')}
        format={formatNumber}
      />
      <ColumnChart
        id="sting"
        title={t('chartStingTitle')}
        summary={
          stung.length === 0
            ? t('chartStingNone')
            : t('chartStingSummary', formatDecimal(stung[stung.length - 1]?.sting ?? 0))
        }
        columns={weeks.map((w) => ({ label: formatShortDate(w.start), value: w.sting }))}
        max={5}
        labelHeader={t('chartWeekOf')}
        valueHeader={t('chartStingHeader')}
        format={formatDecimal}
        line
      />
      {insights.topTags.length > 0 && (
        <BarList
          id="top-tags"
          title={t('chartTopTagsTitle')}
          summary={t(
            'chartTopTagsSummary',
            formatList(insights.topTags.slice(0, 3).map((top) => top.tag)),
          )}
          bars={insights.topTags.map((top) => ({
            label: top.tag,
            value: top.count,
            text: formatNumber(top.count),
          }))}
          labelHeader={t('chartTagHeader')}
          valueHeader={t('chartReflectionsHeader')}
        />
      )}
      <BarList
        id="triggers"
        title={t('chartTriggersTitle')}
        summary={t(
          'chartTriggersSummary',
          triggerLabel(insights.triggers[0]?.trigger ?? 'manual'),
          formatPercent(insights.triggers[0]?.share ?? 0),
        )}
        bars={insights.triggers.map((share) => ({
          label: triggerLabel(share.trigger),
          value: share.count,
          text: `${formatNumber(share.count)} · ${formatPercent(share.share)}`,
        }))}
        labelHeader={t('chartTriggerHeader')}
        valueHeader={t('chartTriggerValueHeader')}
      />
    </section>
  );
}
