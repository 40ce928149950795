import { useEffect, useRef, useState } from 'preact/hooks';
import { deleteAllData } from '../../../utils/data/delete-everything-store';
import { formatNumber, type MessageKey, plural, t } from '../../../utils/i18n/i18n';
import { countReflections, describeDbError } from '../../../utils/reflections/db-store';

/** Besides the reflections (counted above the list): every kind of thing that is cleared. */
const CLEARS: readonly MessageKey[] = [
  'dataDeleteClearsCheckins',
  'dataDeleteClearsDraft',
  'dataDeleteClearsNudges',
  'dataDeleteClearsBadge',
  'dataDeleteClearsSettings',
  'dataDeleteClearsLock',
  'dataDeleteClearsSync',
];

/**
 * Remove everything Fail Well keeps (utils/data/delete-everything-store.ts), only after the user read
 * what goes and typed a word to confirm. Focus moves into the confirmation and back to the
 * opening button when it closes.
 */
export function DeleteEverything() {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [stored, setStored] = useState<number | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const confirmInput = useRef<HTMLInputElement>(null);
  // The word to type is in the user's language, so it can be typed without switching keyboards.
  const confirmWord = t('dataDeleteConfirmWord');

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
      const removed = await deleteAllData(localStorage);
      setResult(
        t(plural(removed, 'dataDeleteDoneOne', 'dataDeleteDoneOther'), formatNumber(removed)),
      );
      close();
    } catch (error) {
      setFailure(t('dataDeleteFailed', describeDbError(error)));
    }
  }

  return (
    <section class="card data-block danger-zone" aria-labelledby="delete-title">
      <h3 id="delete-title">{t('dataDeleteTitle')}</h3>
      <p class="muted">{t('dataDeleteIntro')}</p>
      {!open && (
        <button type="button" ref={opener} class="danger" onClick={() => void start()}>
          {t('dataDeleteOpen')}
        </button>
      )}
      {open && (
        <form
          class="confirm"
          aria-label={t('dataDeleteConfirmLabel')}
          onSubmit={(event) => {
            event.preventDefault();
            if (typed.trim().toLowerCase() === confirmWord) void confirm();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
        >
          <p>
            {stored === null
              ? t('dataDeleteWillAll')
              : t(
                  plural(stored, 'dataDeleteWillOne', 'dataDeleteWillOther'),
                  formatNumber(stored),
                )}{' '}
            {t('dataDeleteCannotUndo')}
          </p>
          <p id="delete-clears">{t('dataDeleteClears')}</p>
          <ul aria-labelledby="delete-clears">
            {CLEARS.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
          <div class="field">
            <label for="delete-confirm">{t('dataDeleteTypeToConfirm', confirmWord)}</label>
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
              disabled={typed.trim().toLowerCase() !== confirmWord}
            >
              {t('dataDeleteAll')}
            </button>
            <button type="button" onClick={close}>
              {t('dataCancel')}
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
