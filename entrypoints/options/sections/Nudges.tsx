import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatNumber, t, uiLanguage } from '../../../utils/i18n/i18n';
import { requestAttention } from '../../../utils/nudges/attention-request-browser';
import {
  type OptInTrigger,
  REFUSED_MESSAGE,
  requestTriggerPermission,
  TRIGGER_PERMISSIONS,
  withOptIn,
} from '../../../utils/nudges/nudge-permissions-browser';
import {
  type Delivery,
  type NudgeSettings,
  parseClockTime,
} from '../../../utils/nudges/nudge-settings';
import type { AttentionChoice, NudgeState } from '../../../utils/nudges/nudge-state';
import { getNudgeState, watchNudgeState } from '../../../utils/nudges/nudge-state-store';
import { describeNextNudge } from '../../../utils/nudges/nudge-time';
import {
  parseSitePatterns,
  parseTimeList,
  timeProblem,
  weekdaysProblem,
} from '../../../utils/nudges/nudge-validation';
import { nextNudge } from '../../../utils/nudges/schedule';
import type { Settings } from '../../../utils/settings/settings';
import { describeSettingsFailure } from '../../../utils/settings/settings-failure';
import {
  getSettings,
  saveSettingsChange,
  watchSettings,
} from '../../../utils/settings/settings-store';

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

/** The settings page's "Nudges" section: every trigger, its delivery and the quiet rules. */
export function Nudges() {
  const [settings, setLocal] = useState<Settings | null>(null);
  const [state, setState] = useState<NudgeState | null>(null);
  const [now, setNow] = useState(Date.now());
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  // Only the latest change's outcome is shown: an older refusal must not hide a later success.
  const attempts = useRef(0);
  useEffect(() => {
    void getSettings().then(setLocal);
    void getNudgeState().then(setState);
    const offSettings = watchSettings(setLocal);
    const offState = watchNudgeState(setState);
    // "next nudge: today 17:30" stays true while the page stays open.
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => {
      offSettings();
      offState();
      clearInterval(timer);
    };
  }, []);
  if (!settings || !state) return null;

  const nudges = settings.nudges;
  /**
   * Changes take effect at once: the background watches the settings item. A refused write is
   * said in words and the controls go back to what is stored; typed text stays in its field.
   */
  const save = async (next: NudgeSettings) => {
    const attempt = ++attempts.current;
    setLocal({ ...settings, nudges: next });
    try {
      // Field by field over what is stored: a switch the background turned off meanwhile
      // (a permission taken away) stays off.
      await saveSettingsChange(settings, { ...settings, nudges: next });
      if (attempt === attempts.current) setSaveProblem(null);
    } catch (error) {
      if (attempt !== attempts.current) return;
      setSaveProblem(describeSettingsFailure(error));
      const stored = await getSettings().catch(() => null);
      if (stored && attempt === attempts.current) setLocal(stored);
    }
  };
  const patch = <K extends keyof NudgeSettings>(key: K, value: Partial<NudgeSettings[K]>) =>
    save({ ...nudges, [key]: { ...(nudges[key] as object), ...value } });

  return (
    <section aria-labelledby="nudges-title" class="nudges">
      <h2 id="nudges-title">{t('nudgesTitle')}</h2>
      <p class="muted nudges-intro">{t('nudgesIntro')}</p>
      <Status settings={nudges} state={state} now={now} />
      <ScheduleCard nudges={nudges} patch={(v) => patch('schedule', v)} />
      <IdleCard nudges={nudges} patch={(v) => patch('idle', v)} />
      <Card title={t('nudgesStartupTitle')} hint={t('nudgesStartupHint')}>
        <Switch
          label={t('nudgesStartupSwitch')}
          checked={nudges.startup.enabled}
          onChange={(enabled) => patch('startup', { enabled })}
        />
        <DeliverySelect
          value={nudges.startup.delivery}
          onChange={(delivery) => patch('startup', { delivery })}
        />
      </Card>
      <SiteCard nudges={nudges} save={save} />
      <FailureCard nudges={nudges} save={save} />
      <Card title={t('nudgesMenuTitle')} hint={t('nudgesMenuHint')}>
        <Switch
          label={t('nudgesMenuSwitch')}
          checked={nudges.contextMenu.enabled}
          onChange={(enabled) => patch('contextMenu', { enabled })}
        />
      </Card>
      <LimitsCard nudges={nudges} save={save} patch={(v) => patch('quietHours', v)} />
      {/* Sticky at the bottom of the window: seen from whichever card made the change. */}
      {saveProblem && (
        <p class="error save-problem card" role="alert">
          {saveProblem}
        </p>
      )}
    </section>
  );
}

function Status({
  settings,
  state,
  now,
}: {
  settings: NudgeSettings;
  state: NudgeState;
  now: number;
}) {
  const next = nextNudge(settings, state, now);
  const paused = state.pause && (state.pause.until === null || state.pause.until > now);
  const snoozed = state.snooze && state.snooze.until > now;
  const act = (choice: AttentionChoice) => void requestAttention(choice);
  let line: string;
  if (paused && state.pause?.until === null) line = t('nudgesPausedForever');
  else if (paused) line = t('nudgesPausedUntil', describeNextNudge(state.pause?.until ?? now, now));
  else if (snoozed)
    line = t('nudgesSnoozedUntil', describeNextNudge(state.snooze?.until ?? now, now));
  else line = '';
  return (
    <div class="nudge-status card" role="status">
      <p class="nudge-status-line next">
        {next ? t('nudgesNext', describeNextNudge(next.at, now)) : t('nudgesNoNext')}
      </p>
      {line && <p class="nudge-status-line">{line}</p>}
      <div class="row">
        {paused || snoozed ? (
          <button type="button" class="primary" onClick={() => act('resume')}>
            {t('nudgesResume')}
          </button>
        ) : (
          <>
            <button type="button" onClick={() => act('snooze-hour')}>
              {t('nudgesSnoozeHour')}
            </button>
            <button type="button" onClick={() => act('snooze-tomorrow')}>
              {t('nudgesSnoozeTomorrow')}
            </button>
            <button type="button" onClick={() => act('pause-day')}>
              {t('nudgesPauseDay')}
            </button>
            <button type="button" onClick={() => act('pause-forever')}>
              {t('nudgesPauseForever')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}

function ScheduleCard({
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

function IdleCard({
  nudges,
  patch,
}: {
  nudges: NudgeSettings;
  patch: (v: Partial<NudgeSettings['idle']>) => void;
}) {
  return (
    <Card title={t('nudgesIdleTitle')} hint={t('nudgesIdleHint')}>
      <Switch
        label={t('nudgesIdleSwitch')}
        checked={nudges.idle.enabled}
        onChange={(enabled) => patch({ enabled })}
      />
      <NumberField
        label={t('nudgesIdleMinutes')}
        value={nudges.idle.minutes}
        min={5}
        max={480}
        onValid={(minutes) => patch({ minutes })}
      />
      <DeliverySelect value={nudges.idle.delivery} onChange={(delivery) => patch({ delivery })} />
    </Card>
  );
}

/** Switch an opt-in trigger: turning it on asks for its permission first, from this click. */
function useOptIn(nudges: NudgeSettings, save: (next: NudgeSettings) => void) {
  const [refused, setRefused] = useState<Partial<Record<OptInTrigger, string>>>({});
  const toggle = async (trigger: OptInTrigger, on: boolean) => {
    if (on) {
      // The permission request must be the first thing in the click handler (a user gesture).
      const granted = await requestTriggerPermission(trigger);
      setRefused((r) => ({ ...r, [trigger]: granted ? undefined : t(REFUSED_MESSAGE[trigger]) }));
      if (granted) save(withOptIn(nudges, trigger, true));
      return;
    }
    save(withOptIn(nudges, trigger, false));
    setRefused((r) => ({ ...r, [trigger]: undefined }));
    // Least privilege: give the permission back when nothing uses it.
    await browser.permissions
      .remove({ permissions: [TRIGGER_PERMISSIONS[trigger]] })
      .catch(() => false);
  };
  return { refused, toggle };
}

function SiteCard({
  nudges,
  save,
}: {
  nudges: NudgeSettings;
  save: (next: NudgeSettings) => void;
}) {
  const { refused, toggle } = useOptIn(nudges, save);
  const [text, setText] = useState(nudges.site.patterns.join('\n'));
  const parsed = parseSitePatterns(text);
  const id = useId();
  return (
    <Card title={t('nudgesSiteTitle')} hint={t('nudgesSiteHint')}>
      <Switch
        label={t('nudgesSiteSwitch')}
        checked={nudges.site.enabled}
        refused={refused.site}
        onChange={(on) => void toggle('site', on)}
      />
      <p class="muted small">{t('nudgesSitePermission')}</p>
      <div class="field">
        <label for={id}>{t('nudgesSites')}</label>
        <textarea
          id={id}
          rows={3}
          placeholder={t('nudgesSitesPlaceholder')}
          value={text}
          aria-invalid={parsed.problem ? 'true' : undefined}
          aria-describedby={parsed.problem ? `${id}-error` : undefined}
          onInput={(e) => {
            const value = e.currentTarget.value;
            setText(value);
            const result = parseSitePatterns(value);
            if (!result.problem)
              save({ ...nudges, site: { ...nudges.site, patterns: result.patterns } });
          }}
        />
        {parsed.problem && (
          <p class="error" id={`${id}-error`}>
            {parsed.problem}
          </p>
        )}
      </div>
      <DeliverySelect
        value={nudges.site.delivery}
        onChange={(delivery) => save({ ...nudges, site: { ...nudges.site, delivery } })}
      />
    </Card>
  );
}

function FailureCard({
  nudges,
  save,
}: {
  nudges: NudgeSettings;
  save: (next: NudgeSettings) => void;
}) {
  const { refused, toggle } = useOptIn(nudges, save);
  return (
    <Card title={t('nudgesFailureTitle')} hint={t('nudgesFailureHint')}>
      <Switch
        label={t('nudgesFailureNavigation')}
        checked={nudges.failure.navigation}
        refused={refused.navigation}
        onChange={(on) => void toggle('navigation', on)}
      />
      <Switch
        label={t('nudgesFailureDownloads')}
        checked={nudges.failure.downloads}
        refused={refused.downloads}
        onChange={(on) => void toggle('downloads', on)}
      />
      <p class="muted small">{t('nudgesFailurePermission')}</p>
      <DeliverySelect
        value={nudges.failure.delivery}
        onChange={(delivery) => save({ ...nudges, failure: { ...nudges.failure, delivery } })}
      />
    </Card>
  );
}

function LimitsCard({
  nudges,
  save,
  patch,
}: {
  nudges: NudgeSettings;
  save: (next: NudgeSettings) => void;
  patch: (v: Partial<NudgeSettings['quietHours']>) => void;
}) {
  return (
    <Card title={t('nudgesLimitsTitle')} hint={t('nudgesLimitsHint')}>
      <Switch
        label={t('nudgesQuietHours')}
        checked={nudges.quietHours.enabled}
        onChange={(enabled) => patch({ enabled })}
      />
      <div class="row">
        <TimeField
          label={t('nudgesQuietFrom')}
          value={nudges.quietHours.start}
          onValid={(start) => patch({ start })}
        />
        <TimeField
          label={t('nudgesQuietUntil')}
          value={nudges.quietHours.end}
          onValid={(end) => patch({ end })}
        />
      </div>
      <NumberField
        label={t('nudgesDailyCap')}
        value={nudges.dailyCap}
        min={1}
        max={24}
        onValid={(dailyCap) => save({ ...nudges, dailyCap })}
      />
      <p class="muted small">{t('nudgesBackoff')}</p>
    </Card>
  );
}

function Card({
  title,
  hint,
  children,
}: {
  title: string;
  hint: string;
  children: ComponentChildren;
}) {
  const id = useId();
  return (
    <fieldset class="card nudge-card" aria-describedby={`${id}-hint`}>
      <legend>{title}</legend>
      <p class="muted small" id={`${id}-hint`}>
        {hint}
      </p>
      {children}
    </fieldset>
  );
}

/** A trigger's on/off switch; `refused` says why an opt-in permission keeps it off. */
function Switch({
  label,
  checked,
  refused,
  onChange,
}: {
  label: string;
  checked: boolean;
  refused?: string | null;
  onChange: (on: boolean) => void;
}) {
  return (
    <>
      <label class="check switch">
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        {label}
      </label>
      {refused && (
        <p class="error" role="alert">
          {refused}
        </p>
      )}
    </>
  );
}

function DeliverySelect({
  value,
  onChange,
}: {
  value: Delivery;
  onChange: (value: Delivery) => void;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{t('nudgesDelivery')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as Delivery)}>
        <option value="badge">{t('nudgesDeliveryBadge')}</option>
        <option value="notification">{t('nudgesDeliveryNotification')}</option>
      </select>
    </div>
  );
}

/**
 * The typed text of a checked field, kept apart from the saved value: while it is invalid the
 * field says why and keeps what was typed; only valid values are saved.
 */
function useChecked(initial: string) {
  const [text, setText] = useState(initial);
  const id = useId();
  return { text, setText, id };
}

function TimeField({
  label,
  value,
  onValid,
}: {
  label: string;
  value: string;
  onValid: (v: string) => void;
}) {
  const { text, setText, id } = useChecked(value);
  const problem = timeProblem(text);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        class="time"
        value={text}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onInput={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          if (!timeProblem(next)) onValid(next.trim());
        }}
      />
      {problem && (
        <p class="error" id={`${id}-error`}>
          {problem}
        </p>
      )}
    </div>
  );
}

function TimesField({ value, onValid }: { value: string[]; onValid: (times: string[]) => void }) {
  const { text, setText, id } = useChecked(value.join(', '));
  const { problem } = parseTimeList(text);
  return (
    <div class="field">
      <label for={id}>{t('nudgesTimes')}</label>
      <input
        id={id}
        type="text"
        value={text}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onInput={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const parsed = parseTimeList(next);
          if (!parsed.problem) onValid(parsed.times);
        }}
      />
      {problem && (
        <p class="error" id={`${id}-error`}>
          {problem}
        </p>
      )}
    </div>
  );
}

function RangeField(props: {
  startLabel: string;
  endLabel: string;
  /** Said when the end is not after the start. */
  orderProblem: string;
  start: string;
  end: string;
  onValid: (start: string, end: string) => void;
}) {
  const [range, setRange] = useState({ start: props.start, end: props.end });
  const s = parseClockTime(range.start);
  const e = parseClockTime(range.end);
  const order = s !== null && e !== null && e <= s ? props.orderProblem : null;
  const change = (next: { start: string; end: string }) => {
    setRange(next);
    const a = parseClockTime(next.start);
    const b = parseClockTime(next.end);
    if (a !== null && b !== null && b > a) props.onValid(next.start, next.end);
  };
  return (
    <>
      <div class="row">
        <TimeField
          label={props.startLabel}
          value={range.start}
          onValid={(start) => change({ ...range, start })}
        />
        <TimeField
          label={props.endLabel}
          value={range.end}
          onValid={(end) => change({ ...range, end })}
        />
      </div>
      {order && (
        <p class="error" role="alert">
          {order}
        </p>
      )}
    </>
  );
}

function NumberField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  onValid: (value: number) => void;
}) {
  const { text, setText, id } = useChecked(String(props.value));
  const check = (raw: string) => {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(n))
      return t('nudgesWholeNumber', formatNumber(props.min), formatNumber(props.max));
    if (n < props.min || n > props.max)
      return t('nudgesNumberRange', formatNumber(props.min), formatNumber(props.max));
    return null;
  };
  const problem = check(text);
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        class="number"
        value={text}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onInput={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          if (!check(next)) props.onValid(Number(next));
        }}
      />
      {problem && (
        <p class="error" id={`${id}-error`}>
          {problem}
        </p>
      )}
    </div>
  );
}
