/**
 * A whole number within bounds, typed as text and checked as it is typed. Shared by the cards.
 */
import { formatNumber, t } from '../../../utils/i18n/i18n';
import { type Checked, CheckedField } from './CheckedField';

/** A whole-number field that saves only values within `min`…`max`. */
export function NumberField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  onValid: (value: number) => void;
}) {
  const check = (raw: string): Checked<number> => {
    const n = Number(raw);
    const bounds = [formatNumber(props.min), formatNumber(props.max)] as const;
    if (raw.trim() === '' || !Number.isInteger(n))
      return { problem: t('nudgesWholeNumber', ...bounds) };
    if (n < props.min || n > props.max) return { problem: t('nudgesNumberRange', ...bounds) };
    return { problem: null, value: n };
  };
  return (
    <CheckedField
      label={props.label}
      initial={String(props.value)}
      check={check}
      onValid={props.onValid}
      inputMode="numeric"
      class="number"
    />
  );
}
