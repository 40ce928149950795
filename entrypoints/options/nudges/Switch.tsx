/**
 * A trigger's on/off switch, with the reason an opt-in stays off. Shared by the cards.
 */

/** A trigger's on/off switch; `refused` says why an opt-in permission keeps it off. */
export function Switch({
  label,
  checked,
  refused,
  onChange,
}: {
  label: string;
  checked: boolean;
  refused?: string | null;
  onChange: (on: boolean) => void;
}) {
  return (
    <>
      <label class="check switch">
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        {label}
      </label>
      {refused && (
        <p class="error" role="alert">
          {refused}
        </p>
      )}
    </>
  );
}
