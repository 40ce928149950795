/** A labelled progress bar with a Cancel button, for long exports and imports. */
export function Progress({
  label,
  done,
  total,
  onCancel,
}: {
  label: string;
  done: number;
  total: number;
  onCancel: () => void;
}) {
  return (
    <div class="progress">
      <label>
        <span>
          {label} {done.toLocaleString()} of {total.toLocaleString()}
        </span>
        <progress max={Math.max(total, 1)} value={done} />
      </label>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
