/**
 * The typed text of a checked field, shared by the time and number fields. Its own file
 * because each of those fields is.
 */
import { useId, useState } from 'preact/hooks';

/**
 * The typed text of a checked field, kept apart from the saved value: while it is invalid the
 * field says why and keeps what was typed; only valid values are saved.
 */
export function useChecked(initial: string) {
  const [text, setText] = useState(initial);
  const id = useId();
  return { text, setText, id };
}
