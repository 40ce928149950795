/**
 * A clock time typed as text ("17:30"), checked as it is typed. Shared by the schedule and
 * quiet-hours cards.
 */
import { timeProblem } from '../../../utils/nudges/nudge-validation';
import { useChecked } from './useChecked';

/** A clock-time field that saves only valid times and says why others are not. */
export function TimeField({
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
