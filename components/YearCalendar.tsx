import { useRef, useState } from 'preact/hooks';
import { formatDatePart, formatLongDate } from '../utils/i18n/format';
import { formatNumber, plural, t } from '../utils/i18n/i18n';
import { type CalendarDay, moveFocus } from '../utils/review/year-calendar';

/** A day's accessible name: "Wednesday, 10 March 2027: 3 reflections, sting 4, 1 follow-up due". */
function dayName(d: CalendarDay): string {
  const what = [
    d.count === 0
      ? t('calendarNone')
      : t(plural(d.count, 'calendarCountOne', 'calendarCountOther'), formatNumber(d.count)),
  ];
  if (d.sting !== null) what.push(t('calendarSting', formatNumber(d.sting)));
  if (d.due > 0) {
    what.push(t(plural(d.due, 'calendarDueOne', 'calendarDueOther'), formatNumber(d.due)));
  }
  return t('calendarDay', formatLongDate(d.iso), what.join(', '));
}

function dayClass(d: CalendarDay): string {
  const level = d.count === 0 ? 'none' : d.sting === null ? 'unrated' : `s${d.sting}`;
  return `day day-${level}${d.due > 0 ? ' due' : ''}`;
}

/**
 * The last twelve months as a grid of days (weeks are columns, weekdays rows), coloured by how
 * much each day stung, commitments due marked. One day takes the Tab stop (today at first);
 * arrow keys move by day and week, Enter opens the list filtered to that day.
 */
export function YearCalendar({
  weeks,
  dayHref,
}: {
  weeks: CalendarDay[][];
  dayHref: (iso: string) => string;
}) {
  const days = weeks.flat();
  const first = days[0]?.day ?? 0;
  const today = days.filter((d) => !d.future).at(-1)?.day ?? first;
  const [focused, setFocused] = useState(today);
  const table = useRef<HTMLTableElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    // From the day that has focus (the state may not have caught up with a click or a focus yet).
    const day = Number((event.target as HTMLElement).dataset?.day ?? focused);
    const next = moveFocus(Number.isNaN(day) ? focused : day, event.key, first, today);
    if (next === null) return;
    event.preventDefault();
    setFocused(next);
    // Every day is in the DOM already: focus moves now, not after a render (its Tab stop follows).
    table.current?.querySelector<HTMLElement>(`[data-day="${next}"]`)?.focus();
  };
  const withReflections = days.filter((d) => d.count > 0).length;

  return (
    <section class="year-calendar" aria-labelledby="calendar-title">
      <h3 id="calendar-title">{t('calendarTitle')}</h3>
      <p class="muted" id="calendar-summary">
        {t('calendarSummary', formatNumber(withReflections))}
      </p>
      <div class="calendar-scroll">
        <table
          ref={table}
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA practices' data grid: a table whose cells the arrow keys move between.
          role="grid"
          aria-labelledby="calendar-title"
          aria-describedby="calendar-summary"
          onKeyDown={onKeyDown}
        >
          <thead aria-hidden="true">
            <tr>
              <td />
              {weeks.map((week) => {
                // A month's name stands over the week its first day falls in.
                const starts = week.find((d) => d.iso.endsWith('-01'));
                return (
                  <td key={week[0]?.day}>
                    {starts && <span class="month">{formatDatePart(starts.iso, 'month')}</span>}
                  </td>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {[0, 1, 2, 3, 4, 5, 6].map((row) => (
              <tr key={row}>
                <th scope="row">
                  {/* Every other weekday written out, as paper calendars of a year do. */}
                  <span class={row % 2 === 0 ? undefined : 'visually-hidden'}>
                    {formatDatePart(weeks[0]?.[row]?.iso ?? '1970-01-05', 'weekday')}
                  </span>
                </th>
                {weeks.map((week) => {
                  const d = week[row] as CalendarDay;
                  if (d.future) return <td key={d.day} class="day day-future" />;
                  return (
                    <td key={d.day}>
                      <a
                        class={dayClass(d)}
                        href={dayHref(d.iso)}
                        data-day={d.day}
                        tabIndex={d.day === focused ? 0 : -1}
                        title={dayName(d)}
                        onFocus={() => setFocused(d.day)}
                      >
                        <span class="visually-hidden">{dayName(d)}</span>
                      </a>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul class="calendar-legend" aria-hidden="true">
        <li>
          <span class="day day-unrated" /> {t('calendarLegendUnrated')}
        </li>
        <li>
          {t('calendarLegendLess')} <span class="day day-s1" /> <span class="day day-s3" />{' '}
          <span class="day day-s5" /> {t('calendarLegendMore')}
        </li>
        <li>
          <span class="day day-none due" /> {t('calendarLegendDue')}
        </li>
      </ul>
    </section>
  );
}
