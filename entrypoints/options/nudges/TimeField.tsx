/**
 * A clock time typed as text ("17:30"), checked as it is typed. Shared by the schedule and
 * quiet-hours cards.
 */
import { timeProblem } from '../../../utils/nudges/nudge-validation';
import { type Checked, CheckedField } from './CheckedField';

function checkTime(text: string): Checked<string> {
  const problem = timeProblem(text);
  return problem ? { problem } : { problem: null, value: text.trim() };
}

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
  return (
    <CheckedField
      label={label}
      initial={value}
      check={checkTime}
      onValid={onValid}
      inputMode="numeric"
      class="time"
    />
  );
}
