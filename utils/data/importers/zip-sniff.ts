/**
 * Telling a zip by its first bytes, apart from zip.ts so that looking at a chosen file does
 * not load the unzipper.
 */

/** Whether bytes begin like a zip archive ("PK\x03\x04", or an empty one's "PK\x05\x06"). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}
