import { formatNumber, t } from '../utils/i18n/i18n';
import { LIMITS } from '../utils/reflections/reflection';

interface Props {
  id: string;
  label: string;
  value: string;
  placeholder?: string;
  error?: string;
  /** A gentle suggestion about the wording (self-blame), dismissible. */
  hint?: string;
  onDismissHint?: () => void;
  autoFocus?: boolean;
  rows?: number;
  onInput: (value: string) => void;
}

/**
 * `autofocus` is ignored for elements rendered after load, so focus by hand. A stable
 * function: Preact calls a ref again only when it changes, i.e. once on mount. No hooks here,
 * so the popup (which shares this component) stays inside its size budget.
 */
function focusOnMount(element: HTMLTextAreaElement | null): void {
  element?.focus();
}

/** One question with its answer box, a counter near the limit, and the limit message. */
export function AnswerField({
  id,
  label,
  value,
  placeholder,
  error,
  hint,
  onDismissHint,
  autoFocus,
  rows = 2,
  onInput,
}: Props) {
  const showCounter = value.length >= LIMITS.counterFrom;
  const over = value.length > LIMITS.answerChars;
  const describedBy = [showCounter && `${id}-count`, error && `${id}-error`, hint && `${id}-hint`]
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
        ref={autoFocus ? focusOnMount : undefined}
        aria-invalid={over || undefined}
        aria-describedby={describedBy || undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {showCounter && (
        <p id={`${id}-count`} class={over ? 'counter over' : 'counter'}>
          {t('answerCounter', formatNumber(value.length), formatNumber(LIMITS.answerChars))}
        </p>
      )}
      {hint && (
        <div id={`${id}-hint`} class="hint-box" role="status">
          <p>{hint}</p>
          {onDismissHint && (
            <button
              type="button"
              class="link"
              aria-label={t('selfBlameDismiss')}
              onClick={onDismissHint}
            >
              ×
            </button>
          )}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
