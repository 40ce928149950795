import { describe, expect, it } from 'vitest';
import {
  findForbiddenKey,
  importSizeProblem,
  MAX_IMPORT_BYTES,
} from '../../../utils/data/import-guard';

describe('file size', () => {
  it.each([
    [0, /empty/],
    [MAX_IMPORT_BYTES + 1, /This file is 150 MB; Fail Well imports files up to 150 MB/],
    [200 * 1024 * 1024, /This file is 200 MB/],
  ])('refuses %i bytes', (bytes, message) => {
    expect(importSizeProblem(bytes)).toMatch(message);
  });

  it('accepts a file of exactly the limit', () => {
    expect(importSizeProblem(MAX_IMPORT_BYTES)).toBeNull();
  });
});

describe('forbidden keys', () => {
  it('finds forbidden keys by path', () => {
    expect(findForbiddenKey(JSON.parse('{"a":[{"b":{"__proto__":1}}]}'))).toBe('a[0].b.__proto__');
    expect(findForbiddenKey({ a: { b: [1, 'x'] } })).toBeNull();
  });
});
