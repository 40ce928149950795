import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../../../utils/data/importers/zip';
import { looksLikeZip } from '../../../../utils/data/importers/zip-sniff';

const bytes = (text: string) => new TextEncoder().encode(text);
const all = () => true;

describe('readZip', () => {
  it('reads the accepted files as UTF-8, sorted, and counts the others', () => {
    const zip = zipSync({ 'b.md': bytes('Bé'), 'a.md': bytes('A'), 'p.png': new Uint8Array([1]) });
    expect(readZip(zip, (name) => name.endsWith('.md'), 1000)).toEqual({
      ok: true,
      files: [
        { name: 'a.md', text: 'A' },
        { name: 'b.md', text: 'Bé' },
      ],
      others: 1,
    });
  });

  it('leaves out hidden folders and macOS resource forks', () => {
    const zip = zipSync({
      '.obsidian/x.md': bytes('x'),
      '__MACOSX/._a.md': bytes('x'),
      'a.md': bytes('a'),
    });
    expect(readZip(zip, all, 1000)).toMatchObject({ files: [{ name: 'a.md' }], others: 2 });
  });

  it('refuses files that would unpack past the limit', () => {
    const zip = zipSync({ 'big.md': new Uint8Array(5000) });
    expect(readZip(zip, all, 4000)).toEqual({ ok: false, reason: 'tooLarge' });
  });

  it.each([
    ['text', bytes('not a zip')],
    ['a cut-off zip', zipSync({ 'a.md': bytes('a'.repeat(100)) }).slice(0, 40)],
  ])('refuses %s', (_name, data) => {
    expect(readZip(data, all, 1000)).toEqual({ ok: false, reason: 'notZip' });
  });

  it('tells a zip by its first bytes', () => {
    expect(looksLikeZip(zipSync({}))).toBe(true);
    expect(looksLikeZip(bytes('{"entries":[]}'))).toBe(false);
  });
});
