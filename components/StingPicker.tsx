import { type MessageKey, t } from '../utils/i18n/i18n';
import type { Sting } from '../utils/reflections/reflection';

const LEVELS: readonly { value: Sting; name: MessageKey }[] = [
  { value: 1, name: 'sting1' },
  { value: 2, name: 'sting2' },
  { value: 3, name: 'sting3' },
  { value: 4, name: 'sting4' },
  { value: 5, name: 'sting5' },
];

interface Props {
  name: string;
  value: Sting | null;
  onChange: (value: Sting | null) => void;
}

/** "How much did it sting?" — an optional 1–5 radio group that can be cleared. */
export function StingPicker({ name, value, onChange }: Props) {
  return (
    <fieldset class="sting">
      <legend>
        {t('stingLegend')} <span class="muted">{t('optional')}</span>
      </legend>
      <div class="sting-options">
        {LEVELS.map((level) => (
          <label key={level.value} class="sting-option" title={t(level.name)}>
            <input
              type="radio"
              name={name}
              value={level.value}
              checked={value === level.value}
              aria-label={t('stingLevel', level.value, t(level.name))}
              onChange={() => onChange(level.value)}
            />
            <span aria-hidden="true">{level.value}</span>
          </label>
        ))}
        {value !== null && (
          <button type="button" class="link" onClick={() => onChange(null)}>
            {t('clear')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
