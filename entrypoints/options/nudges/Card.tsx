/**
 * One card of the Nudges section: a titled fieldset with its hint. Its own file because every
 * card uses it.
 */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/** A card of the Nudges section: a titled group of fields with a hint under the title. */
export function Card({
  title,
  hint,
  children,
}: {
  title: string;
  hint: string;
  children: ComponentChildren;
}) {
  const id = useId();
  return (
    <fieldset class="card nudge-card" aria-describedby={`${id}-hint`}>
      <legend>{title}</legend>
      <p class="muted small" id={`${id}-hint`}>
        {hint}
      </p>
      {children}
    </fieldset>
  );
}
