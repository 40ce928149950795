/**
 * The everyday schedule's card: on or off, at set times, every few hours or at a random
 * moment, on which weekdays, and how it arrives.
 */
import { useId, useState } from 'preact/hooks';
import { t, uiLanguage } from '../../../utils/i18n/i18n';
import type { NudgeSettings } from '../../../utils/nudges/nudge-settings';
import { weekdaysProblem } from '../../../utils/nudges/nudge-validation';
import { Card } from './Card';
import { DeliverySelect } from './DeliverySelect';
import { NumberField } from './NumberField';
import { RangeField } from './RangeField';
import { Switch } from './Switch';
import { TimesField } from './TimesField';

/** The week from Monday: day number (0 = Sunday, as in Date) and its short and long name. */
function weekdayNames(): Array<readonly [number, string, string]> {
  const short = new Intl.DateTimeFormat(uiLanguage(), { weekday: 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(uiLanguage(), { weekday: 'long', timeZone: 'UTC' });
  // 1–7 January 2024 ran Monday to Sunday.
  return [1, 2, 3, 4, 5, 6, 7].map((date) => {
    const at = Date.UTC(2024, 0, date);
    return [date % 7, short.format(at), long.format(at)] as const;
  });
}

/** The schedule: its switch, mode, times or window, weekdays and delivery. */
export function ScheduleCard({
  nudges,
  patch,
}: {
  nudges: NudgeSettings;
  patch: (value: Partial<NudgeSettings['schedule']>) => void;
}) {
  const s = nudges.schedule;
  const [weekdays, setWeekdays] = useState<number[]>(s.weekdays);
  const dayProblem = weekdaysProblem(weekdays);
  const dayErrorId = useId();
  const toggleDay = (day: number, on: boolean) => {
    const next = on ? [...weekdays, day].sort() : weekdays.filter((d) => d !== day);
    setWeekdays(next);
    if (!weekdaysProblem(next)) patch({ weekdays: next });
  };
  return (
    <Card title={t('nudgesScheduleTitle')} hint={t('nudgesScheduleHint')}>
      <Switch
        label={t('nudgesScheduleSwitch')}
        checked={s.enabled}
        onChange={(enabled) => patch({ enabled })}
      />
      <fieldset class="field">
        <legend>{t('nudgesHow')}</legend>
        {(
          [
            ['times', 'nudgesModeTimes'],
            ['interval', 'nudgesModeInterval'],
            ['random', 'nudgesModeRandom'],
          ] as const
        ).map(([mode, label]) => (
          <label class="check" key={mode}>
            <input
              type="radio"
              name="schedule-mode"
              checked={s.mode === mode}
              onChange={() => patch({ mode })}
            />
            {t(label)}
          </label>
        ))}
      </fieldset>
      {s.mode === 'times' && <TimesField value={s.times} onValid={(times) => patch({ times })} />}
      {s.mode === 'interval' && (
        <>
          <NumberField
            label={t('nudgesEveryHours')}
            value={s.everyHours}
            min={1}
            max={12}
            onValid={(everyHours) => patch({ everyHours })}
          />
          <RangeField
            startLabel={t('nudgesWorkStart')}
            endLabel={t('nudgesWorkEnd')}
            orderProblem={t('nudgesWorkOrder')}
            start={s.workStart}
            end={s.workEnd}
            onValid={(workStart, workEnd) => patch({ workStart, workEnd })}
          />
        </>
      )}
      {s.mode === 'random' && (
        <RangeField
          startLabel={t('nudgesWindowOpens')}
          endLabel={t('nudgesWindowCloses')}
          orderProblem={t('nudgesWindowOrder')}
          start={s.windowStart}
          end={s.windowEnd}
          onValid={(windowStart, windowEnd) => patch({ windowStart, windowEnd })}
        />
      )}
      <fieldset class="field">
        <legend>{t('nudgesDays')}</legend>
        <div class="row">
          {weekdayNames().map(([day, short, long]) => (
            <label class="check" key={day}>
              <input
                type="checkbox"
                checked={weekdays.includes(day)}
                aria-label={long}
                aria-invalid={dayProblem ? 'true' : undefined}
                aria-describedby={dayProblem ? dayErrorId : undefined}
                onChange={(e) => toggleDay(day, e.currentTarget.checked)}
              />
              <span aria-hidden="true">{short}</span>
            </label>
          ))}
        </div>
        {dayProblem && (
          <p class="error" id={dayErrorId}>
            {dayProblem}
          </p>
        )}
      </fieldset>
      <DeliverySelect value={s.delivery} onChange={(delivery) => patch({ delivery })} />
    </Card>
  );
}
