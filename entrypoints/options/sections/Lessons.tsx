import { ReflectionCard } from '../../../components/ReflectionCard';
import type { ReviewState } from '../state';

/** Your reflections, newest first, read a page at a time. */
export function Lessons({ state }: { state: ReviewState }) {
  if (state.loaded.value && state.items.value.length === 0) return <FirstRun />;
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
