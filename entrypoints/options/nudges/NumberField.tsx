/**
 * A whole number within bounds, typed as text and checked as it is typed. Shared by the cards.
 */
import { formatNumber, t } from '../../../utils/i18n/i18n';
import { useChecked } from './useChecked';

/** A whole-number field that saves only values within `min`…`max`. */
export function NumberField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  onValid: (value: number) => void;
}) {
  const { text, setText, id } = useChecked(String(props.value));
  const check = (raw: string) => {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(n))
      return t('nudgesWholeNumber', formatNumber(props.min), formatNumber(props.max));
    if (n < props.min || n > props.max)
      return t('nudgesNumberRange', formatNumber(props.min), formatNumber(props.max));
    return null;
  };
  const problem = check(text);
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        class="number"
        value={text}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onInput={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          if (!check(next)) props.onValid(Number(next));
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
