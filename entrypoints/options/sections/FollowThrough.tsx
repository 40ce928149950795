import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ColumnChart } from '../../../components/ColumnChart';
import { DigestPanel } from '../../../components/DigestPanel';
import { FollowUpSettingsForm } from '../../../components/FollowUpSettingsForm';
import { DAY_MS } from '../../../utils/core/time-units';
import { appliedRateByMonth, openTellThem } from '../../../utils/follow-through/follow-through';
import {
  dueFollowUps,
  followUpDueAt,
  openCommitments,
} from '../../../utils/follow-through/follow-up';
import { t, uiLanguage } from '../../../utils/i18n/i18n';
import type { FollowUpOutcome, Reflection } from '../../../utils/reflections/reflection';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings/settings';
import {
  getSettings,
  saveSettingsChange,
  watchSettings,
} from '../../../utils/settings/settings-store';
import type { ReviewState } from '../state';
import { useRoute } from '../useRoute';

const OUTCOMES: [FollowUpOutcome, Parameters<typeof t>[0]][] = [
  ['applied', 'followApplied'],
  ['partly', 'followPartly'],
  ['not-yet', 'followNotYet'],
  ['no-longer-relevant', 'followNoLonger'],
];

/** "yesterday", "last week", "3 weeks ago" — how long ago, in the UI language. */
function ago(then: number, now: number): string {
  const rtf = new Intl.RelativeTimeFormat(uiLanguage(), { numeric: 'auto' });
  const days = Math.max(0, Math.round((now - then) / DAY_MS));
  if (days < 7) return rtf.format(-days, 'day');
  if (days < 60) return rtf.format(-Math.round(days / 7), 'week');
  return rtf.format(-Math.round(days / 30), 'month');
}

function day(epochMs: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' }).format(epochMs);
}

/** Follow-through: due check-ins on "next time" commitments, open items, the applied rate. */
export function FollowThrough({ state }: { state: ReviewState }) {
  const phase = state.phase.value;
  const version = state.version.value;
  const [settings, setLocalSettings] = useState<Settings>(DEFAULT_SETTINGS);
  // A follow-up reminder's click lands on `#/follow-through?focus=<id>`: bring that card to view.
  const focus = useRoute().route.params.focus;
  useEffect(() => {
    let live = true;
    void getSettings().then((s) => {
      if (live) setLocalSettings(s);
    });
    const off = watchSettings(setLocalSettings);
    return () => {
      live = false;
      off();
    };
  }, []);

  const view = useMemo(() => {
    if (phase !== 'ready') return null;
    const all = state.newestFirst();
    const now = state.now();
    const due = dueFollowUps(all, now);
    const dueIds = new Set(due.map((r) => r.id));
    return {
      now,
      all,
      due,
      open: openCommitments(all, now).filter((r) => !dueIds.has(r.id)),
      tell: openTellThem(all),
      months: appliedRateByMonth(all, now, state.zone),
    };
  }, [phase, version, state]);

  // Once per address: `view` is rebuilt on every write (an answer, a tick, another tab), and
  // focusing again then would pull the keyboard away from whatever the user moved on to.
  const focused = useRef<string | null>(null);
  useEffect(() => {
    if (!view || !focus || focused.current === focus) return;
    const card = document.getElementById(`due-${focus}`);
    if (!card) return;
    card.focus();
    focused.current = focus;
  }, [view, focus]);

  if (!view) {
    return (
      <p class="list-status muted" role="status">
        {t('followLoading')}
      </p>
    );
  }
  const monthName = new Intl.DateTimeFormat(uiLanguage(), {
    month: 'short',
    timeZone: 'UTC',
  });
  const answered = view.months.reduce((n, m) => n + m.answered, 0);
  const applied = view.months.reduce((n, m) => n + m.applied, 0);

  return (
    <section class="follow" aria-labelledby="follow-title">
      <h2 id="follow-title">{t('followTitle')}</h2>

      <section aria-labelledby="due-title">
        <h3 id="due-title">{t('followDueTitle')}</h3>
        {view.due.length === 0 ? (
          <p class="muted">{t('followDueNone')}</p>
        ) : (
          <ul class="list">
            {view.due.map((r) => (
              <li key={r.id}>
                <DueFollowUp
                  reflection={r}
                  now={view.now}
                  onAnswer={(outcome, note) =>
                    state.answerFollowUp(r.id, outcome, note, settings.followUps.retryDays)
                  }
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="tell-title">
        <h3 id="tell-title">{t('tellThemTitle')}</h3>
        {view.tell.length === 0 ? (
          <p class="muted">{t('tellThemNone')}</p>
        ) : (
          <ul class="plain-list">
            {view.tell.map((r) => (
              <li key={r.id}>
                <label class="check">
                  <input type="checkbox" onChange={() => void state.setTold(r.id, true)} />
                  {t('tellThemItem', r.share?.affected ?? '', day(r.createdAt))}
                </label>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="open-title">
        <h3 id="open-title">{t('followOpenTitle')}</h3>
        {view.open.length === 0 ? (
          <p class="muted">{t('followOpenNone')}</p>
        ) : (
          <ul class="plain-list commitments">
            {view.open.map((r) => (
              <li key={r.id}>
                <span class="commitment">{r.answers.nextTime}</span>{' '}
                <span class="muted">
                  {t('followComesBack', day(followUpDueAt(r, view.now) ?? view.now))}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ColumnChart
        id="applied-rate"
        title={t('followRateTitle')}
        summary={
          answered === 0
            ? t('followRateNone')
            : t('followRateSummary', applied, answered, view.months.length)
        }
        columns={view.months.map((m) => ({
          label: monthName.format(Date.parse(`${m.month}-01T00:00:00Z`)),
          value: m.rate === null ? null : Math.round(m.rate * 100),
        }))}
        max={100}
        labelHeader={t('followRateMonth')}
        valueHeader={t('followRateValue')}
        format={(v) => `${v}%`}
        everyLabel
      />

      <DigestPanel reflections={view.all} tags={state.tags()} now={view.now} zone={state.zone} />

      <FollowUpSettingsForm
        settings={settings}
        onSave={async (next) => {
          await saveSettingsChange(settings, next);
        }}
      />
    </section>
  );
}

interface DueProps {
  reflection: Reflection;
  now: number;
  onAnswer: (outcome: FollowUpOutcome, note: string) => Promise<string | null>;
}

/** One due follow-up: the commitment in the person's words, four answers and a note. */
function DueFollowUp({ reflection, now, onAnswer }: DueProps) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const noteId = `note-${reflection.id}`;
  const askId = `ask-${reflection.id}`;
  const answer = async (outcome: FollowUpOutcome) => {
    setBusy(true);
    const message = await onAnswer(outcome, note);
    setBusy(false);
    setError(message);
  };
  return (
    <article id={`due-${reflection.id}`} tabIndex={-1} class="card due" aria-labelledby={askId}>
      <p class="muted">{t('followYouWrote', ago(reflection.createdAt, now))}</p>
      <blockquote class="commitment">{reflection.answers.nextTime}</blockquote>
      <p id={askId} class="ask">
        {t('followDidYouApply')}
      </p>
      <div class="field">
        <label for={noteId}>{t('followNote')}</label>
        <input
          id={noteId}
          type="text"
          maxLength={500}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </div>
      <div class="dialog-actions">
        {OUTCOMES.map(([outcome, key]) => (
          <button
            key={outcome}
            type="button"
            class={outcome === 'applied' ? 'primary' : undefined}
            disabled={busy}
            onClick={() => void answer(outcome)}
          >
            {t(key)}
          </button>
        ))}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
