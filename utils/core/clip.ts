/**
 * Shortening text for notifications and labels without breaking a character: cut between
 * graphemes (what a reader sees as one character: 👩🏽‍💻, 🇩🇪, é written as e + ◌́) where
 * `Intl.Segmenter` exists, else between code points, so a cut never leaves half an emoji's
 * surrogate pair. Pure.
 */

type Segment = { segment: string };
type GraphemeSegmenter = { segment(text: string): Iterable<Segment> };

let segmenter: GraphemeSegmenter | null | undefined;

function graphemeSegmenter(): GraphemeSegmenter | null {
  if (segmenter === undefined) {
    // Chrome 87+ and Firefox 125+ have it; older Firefox falls back to code points.
    const Segmenter = (
      Intl as { Segmenter?: new (locale?: string, options?: object) => GraphemeSegmenter }
    ).Segmenter;
    segmenter = Segmenter ? new Segmenter(undefined, { granularity: 'grapheme' }) : null;
  }
  return segmenter;
}

/**
 * The visible characters of `text`: graphemes with `Intl.Segmenter`, code points without it
 * (`useSegmenter: false` forces the fallback, for tests).
 */
export function characters(text: string, useSegmenter = true): string[] {
  const found = useSegmenter ? graphemeSegmenter() : null;
  return found ? Array.from(found.segment(text), (s) => s.segment) : Array.from(text);
}

/**
 * `text` cut to at most `max` visible characters, an ellipsis included; with `atWord`, back
 * to the last space when that keeps more than half, so a word is not chopped.
 */
export function clip(text: string, max: number, atWord = false, useSegmenter = true): string {
  // Cheap path: no string of `max` UTF-16 units or fewer can hold more than `max` characters.
  if (text.length <= max) return text;
  const chars = characters(text, useSegmenter);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, Math.max(0, max - 1)).join('');
  const space = atWord ? cut.lastIndexOf(' ') : -1;
  return `${space > cut.length / 2 ? cut.slice(0, space) : cut}…`;
}
