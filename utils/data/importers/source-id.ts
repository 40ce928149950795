/**
 * A reflection id derived from where an imported entry came from (Day One's `uuid`, a Daylio
 * row's date and time, a note's path and date). The same entry always gets the same id, so a
 * second import of the same file meets ids already stored and the one-transaction import
 * (db-bulk-store.ts) skips them: no extra field, index or lookup table, and it still works
 * after the journal was exported to JSON and read back in on another device.
 */

/** cyrb128: four 32-bit lanes of a fast non-cryptographic hash (128 bits, no collisions in practice). */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const hex = (n: number) => n.toString(16).padStart(8, '0');

/**
 * A UUID-shaped id (version 8, "custom", RFC 9562) for an entry of `format` known there as
 * `sourceId`: it looks like every other reflection id, and never equals a random (version 4) one.
 */
export function importedId(format: string, sourceId: string): string {
  const [a, b, c, d] = hash128(`${format}\u0000${sourceId}`).map(hex) as [
    string,
    string,
    string,
    string,
  ];
  const variant = ((Number.parseInt(c.slice(0, 1), 16) & 0x3) | 0x8).toString(16);
  return `${a}-${b.slice(0, 4)}-8${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}
