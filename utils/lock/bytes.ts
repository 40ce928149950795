/**
 * Bytes ⇄ text for the lock's stored formats: base64 for ciphertext, keys and salts (JSON
 * holds only strings), UTF-8 for what goes in. Pure; `btoa`/`atob` exist in every context we
 * run in (pages, service worker, event page, Node 20).
 */

const CHUNK = 0x8000; // String.fromCharCode takes arguments: stay well under the stack limit

/** Standard base64 of `bytes` (with padding). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** The platform's own decoder (Chromium 140+, Firefox 133+), absent in Node 20. */
type NativeFromBase64 = (text: string) => Uint8Array<ArrayBuffer>;
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: NativeFromBase64 }).fromBase64;

/** The bytes of a base64 string; throws a `SyntaxError`-like `Error` when it is not base64. */
export function fromBase64(text: string, native = nativeFromBase64): Uint8Array<ArrayBuffer> {
  // Opening 100,000 records decodes 200,000 strings on the page's main thread: the native
  // decoder skips the intermediate binary string and the loop.
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 bytes of `text`. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text) as Uint8Array<ArrayBuffer>;
}

/** Text from UTF-8 bytes; throws on invalid UTF-8 rather than showing replacement glyphs. */
export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** `count` bytes from the platform's cryptographic random source. */
export function randomBytes(count: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(count));
}
