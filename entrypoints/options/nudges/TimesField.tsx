/**
 * The schedule's list of times ("9:00, 17:30"), checked as it is typed.
 */
import { t } from '../../../utils/i18n/i18n';
import { parseTimeList } from '../../../utils/nudges/nudge-validation';
import { type Checked, CheckedField } from './CheckedField';

function checkTimes(text: string): Checked<string[]> {
  const { problem, times } = parseTimeList(text);
  return problem ? { problem } : { problem: null, value: times };
}

/** The list of times a schedule rings at; saved only when every time is valid. */
export function TimesField({
  value,
  onValid,
}: {
  value: string[];
  onValid: (times: string[]) => void;
}) {
  return (
    <CheckedField
      label={t('nudgesTimes')}
      initial={value.join(', ')}
      check={checkTimes}
      onValid={onValid}
    />
  );
}
