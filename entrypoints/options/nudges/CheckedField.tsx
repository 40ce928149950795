/**
 * A field checked as it is typed, shared by the number, time and times fields of the cards.
 * The typed text is kept apart from the saved value: while it is invalid the field says why and
 * keeps what was typed; only valid values are saved.
 */
import { useId, useState } from 'preact/hooks';

/** What a check makes of the typed text: a problem to say, or the value to save. */
export type Checked<T> = { problem: string; value?: undefined } | { problem: null; value: T };

export function CheckedField<T>({
  label,
  initial,
  check,
  onValid,
  inputMode,
  class: className,
}: {
  label: string;
  initial: string;
  check: (text: string) => Checked<T>;
  onValid: (value: T) => void;
  inputMode?: 'numeric';
  class?: string;
}) {
  const [text, setText] = useState(initial);
  const id = useId();
  const { problem } = check(text);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        class={className}
        value={text}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onInput={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const checked = check(next);
          if (checked.problem === null) onValid(checked.value);
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
