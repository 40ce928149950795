import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../utils/data/storage-status-store';

describe('formatBytes', () => {
  it.each([
    [0, 'en', '0 bytes'],
    [1, 'en', '1 byte'],
    [512, 'en', '512 bytes'],
    [1536, 'en', '1.5 kB'],
    [1_258_291, 'en', '1.2 MB'],
    [52_428_800, 'en', '50 MB'],
    [5 * 1024 ** 4, 'en', '5 TB'],
    [512, 'de', '512 Byte'],
    [1_258_291, 'de', '1,2 MB'],
    [3.5 * 1024 ** 3, 'de-DE', '3,5 GB'],
  ])('%i bytes in %s: %s', (bytes, locale, text) => {
    // Some locales put a no-break space before the unit: compare what a reader sees.
    expect(formatBytes(bytes, locale).replace(/\s/g, ' ')).toBe(text);
  });

  it('speaks the UI language when no locale is given', () => {
    // tests/setup.ts makes the fake browser's UI language English.
    expect(formatBytes(2048)).toBe('2 kB');
  });
});
