import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportToString } from '../../../utils/data/export';
import { csvField, csvRow, csvWriter } from '../../../utils/data/export-csv';
import { richReflection, SETTINGS } from '../../helpers/reflections';

const NOW = 1_800_000_000_000;
const _meta = { exportedAt: NOW, settings: SETTINGS, timeZone: 'UTC' };

describe('CSV export', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['line\nbreak', '"line\nbreak"'],
    ['crlf\r\nbreak', '"crlf\r\nbreak"'],
    ['trailing,', '"trailing,"'],
    ['  spaces  ', '  spaces  '],
    ['emoji 🙈', 'emoji 🙈'],
    ['שלום', 'שלום'],
    ['=1+1', "'=1+1"],
    ['+49 30', "'+49 30"],
    ['-rm', "'-rm"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['=HYPERLINK("x","y")', '"\'=HYPERLINK(""x"",""y"")"'],
  ])('quotes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('ends each row with CRLF', () => {
    expect(csvRow(['a', 'b,c'])).toBe('a,"b,c"\r\n');
  });

  it('is read back cell for cell by a well-kept CSV parser (papaparse)', () => {
    const reflections = [1, 2, 3, 4, 5, 6, 7].map((n) => richReflection(n));
    const text = exportToString(csvWriter(), reflections).replace(/^\uFEFF/, '');
    const { data, errors } = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(errors).toEqual([]);
    expect(data).toHaveLength(reflections.length + 1);
    const header = data[0] as string[];
    reflections.forEach((r, i) => {
      const row = data[i + 1] as string[];
      expect(row).toHaveLength(header.length);
      const cell = (name: string) => row[header.indexOf(name)];
      expect(cell('id')).toBe(r.id);
      // Formula-looking cells get one leading apostrophe; everything else is exact.
      const happened = r.answers.happened ?? '';
      expect(cell('happened')).toBe(/^[=+\-@]/.test(happened) ? `'${happened}` : happened);
      expect(cell('learned')).toBe(r.answers.learned);
      expect(cell('tags')).toBe(r.tags.join(', '));
      expect(cell('created')).toBe(new Date(r.createdAt).toISOString());
    });
  });

  it('leaves soft-deleted reflections out', () => {
    const text = exportToString(csvWriter(), [
      richReflection(1),
      richReflection(2, { deletedAt: NOW }),
    ]);
    expect(Papa.parse(text.slice(1), { skipEmptyLines: true }).data).toHaveLength(2);
  });
});
