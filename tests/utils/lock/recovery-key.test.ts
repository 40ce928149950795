import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, parseRecoveryKey } from '../../../utils/lock/recovery-key';

describe('recovery key', () => {
  const bytes = Uint8Array.from({ length: 20 }, (_, i) => (i * 37 + 11) & 0xff);

  it('is 8 groups of 4 base32 characters and reads back', () => {
    const text = formatRecoveryKey(bytes);
    expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(parseRecoveryKey(text)).toEqual(bytes);
  });

  it('forgives case, spaces, missing dashes and look-alike letters', () => {
    const text = formatRecoveryKey(new Uint8Array(20)); // all zeros: "0000-…"
    expect(parseRecoveryKey(text.toLowerCase().replace(/-/g, ' '))).toEqual(new Uint8Array(20));
    expect(parseRecoveryKey(text.replace(/0/g, 'O'))).toEqual(new Uint8Array(20));
    const ones = formatRecoveryKey(Uint8Array.from({ length: 20 }, () => 0x08)).replace(/1/g, 'l');
    expect(parseRecoveryKey(ones)).toEqual(Uint8Array.from({ length: 20 }, () => 0x08));
  });

  it.each([
    ['too short', 'ABCD-EFGH'],
    ['a letter not in the alphabet', `U${formatRecoveryKey(bytes).slice(1)}`],
    ['empty', ''],
  ])('says no to %s', (_what, text) => {
    expect(parseRecoveryKey(text)).toBeNull();
  });
});
