import { useEffect, useRef, useState } from 'preact/hooks';
import { countReflections, describeDbError } from '../../../utils/db';
import { deleteEverything } from '../../../utils/db-bulk';
import { clearDraft } from '../../../utils/draft';

const CONFIRM_WORD = 'delete';

/**
 * Remove every reflection for good, only after the user types a word to confirm. Focus moves
 * into the confirmation and back to the opening button when it closes.
 */
export function DeleteEverything() {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [stored, setStored] = useState<number | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const confirmInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (open) confirmInput.current?.focus();
  }, [open]);

  async function start() {
    setResult(null);
    setFailure(null);
    setTyped('');
    setStored(await countReflections().catch(() => null));
    setOpen(true);
  }

  function close() {
    setOpen(false);
    // After the confirmation unmounts, put focus back where the user started.
    setTimeout(() => opener.current?.focus(), 0);
  }

  async function confirm() {
    try {
      const removed = await deleteEverything();
      await clearDraft();
      setResult(
        `Deleted ${removed.toLocaleString()} ${removed === 1 ? 'reflection' : 'reflections'}. Fail Well is empty on this device.`,
      );
      close();
    } catch (error) {
      setFailure(`Nothing was deleted. ${describeDbError(error)}`);
    }
  }

  return (
    <section class="card data-block danger-zone" aria-labelledby="delete-title">
      <h3 id="delete-title">Delete everything</h3>
      <p class="muted">
        Removes every reflection and any unsaved draft from this browser, for good. Export a JSON
        backup first if you might want them back.
      </p>
      {!open && (
        <button type="button" ref={opener} class="danger" onClick={() => void start()}>
          Delete everything…
        </button>
      )}
      {open && (
        <form
          class="confirm"
          aria-label="Confirm deleting everything"
          onSubmit={(event) => {
            event.preventDefault();
            if (typed.trim().toLowerCase() === CONFIRM_WORD) void confirm();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
        >
          <p>
            {stored === null
              ? 'Every reflection will be deleted.'
              : `${stored.toLocaleString()} ${stored === 1 ? 'reflection' : 'reflections'} will be deleted.`}{' '}
            This cannot be undone.
          </p>
          <div class="field">
            <label for="delete-confirm">Type “{CONFIRM_WORD}” to confirm</label>
            <input
              id="delete-confirm"
              ref={confirmInput}
              type="text"
              autocomplete="off"
              value={typed}
              onInput={(event) => setTyped(event.currentTarget.value)}
            />
          </div>
          <div class="actions">
            <button
              type="submit"
              class="danger"
              disabled={typed.trim().toLowerCase() !== CONFIRM_WORD}
            >
              Delete all reflections
            </button>
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
          {failure && (
            <p class="error" role="alert">
              {failure}
            </p>
          )}
        </form>
      )}
      <div role="status">{result && <p>{result}</p>}</div>
    </section>
  );
}
