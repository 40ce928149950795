/**
 * The schedule's list of times ("9:00, 17:30"), checked as it is typed.
 */
import { t } from '../../../utils/i18n/i18n';
import { parseTimeList } from '../../../utils/nudges/nudge-validation';
import { useChecked } from './useChecked';

/** The list of times a schedule rings at; saved only when every time is valid. */
export function TimesField({
  value,
  onValid,
}: {
  value: string[];
  onValid: (times: string[]) => void;
}) {
  const { text, setText, id } = useChecked(value.join(', '));
  const { problem } = parseTimeList(text);
  return (
    <div class="field">
      <label for={id}>{t('nudgesTimes')}</label>
      <input
        id={id}
        type="text"
        value={text}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onInput={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const parsed = parseTimeList(next);
          if (!parsed.problem) onValid(parsed.times);
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
