import { useEffect } from 'preact/hooks';
import { BackupReminder } from '../../components/BackupReminder';
import { t } from '../../utils/i18n/i18n';
import { lockNow } from '../../utils/lock/lock-store';
import { onDbEvent } from '../../utils/reflections/db-connection-store';
import { LockCard } from './lock/LockCard';
import { LockOffer } from './lock/LockOffer';
import type { LockView } from './lock/lock-view';
import { UnlockScreen } from './lock/UnlockScreen';
import { SECTIONS } from './sections';
import { Data } from './sections/Data';
import { FollowThrough } from './sections/FollowThrough';
import { Insights } from './sections/Insights';
import { Lessons } from './sections/Lessons';
import { Nudges } from './sections/Nudges';
import { Packet } from './sections/Packet';
import { Preferences } from './sections/Preferences';
import type { ReviewState } from './state';
import { useRoute } from './useRoute';

/** Sections that never show reflections; the others need them all read. */
const WITHOUT_REFLECTIONS: ReadonlySet<string> = new Set(['data', 'nudges']);

/** Whether a section shows reflections (so the page reads them once it is shown). */
export function readsReflections(section: string): boolean {
  return !WITHOUT_REFLECTIONS.has(section);
}

/** Sections that show what was written: behind the unlock screen while the journal is locked. */
export function needsUnlock(section: string): boolean {
  return readsReflections(section) || section === 'data';
}

/** The review dashboard: lessons, and the sections around them. */
export function App({ state, lock }: { state: ReviewState; lock: LockView }) {
  const { route } = useRoute();
  const locked = lock.status.value === 'locked';
  const known = lock.status.value !== null;
  const needsReflections = readsReflections(route.section);
  useEffect(() => {
    if (needsReflections && known && !locked) state.ensureStarted();
  }, [state, needsReflections, known, locked]);
  // Changes to reflections reach the state itself, from its first read on (state.ts).
  useEffect(
    () =>
      onDbEvent((event) => {
        state.notice.value = event;
      }),
    [state],
  );

  return (
    <div class="page">
      <header class="page-header">
        <div class="title-row">
          <h1>{t('extName')}</h1>
          {lock.status.value === 'unlocked' && (
            <button type="button" class="lock-now" onClick={() => void lockNow()}>
              {t('lockNow')}
            </button>
          )}
        </div>
        <p class="muted">{t('optionsTagline')}</p>
        <nav aria-label={t('optionsNavLabel')}>
          <ul class="tabs">
            {SECTIONS.map((section) => (
              <li key={section.id}>
                <a
                  href={`#/${section.id}`}
                  aria-current={route.section === section.id ? 'page' : undefined}
                >
                  {t(section.nameKey)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <DbNotice state={state} />
      {state.error.value && (
        <p class="error" role="alert">
          {state.error.value}
        </p>
      )}
      {route.section !== 'data' && !locked && <BackupReminder />}
      <LockOffer lock={lock} />
      <main>
        {locked && needsUnlock(route.section) ? (
          <UnlockScreen onUnlocked={() => void lock.refresh().then(lock.resume)} />
        ) : (
          <Section section={route.section} state={state} lock={lock} />
        )}
      </main>
    </div>
  );
}

function Section({
  section,
  state,
  lock,
}: {
  section: string;
  state: ReviewState;
  lock: LockView;
}) {
  return (
    <>
      {section === 'lessons' && <Lessons state={state} />}
      {section === 'insights' && <Insights state={state} />}
      {section === 'data' && <Data />}
      {section === 'nudges' && <Nudges />}
      {section === 'preferences' && <Preferences lockCard={<LockCard lock={lock} />} />}
      {section === 'follow-through' && <FollowThrough state={state} />}
      {section === 'packet' && <Packet state={state} />}
    </>
  );
}

function DbNotice({ state }: { state: ReviewState }) {
  const event = state.notice.value;
  if (!event) return null;
  const message = event.type === 'blocked' ? t('dbNoticeBlocked') : t('dbNoticeBlocking');
  return (
    <div class="notice" role="alert">
      <p>{message}</p>
      {event.type !== 'blocked' && (
        <button type="button" onClick={() => location.reload()}>
          {t('reload')}
        </button>
      )}
    </div>
  );
}
