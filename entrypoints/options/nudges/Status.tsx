/**
 * The top of the Nudges section: when the next nudge comes, whether nudges are snoozed or
 * paused, and the buttons to snooze, pause or resume (asked of the worker, which owns the
 * nudge state).
 */
import { t } from '../../../utils/i18n/i18n';
import { requestAttention } from '../../../utils/nudges/attention-request-browser';
import type { NudgeSettings } from '../../../utils/nudges/nudge-settings';
import type { AttentionChoice, NudgeState } from '../../../utils/nudges/nudge-state';
import { describeNextNudge } from '../../../utils/nudges/nudge-time';
import { nextNudge } from '../../../utils/nudges/schedule';

/** The next nudge, snooze or pause as it stands, and the buttons that change them. */
export function Status({
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
