import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../utils/lock/bytes';
import { createKeyring, unlockWithPassphrase } from '../../../utils/lock/keyring';
import {
  bucketSize,
  docIdOf,
  KEYRING_DOC_ID,
  keyringDoc,
  openDoc,
  parseKeyringDoc,
  reflectionIdOf,
  SyncDocError,
  sealDoc,
} from '../../../utils/sync/sync-doc';

const MARKER = 'PLAINTEXT-MARKER-4711';
const record = { id: 'abc', answers: { happened: `Missed the deploy ${MARKER}` }, tags: ['ops'] };

let key: CryptoKey;
let other: CryptoKey;
const KID = 'kid-1';
const keyFor = (kid: string) => (kid === KID ? key : undefined);

const aes = () =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

beforeAll(async () => {
  key = await aes();
  other = await aes();
});

/** The error code `promise` rejects with. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SyncDocError) return error.code;
    throw error;
  }
  throw new Error('it opened');
}

/** `text` (base64) with one bit of byte `at` flipped. */
function flipped(text: string, at: number): string {
  const bytes = fromBase64(text);
  bytes[at] = (bytes[at] as number) ^ 1;
  return toBase64(bytes);
}

describe('a reflection on the sync server', () => {
  it('opens to exactly what was sealed, and holds nothing readable', async () => {
    const doc = await sealDoc(docIdOf('abc'), record, key, KID, '2-x');
    expect(Object.keys(doc).sort()).toEqual(['_id', '_rev', 'ct', 'iv', 'kid', 'v']);
    expect(JSON.stringify(doc)).not.toContain(MARKER);
    expect(JSON.stringify(doc)).not.toContain('ops');
    await expect(openDoc(doc, keyFor)).resolves.toEqual({
      id: 'r:abc',
      rev: '2-x',
      deleted: false,
      value: record,
    });
  });

  it('is refused when one byte of the ciphertext or the iv changed', async () => {
    const doc = await sealDoc('r:abc', record, key, KID);
    expect(await codeOf(openDoc({ ...doc, ct: flipped(doc.ct, 3) }, keyFor))).toBe('tampered');
    expect(await codeOf(openDoc({ ...doc, ct: flipped(doc.ct, 270) }, keyFor))).toBe('tampered');
    expect(await codeOf(openDoc({ ...doc, iv: flipped(doc.iv, 0) }, keyFor))).toBe('tampered');
  });

  it('is refused when moved onto another id, relabelled or opened with another key', async () => {
    const doc = await sealDoc('r:abc', record, key, KID);
    expect(await codeOf(openDoc({ ...doc, _id: 'r:other' }, keyFor))).toBe('tampered');
    expect(await codeOf(openDoc(doc, () => other))).toBe('tampered');
    // The same key under another id: the binding is to the id it was sealed under.
    expect(await codeOf(openDoc({ ...doc, kid: 'kid-2' }, () => key))).toBe('tampered');
    expect(await codeOf(openDoc({ ...doc, kid: 'kid-2' }, keyFor))).toBe('unknown-key');
  });

  it('says a newer format is newer', async () => {
    const doc = await sealDoc('r:abc', record, key, KID);
    expect(await codeOf(openDoc({ ...doc, v: 2 }, keyFor))).toBe('unsupported');
  });

  it.each([
    ['not an object', 'hello'],
    ['no id', { v: 1, kid: KID, iv: 'AAAA', ct: 'AAAA' }],
    ['no version', { _id: 'r:a', kid: KID, iv: 'AAAAAAAAAAAAAAAA', ct: 'AAAA' }],
    ['no key id', { _id: 'r:a', v: 1, iv: 'AAAAAAAAAAAAAAAA', ct: 'AAAA' }],
    ['an iv of 9 bytes', { _id: 'r:a', v: 1, kid: KID, iv: 'AAAAAAAAAAAA', ct: 'A'.repeat(400) }],
    ['not base64', { _id: 'r:a', v: 1, kid: KID, iv: '!!!!', ct: '!!!!' }],
    ['a short ciphertext', { _id: 'r:a', v: 1, kid: KID, iv: 'AAAAAAAAAAAAAAAA', ct: 'AAAA' }],
    ['a numeric revision', { _id: 'r:a', _rev: 3, v: 1, kid: KID, iv: 'x', ct: 'y' }],
  ])('a document with %s is malformed', async (_, raw) => {
    expect(await codeOf(openDoc(raw, keyFor))).toBe('malformed');
  });

  it('passes a deletion through without content', async () => {
    await expect(openDoc({ _id: 'r:abc', _rev: '3-y', _deleted: true }, keyFor)).resolves.toEqual({
      id: 'r:abc',
      rev: '3-y',
      deleted: true,
    });
  });

  it('pads to buckets, so the server learns only a coarse size', async () => {
    const short = await sealDoc('r:a', { a: 'x'.repeat(10) }, key, KID);
    const longer = await sealDoc('r:a', { a: 'x'.repeat(200) }, key, KID);
    expect(fromBase64(short.ct).length).toBe(fromBase64(longer.ct).length);
    expect(fromBase64(short.ct).length).toBe(256 + 16); // the bucket and GCM's tag
    const big = await sealDoc('r:a', { a: 'x'.repeat(5000) }, key, KID);
    expect(fromBase64(big.ct).length).toBe(8192 + 16);
    await expect(openDoc(big, keyFor)).resolves.toMatchObject({ value: { a: 'x'.repeat(5000) } });
  });

  it.each([
    [0, 256],
    [252, 256],
    [253, 512],
    [65_532, 65_536],
    [65_533, 131_072],
    [200_000, 262_144],
  ])('%i bytes go into a bucket of %i', (length, size) => {
    expect(bucketSize(length)).toBe(size);
  });

  it('keeps reflections apart from its own documents', () => {
    expect(docIdOf('abc')).toBe('r:abc');
    expect(reflectionIdOf('r:abc')).toBe('abc');
    expect(reflectionIdOf(KEYRING_DOC_ID)).toBeNull();
    expect(reflectionIdOf('_design/x')).toBeNull();
    expect(reflectionIdOf('r:')).toBeNull();
  });
});

describe('the keyring on the sync server', () => {
  it('lets a second device unlock with the same passphrase, and holds no key in the clear', async () => {
    const { keyring, keys } = await createKeyring('correct horse', 1, 100_000);
    const doc = JSON.parse(JSON.stringify(keyringDoc(keyring, [], '1-a')));
    const { keyring: fetched, rev } = parseKeyringDoc(doc);
    expect(rev).toBe('1-a');
    const opened = await unlockWithPassphrase(fetched, 'correct horse');
    // The same data key: what one device seals, the other opens.
    const sealed = await sealDoc('r:z', record, keys.dataKey, keys.kid);
    await expect(openDoc(sealed, () => opened.dataKey)).resolves.toMatchObject({ value: record });
  });

  it('refuses a keyring document that is broken or newer', async () => {
    const { keyring } = await createKeyring('pw', 1, 100_000);
    expect(() => parseKeyringDoc({ _id: 'other', keyring })).toThrow(SyncDocError);
    expect(() =>
      parseKeyringDoc({ _id: KEYRING_DOC_ID, keyring: { ...keyring, kid: '' } }),
    ).toThrow(expect.objectContaining({ code: 'malformed' }));
    expect(() => parseKeyringDoc({ _id: KEYRING_DOC_ID, keyring: { ...keyring, v: 9 } })).toThrow(
      expect.objectContaining({ code: 'unsupported' }),
    );
    expect(() => parseKeyringDoc({ _id: KEYRING_DOC_ID })).toThrow(
      expect.objectContaining({ code: 'malformed' }),
    );
  });
});
