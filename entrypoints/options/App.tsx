import { useEffect } from 'preact/hooks';
import { BackupReminder } from '../../components/BackupReminder';
import { t } from '../../utils/i18n/i18n';
import { onDbEvent } from '../../utils/reflections/db-store';
import { SECTIONS } from './sections';
import { Data } from './sections/Data';
import { FollowThrough } from './sections/FollowThrough';
import { Insights } from './sections/Insights';
import { Lessons } from './sections/Lessons';
import { Nudges } from './sections/Nudges';
import { Preferences } from './sections/Preferences';
import type { ReviewState } from './state';
import { useRoute } from './useRoute';

/** Sections that never show reflections; the others need them all read. */
const WITHOUT_REFLECTIONS: ReadonlySet<string> = new Set(['data', 'nudges']);

/** Whether a section shows reflections (so the page reads them once it is shown). */
export function readsReflections(section: string): boolean {
  return !WITHOUT_REFLECTIONS.has(section);
}

/** The review dashboard: lessons, and the sections around them. */
export function App({ state }: { state: ReviewState }) {
  const { route } = useRoute();
  const needsReflections = readsReflections(route.section);
  useEffect(() => {
    if (needsReflections) state.ensureStarted();
  }, [state, needsReflections]);
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
        <h1>{t('extName')}</h1>
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
      {route.section !== 'data' && <BackupReminder />}
      <main>
        {route.section === 'lessons' && <Lessons state={state} />}
        {route.section === 'insights' && <Insights state={state} />}
        {route.section === 'data' && <Data />}
        {route.section === 'nudges' && <Nudges />}
        {route.section === 'preferences' && <Preferences />}
        {route.section === 'follow-through' && <FollowThrough state={state} />}
      </main>
    </div>
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
