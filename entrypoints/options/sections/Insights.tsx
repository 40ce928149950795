import { useMemo } from 'preact/hooks';
import { BarList } from '../../../components/BarList';
import { ColumnChart } from '../../../components/ColumnChart';
import { monthStart } from '../../../utils/follow-through';
import { TRIGGER_LABELS } from '../../../utils/format';
import { t } from '../../../utils/i18n';
import { computeInsights } from '../../../utils/insights';
import { describeTheme, recurringThemes } from '../../../utils/patterns';
import type { ReviewState } from '../state';

const weekLabel = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC', // week starts are calendar dates already
});
const label = (iso: string) => weekLabel.format(Date.parse(iso));
const percent = (share: number) => `${Math.round(share * 100)}%`;

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
    const now = state.now();
    return recurringThemes(state.newestFirst(), monthStart(now, state.zone), now + 1);
  }, [phase, version, state]);
  if (!insights) {
    return (
      <p class="list-status muted" role="status">
        Counting your reflections… {state.readCount.value.toLocaleString()} so far
      </p>
    );
  }
  if (insights.total === 0) {
    return (
      <section class="first-run" aria-labelledby="insights-title">
        <h2 id="insights-title">Insights</h2>
        <p>Insights appear here once you have written a reflection or two.</p>
      </section>
    );
  }
  const weeks = insights.weeks;
  const thisPeriod = weeks.reduce((n, w) => n + w.count, 0);
  const stung = weeks.filter((w) => w.sting !== null);
  return (
    <section class="insights" aria-labelledby="insights-title">
      <h2 id="insights-title">Insights</h2>
      <dl class="stats">
        <div>
          <dt>Weeks with a reflection</dt>
          <dd>
            {insights.activeWeeks} of the last {weeks.length}
          </dd>
        </div>
        <div>
          <dt>Weeks in a row</dt>
          <dd>{insights.weekRun}</dd>
        </div>
        <div>
          <dt>Reflections kept</dt>
          <dd>{insights.total.toLocaleString()}</dd>
        </div>
      </dl>
      <p class="muted">A week counts when you wrote at least once — no daily streak to break.</p>
      {checkins.length > 0 && <p class="muted">{t('insightsCheckinsCount')}</p>}
      {themes.length > 0 && (
        <section aria-labelledby="themes-title">
          <h3 id="themes-title">{t('themesTitle')}</h3>
          <ul class="plain-list themes">
            {themes.map((theme) => (
              <li key={`${theme.kind}:${theme.name}`}>
                {describeTheme(theme, t('themeThisMonth'))}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ColumnChart
        id="per-week"
        title="Reflections per week"
        summary={`${thisPeriod.toLocaleString()} in the last ${weeks.length} weeks; the busiest week had ${Math.max(...weeks.map((w) => w.count)).toLocaleString()}.`}
        columns={weeks.map((w) => ({ label: label(w.start), value: w.count }))}
        valueHeader="Reflections"
      />
      <ColumnChart
        id="sting"
        title="How much it stung"
        summary={
          stung.length === 0
            ? 'No sting ratings in the last weeks.'
            : `Average sting per week, 1 (barely) to 5 (a lot); latest rated week: ${stung[stung.length - 1]?.sting}.`
        }
        columns={weeks.map((w) => ({ label: label(w.start), value: w.sting }))}
        max={5}
        valueHeader="Average sting"
        format={(v) => v.toFixed(1)}
        line
      />
      {insights.topTags.length > 0 && (
        <BarList
          id="top-tags"
          title="Top tags"
          summary={`Most used: ${insights.topTags
            .slice(0, 3)
            .map((t) => t.tag)
            .join(', ')}.`}
          bars={insights.topTags.map((t) => ({
            label: t.tag,
            value: t.count,
            text: t.count.toLocaleString(),
          }))}
          labelHeader="Tag"
          valueHeader="Reflections"
        />
      )}
      <BarList
        id="triggers"
        title="What prompted them"
        summary={`Most often: ${TRIGGER_LABELS[insights.triggers[0]?.trigger ?? 'manual'].toLowerCase()} (${percent(insights.triggers[0]?.share ?? 0)}).`}
        bars={insights.triggers.map((t) => ({
          label: TRIGGER_LABELS[t.trigger],
          value: t.count,
          text: `${t.count.toLocaleString()} · ${percent(t.share)}`,
        }))}
        labelHeader="Prompted by"
        valueHeader="Reflections and share"
      />
    </section>
  );
}
