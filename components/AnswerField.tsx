import { useEffect, useRef } from 'preact/hooks';
import { LIMITS } from '../utils/reflection';

interface Props {
  id: string;
  label: string;
  value: string;
  placeholder?: string;
  error?: string;
  autoFocus?: boolean;
  rows?: number;
  onInput: (value: string) => void;
}

/** One question with its answer box, a counter near the limit, and the limit message. */
export function AnswerField({
  id,
  label,
  value,
  placeholder,
  error,
  autoFocus,
  rows = 2,
  onInput,
}: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    // The `autofocus` attribute is ignored for elements rendered after load: focus by hand.
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  const showCounter = value.length >= LIMITS.counterFrom;
  const over = value.length > LIMITS.answerChars;
  const describedBy = [showCounter && `${id}-count`, error && `${id}-error`]
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {/* No maxLength: text past the limit stays (nothing typed is lost) and gets a message. */}
      <textarea
        id={id}
        value={value}
        rows={rows}
        placeholder={placeholder}
        ref={ref}
        aria-invalid={over || undefined}
        aria-describedby={describedBy || undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {showCounter && (
        <p id={`${id}-count`} class={over ? 'counter over' : 'counter'}>
          {value.length.toLocaleString()} / {LIMITS.answerChars.toLocaleString()}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
