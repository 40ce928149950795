import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../utils/lock/bytes';
import {
  type Envelope,
  type LockError,
  openEnvelope,
  parseEnvelope,
  sealToPublicKey,
  sealWithDataKey,
} from '../../../utils/lock/envelope';
import { createKeyring, sealingKeyOf } from '../../../utils/lock/keyring';
import { codeOf } from '../../helpers/lock-errors';

const made = createKeyring('correct horse battery', 0, 100_000);
const words = { answers: { happened: 'I shipped the wrong build — ünïcödé ✓' }, tags: ['deploy'] };

function flip(base64: string, at: number): string {
  const bytes = fromBase64(base64);
  bytes[at] = (bytes[at] as number) ^ 1;
  return toBase64(bytes);
}

describe('envelopes', () => {
  it.each(['dk', 'pk'] as const)('round-trip in the %s form', async (form) => {
    const { keyring, keys } = await made;
    const sealed =
      form === 'dk'
        ? await sealWithDataKey(keys, 'r1/main', words)
        : await sealToPublicKey(await sealingKeyOf(keyring), 'r1/main', words);
    expect(sealed.f).toBe(form);
    expect(JSON.stringify(sealed)).not.toContain('wrong build');
    expect(await openEnvelope(keys, 'r1/main', sealed)).toEqual(words);
  });

  it('pads so a short and a longer answer give the same ciphertext length', async () => {
    const { keys } = await made;
    const short = await sealWithDataKey(keys, 'r1/main', { a: 'x' });
    const longer = await sealWithDataKey(keys, 'r1/main', { a: 'x'.repeat(200) });
    expect(fromBase64(short.ct).length).toBe(fromBase64(longer.ct).length);
  });

  it.each(['dk', 'pk'] as const)('refuses tampering in the %s form', async (form) => {
    const { keyring, keys } = await made;
    const sealed: Envelope =
      form === 'dk'
        ? await sealWithDataKey(keys, 'r1/main', words)
        : await sealToPublicKey(await sealingKeyOf(keyring), 'r1/main', words);
    const ct = fromBase64(sealed.ct);
    const cases: [string, Envelope, string][] = [
      ['a flipped ciphertext byte', { ...sealed, ct: flip(sealed.ct, 5) }, 'r1/main'],
      ['a flipped tag byte', { ...sealed, ct: flip(sealed.ct, ct.length - 1) }, 'r1/main'],
      ['a flipped iv byte', { ...sealed, iv: flip(sealed.iv, 0) }, 'r1/main'],
      ['a truncated record', { ...sealed, ct: toBase64(ct.subarray(0, 40)) }, 'r1/main'],
      ['moved onto another record', sealed, 'r2/main'],
      ['moved into another slot', sealed, 'r1/follow-up/0'],
      ['not base64 at all', { ...sealed, ct: '%%%' }, 'r1/main'],
    ];
    for (const [what, envelope, place] of cases) {
      expect([what, await codeOf(openEnvelope(keys, place, envelope))]).toEqual([
        what,
        'unreadable',
      ]);
    }
  });

  it('refuses an envelope from another keyring, by id and by key', async () => {
    const { keys } = await made;
    const other = await createKeyring('another passphrase', 0, 100_000);
    const theirs = await sealWithDataKey(other.keys, 'r1/main', words);
    expect(await codeOf(openEnvelope(keys, 'r1/main', theirs))).toBe('other-key');
    // Same id, different key (a keyring restored over another): still nothing shown.
    expect(await codeOf(openEnvelope(keys, 'r1/main', { ...theirs, kid: keys.kid }))).toBe(
      'unreadable',
    );
  });

  it('parses the stored shapes and names a newer or broken one', async () => {
    const { keys } = await made;
    const sealed = await sealWithDataKey(keys, 'r1/main', words);
    expect(parseEnvelope(JSON.parse(JSON.stringify(sealed)))).toEqual(sealed);
    const code = (raw: unknown) => {
      try {
        parseEnvelope(raw);
        return 'parsed';
      } catch (error) {
        return (error as LockError).code;
      }
    };
    expect(code({ ...sealed, v: 2 })).toBe('unsupported');
    expect(code({ ...sealed, f: 'pk' })).toBe('malformed'); // pk needs epk
    expect(code({ ...sealed, iv: '' })).toBe('malformed');
    expect(code(null)).toBe('malformed');
    expect(code('text')).toBe('malformed');
  });
});
