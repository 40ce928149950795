/**
 * The settings page's Nudges section: loads the nudge settings and state, saves each change
 * at once, and lays out one card per trigger. The cards and the fields they share live in
 * entrypoints/options/nudges/, one component per file (as entrypoints/options/data/ does for
 * the Data section).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../utils/i18n/i18n';
import type { NudgeSettings } from '../../../utils/nudges/nudge-settings';
import type { NudgeState } from '../../../utils/nudges/nudge-state';
import { getNudgeState, watchNudgeState } from '../../../utils/nudges/nudge-state-store';
import type { Settings } from '../../../utils/settings/settings';
import { describeSettingsFailure } from '../../../utils/settings/settings-failure';
import {
  getSettings,
  saveSettingsChange,
  watchSettings,
} from '../../../utils/settings/settings-store';
import { FailureCard } from '../nudges/FailureCard';
import { IdleCard } from '../nudges/IdleCard';
import { LimitsCard } from '../nudges/LimitsCard';
import { MenuCard } from '../nudges/MenuCard';
import { ScheduleCard } from '../nudges/ScheduleCard';
import { SiteCard } from '../nudges/SiteCard';
import { StartupCard } from '../nudges/StartupCard';
import { Status } from '../nudges/Status';

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
      <StartupCard nudges={nudges} patch={(v) => patch('startup', v)} />
      <SiteCard nudges={nudges} save={save} />
      <FailureCard nudges={nudges} save={save} />
      <MenuCard nudges={nudges} patch={(v) => patch('contextMenu', v)} />
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
