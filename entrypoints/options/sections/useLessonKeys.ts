/**
 * The Lessons list's keyboard shortcuts: `/` search, `j`/`k` next and previous, `e` edit,
 * `p` pin, `Del` delete, `o`/`Enter` open. Out of the way while typing in a field, and while
 * a dialog (sharing) owns the keyboard. Apart from Lessons.tsx so the list reads as a list.
 */
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/** Whether a key press belongs to a text field (shortcuts stay out of the way there). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

/** What the shortcuts do; `selected` is read at the moment of the key press. */
export interface LessonKeys {
  search: RefObject<HTMLInputElement | null>;
  move(step: number): void;
  selected(): string | null;
  edit(id: string): void;
  pin(id: string): void;
  remove(id: string): void;
  toggle(id: string): void;
}

/** Listen for the shortcuts on the document while the list is shown (the latest actions). */
export function useLessonKeys(keys: LessonKeys): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      // A dialog (sharing) owns the keyboard while it is open.
      if (event.target instanceof Element && event.target.closest('[role="dialog"]')) return;
      switch (event.key) {
        case '/':
          event.preventDefault();
          keys.search.current?.focus();
          return;
        case 'j':
          event.preventDefault();
          keys.move(1);
          return;
        case 'k':
          event.preventDefault();
          keys.move(-1);
          return;
      }
      const id = keys.selected();
      if (id === null) return;
      if (event.key === 'e') {
        event.preventDefault();
        keys.edit(id);
      } else if (event.key === 'p') {
        event.preventDefault();
        keys.pin(id);
      } else if (event.key === 'Delete') {
        event.preventDefault();
        keys.remove(id);
      } else if (event.key === 'o' || event.key === 'Enter') {
        if (
          event.key === 'Enter' &&
          !(event.target instanceof HTMLElement && event.target.tagName === 'ARTICLE')
        )
          return;
        event.preventDefault();
        keys.toggle(id);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });
}
