import type { Sting } from '../utils/reflection';

const LEVELS: readonly { value: Sting; name: string }[] = [
  { value: 1, name: 'barely' },
  { value: 2, name: 'a little' },
  { value: 3, name: 'some' },
  { value: 4, name: 'quite a bit' },
  { value: 5, name: 'a lot' },
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
        How much did it sting? <span class="muted">(optional)</span>
      </legend>
      <div class="sting-options">
        {LEVELS.map((level) => (
          <label key={level.value} class="sting-option" title={level.name}>
            <input
              type="radio"
              name={name}
              value={level.value}
              checked={value === level.value}
              aria-label={`${level.value} — ${level.name}`}
              onChange={() => onChange(level.value)}
            />
            <span aria-hidden="true">{level.value}</span>
          </label>
        ))}
        {value !== null && (
          <button type="button" class="link" onClick={() => onChange(null)}>
            Clear
          </button>
        )}
      </div>
    </fieldset>
  );
}
