import { describe, expect, it } from 'vitest';
import { fromBase64, randomBytes, toBase64 } from '../../../utils/lock/bytes';

/** The platform decoder's contract (Chromium 140+, Firefox 133+), for Node 20 which lacks it. */
function standIn(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new SyntaxError('not base64');
  return new Uint8Array(Buffer.from(text, 'base64'));
}

describe('base64 for stored ciphertext', () => {
  it.each([0, 1, 2, 3, 255, 256, 65_536])('%i bytes come back the same, by either decoder', (n) => {
    const bytes = randomBytes(n);
    const text = toBase64(bytes);
    expect(fromBase64(text, undefined)).toEqual(bytes);
    expect(fromBase64(text, standIn)).toEqual(bytes);
  });

  it('uses the platform decoder where there is one', () => {
    const calls: string[] = [];
    const decoded = fromBase64('AAE=', (text) => {
      calls.push(text);
      return new Uint8Array([0, 1]);
    });
    expect(calls).toEqual(['AAE=']);
    expect([...decoded]).toEqual([0, 1]);
  });

  it('refuses text that is not base64 with either decoder', () => {
    expect(() => fromBase64('not base64!', undefined)).toThrow();
    expect(() => fromBase64('not base64!', standIn)).toThrow();
  });
});
