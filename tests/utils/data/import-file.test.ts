import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../utils/data/import-file';
import { MAX_IMPORT_BYTES } from '../../../utils/data/import-guard';

const NOW = 1_800_000_000_000;

describe('reading a chosen file', () => {
  it('refuses a file over 50 MB without reading a byte of it', async () => {
    let read = false;
    const huge = {
      size: MAX_IMPORT_BYTES + 1,
      text: () => {
        read = true;
        return Promise.resolve('');
      },
    } as unknown as Blob;
    const result = await readImportFile(huge, NOW);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/up to 50 MB/) });
    expect(read).toBe(false);
  });

  it('refuses an empty file', async () => {
    const result = await readImportFile(new Blob([]), NOW);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/empty/) });
  });

  it('says so when the browser cannot read the file', async () => {
    const broken = { size: 10, text: () => Promise.reject(new Error('gone')) } as unknown as Blob;
    expect(await readImportFile(broken, NOW)).toEqual({
      ok: false,
      message: expect.stringMatching(/could not read this file/),
    });
  });
});
