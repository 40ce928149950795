import { useEffect } from 'preact/hooks';
import { ReflectionCard } from '../../components/ReflectionCard';
import { onDbEvent, onReflectionsChanged } from '../../utils/db';
import type { ReviewState } from './state';

/** The review dashboard: your lessons, newest first. */
export function App({ state }: { state: ReviewState }) {
  useEffect(() => {
    void state.refresh();
    const offChange = onReflectionsChanged(() => void state.refresh());
    const offDb = onDbEvent((event) => {
      state.notice.value = event;
    });
    return () => {
      offChange();
      offDb();
    };
  }, [state]);

  return (
    <div class="page">
      <header class="page-header">
        <h1>Fail Well</h1>
        <p class="muted">Your lessons, kept on this device.</p>
      </header>
      <DbNotice state={state} />
      {state.error.value && (
        <p class="error" role="alert">
          {state.error.value}
        </p>
      )}
      <main>
        {state.loaded.value && state.items.value.length === 0 ? (
          <FirstRun />
        ) : (
          <List state={state} />
        )}
      </main>
    </div>
  );
}

function List({ state }: { state: ReviewState }) {
  return (
    <section aria-labelledby="list-title">
      <h2 id="list-title">Reflections</h2>
      <ol class="list">
        {state.items.value.map((reflection) => (
          <li key={reflection.id}>
            <ReflectionCard reflection={reflection} />
          </li>
        ))}
      </ol>
      {state.next.value !== null && (
        <button type="button" onClick={() => void state.loadMore()}>
          Show older reflections
        </button>
      )}
    </section>
  );
}

function FirstRun() {
  return (
    <section class="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">Turn setbacks into lessons</h2>
      <p>
        Everyone slips. Owning it, learning from it and sharing the lesson is what builds trust.
        Fail Well makes that a one-minute habit: a short, kind prompt — what happened, what did I
        learn, what will I do next time — kept only on this device.
      </p>
      <p>
        Write your first reflection from the Fail Well button in the toolbar, or press{' '}
        <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>F</kbd>. It will appear here.
      </p>
    </section>
  );
}

function DbNotice({ state }: { state: ReviewState }) {
  const event = state.notice.value;
  if (!event) return null;
  const message =
    event.type === 'blocked'
      ? 'Fail Well is updating its storage. Close other Fail Well tabs or windows to finish.'
      : 'Fail Well was updated in another tab. Reload this page to keep going — nothing is lost.';
  return (
    <div class="notice" role="alert">
      <p>{message}</p>
      {event.type !== 'blocked' && (
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>
      )}
    </div>
  );
}
