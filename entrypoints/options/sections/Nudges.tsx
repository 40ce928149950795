import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { setAttention } from '../../../utils/nudge-engine';
import {
  type OptInTrigger,
  REFUSED_MESSAGE,
  requestTriggerPermission,
  TRIGGER_PERMISSIONS,
  withOptIn,
} from '../../../utils/nudge-permissions';
import { type Delivery, type NudgeSettings, parseClockTime } from '../../../utils/nudge-settings';
import {
  type AttentionChoice,
  getNudgeState,
  type NudgeState,
  watchNudgeState,
} from '../../../utils/nudge-state';
import {
  parseSitePatterns,
  parseTimeList,
  timeProblem,
  weekdaysProblem,
} from '../../../utils/nudge-validation';
import { describeNextNudge, nextNudge } from '../../../utils/schedule';
import { getSettings, type Settings } from '../../../utils/settings';
import { setSettings, watchSettings } from '../../../utils/settings-store';

const WEEKDAYS = [
  [1, 'Mon', 'Monday'],
  [2, 'Tue', 'Tuesday'],
  [3, 'Wed', 'Wednesday'],
  [4, 'Thu', 'Thursday'],
  [5, 'Fri', 'Friday'],
  [6, 'Sat', 'Saturday'],
  [0, 'Sun', 'Sunday'],
] as const;

/** The settings page's "Nudges" section: every trigger, its delivery and the quiet rules. */
export function Nudges() {
  const [settings, setLocal] = useState<Settings | null>(null);
  const [state, setState] = useState<NudgeState | null>(null);
  const [now, setNow] = useState(Date.now());
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
  /** Changes take effect at once: the background watches the settings item. */
  const save = (next: NudgeSettings) => {
    setLocal({ ...settings, nudges: next });
    void setSettings({ ...settings, nudges: next });
  };
  const patch = <K extends keyof NudgeSettings>(key: K, value: Partial<NudgeSettings[K]>) =>
    save({ ...nudges, [key]: { ...(nudges[key] as object), ...value } });

  return (
    <section aria-labelledby="nudges-title" class="nudges">
      <h2 id="nudges-title">Nudges</h2>
      <p class="muted nudges-intro">
        Fail Well can remind you to reflect at moments that suit you. Everything here takes effect
        at once.
      </p>
      <Status settings={nudges} state={state} now={now} />
      <ScheduleCard nudges={nudges} patch={(v) => patch('schedule', v)} />
      <IdleCard nudges={nudges} patch={(v) => patch('idle', v)} />
      <Card title="Browser start-up" hint="A lesson from before, in your own words.">
        <Switch
          label="Show a past lesson when the browser starts"
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
      <Card title="Context menu" hint="Right-click a page or a selection to reflect on it.">
        <Switch
          label="Show “Reflect on this page” and “Reflect on the selection”"
          checked={nudges.contextMenu.enabled}
          onChange={(enabled) => patch('contextMenu', { enabled })}
        />
      </Card>
      <LimitsCard nudges={nudges} save={save} patch={(v) => patch('quietHours', v)} />
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
  const act = (choice: AttentionChoice) => void setAttention(choice);
  let line: string;
  if (paused && state.pause?.until === null)
    line = 'Nudges are paused until you turn them back on.';
  else if (paused)
    line = `Nudges are paused until ${describeNextNudge(state.pause?.until ?? now, now)}.`;
  else if (snoozed) line = `Snoozed until ${describeNextNudge(state.snooze?.until ?? now, now)}.`;
  else line = '';
  return (
    <div class="nudge-status card" role="status">
      <p class="nudge-status-line next">
        {next ? `Next nudge: ${describeNextNudge(next.at, now)}` : 'No scheduled nudge coming up.'}
      </p>
      {line && <p class="nudge-status-line">{line}</p>}
      <div class="row">
        {paused || snoozed ? (
          <button type="button" class="primary" onClick={() => act('resume')}>
            Turn nudges back on
          </button>
        ) : (
          <>
            <button type="button" onClick={() => act('snooze-hour')}>
              Snooze 1 hour
            </button>
            <button type="button" onClick={() => act('snooze-tomorrow')}>
              Snooze until tomorrow
            </button>
            <button type="button" onClick={() => act('pause-day')}>
              Pause for a day
            </button>
            <button type="button" onClick={() => act('pause-forever')}>
              Pause until I turn them back on
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
    <Card title="On a schedule" hint="At set times, every few hours, or at a random moment.">
      <Switch
        label="Nudge me on a schedule"
        checked={s.enabled}
        onChange={(enabled) => patch({ enabled })}
      />
      <fieldset class="field">
        <legend>How</legend>
        {(
          [
            ['times', 'At set times'],
            ['interval', 'Every few hours during working hours'],
            ['random', 'Once, at a random moment inside a window'],
          ] as const
        ).map(([mode, label]) => (
          <label class="check" key={mode}>
            <input
              type="radio"
              name="schedule-mode"
              checked={s.mode === mode}
              onChange={() => patch({ mode })}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {s.mode === 'times' && <TimesField value={s.times} onValid={(times) => patch({ times })} />}
      {s.mode === 'interval' && (
        <>
          <NumberField
            label="Every how many hours"
            value={s.everyHours}
            min={1}
            max={12}
            onValid={(everyHours) => patch({ everyHours })}
          />
          <RangeField
            startLabel="Working hours start"
            endLabel="Working hours end"
            start={s.workStart}
            end={s.workEnd}
            onValid={(workStart, workEnd) => patch({ workStart, workEnd })}
          />
        </>
      )}
      {s.mode === 'random' && (
        <RangeField
          startLabel="Window opens"
          endLabel="Window closes"
          start={s.windowStart}
          end={s.windowEnd}
          onValid={(windowStart, windowEnd) => patch({ windowStart, windowEnd })}
        />
      )}
      <fieldset class="field">
        <legend>On these days</legend>
        <div class="row">
          {WEEKDAYS.map(([day, short, long]) => (
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
    <Card title="Back from a break" hint="When you return after time away or a locked screen.">
      <Switch
        label="Nudge me when I’m back from a break"
        checked={nudges.idle.enabled}
        onChange={(enabled) => patch({ enabled })}
      />
      <NumberField
        label="A break is at least (minutes)"
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
      setRefused((r) => ({ ...r, [trigger]: granted ? undefined : REFUSED_MESSAGE[trigger] }));
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
    <Card
      title="Leaving a listed site"
      hint="A video call, a CI page: when you close it or move on."
    >
      <Switch
        label="Nudge me when I leave one of these sites"
        checked={nudges.site.enabled}
        onChange={(on) => void toggle('site', on)}
      />
      {refused.site && (
        <p class="error" role="alert">
          {refused.site}
        </p>
      )}
      <p class="muted small">
        Asks for permission to read your tabs’ addresses, only when you switch this on.
      </p>
      <div class="field">
        <label for={id}>Sites, one per line</label>
        <textarea
          id={id}
          rows={3}
          placeholder={'meet.google.com\nci.example.com/builds/*'}
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
    <Card
      title="A failure in the browser"
      hint="A page that won’t load, a download that breaks off."
    >
      <Switch
        label="Nudge me when a page fails to load"
        checked={nudges.failure.navigation}
        onChange={(on) => void toggle('navigation', on)}
      />
      {refused.navigation && (
        <p class="error" role="alert">
          {refused.navigation}
        </p>
      )}
      <Switch
        label="Nudge me when a download fails"
        checked={nudges.failure.downloads}
        onChange={(on) => void toggle('downloads', on)}
      />
      {refused.downloads && (
        <p class="error" role="alert">
          {refused.downloads}
        </p>
      )}
      <p class="muted small">Each asks for its own permission, only when you switch it on.</p>
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
    <Card
      title="Quiet hours and limits"
      hint="Nudges due in quiet hours are skipped, not saved up for later."
    >
      <Switch
        label="Quiet hours"
        checked={nudges.quietHours.enabled}
        onChange={(enabled) => patch({ enabled })}
      />
      <div class="row">
        <TimeField
          label="Quiet from"
          value={nudges.quietHours.start}
          onValid={(start) => patch({ start })}
        />
        <TimeField
          label="Quiet until"
          value={nudges.quietHours.end}
          onValid={(end) => patch({ end })}
        />
      </div>
      <NumberField
        label="At most this many nudges a day"
        value={nudges.dailyCap}
        min={1}
        max={24}
        onValid={(dailyCap) => save({ ...nudges, dailyCap })}
      />
      <p class="muted small">
        If several nudges in a row go unanswered, they come less often (at least once a week) until
        you answer one.
      </p>
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

function Switch({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label class="check switch">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      {label}
    </label>
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
      <label for={id}>How to nudge</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as Delivery)}>
        <option value="badge">A badge on the toolbar icon</option>
        <option value="notification">A notification</option>
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
      <label for={id}>Times of day (24-hour, separated by commas)</label>
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
  start: string;
  end: string;
  onValid: (start: string, end: string) => void;
}) {
  const [range, setRange] = useState({ start: props.start, end: props.end });
  const s = parseClockTime(range.start);
  const e = parseClockTime(range.end);
  const order =
    s !== null && e !== null && e <= s
      ? `${props.endLabel} must be after ${props.startLabel.toLowerCase()}.`
      : null;
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
      return `Type a whole number from ${props.min} to ${props.max}.`;
    if (n < props.min || n > props.max) return `Pick a number from ${props.min} to ${props.max}.`;
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
