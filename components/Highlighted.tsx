import { highlight } from '../utils/review/search-highlight';

interface Props {
  text: string;
  terms: readonly string[];
}

/** Text with search matches in <mark>: built as text nodes, never parsed as HTML. */
export function Highlighted({ text, terms }: Props) {
  if (terms.length === 0) return <>{text}</>;
  return (
    <>
      {highlight(text, terms).map((segment, i) =>
        // Segments never change order for a given text and terms, so the index is a stable key.
        segment.match ? <mark key={i}>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}
