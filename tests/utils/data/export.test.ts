import { describe, expect, it } from 'vitest';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportFileName,
  exportToString,
  jsonWriter,
} from '../../../utils/data/export';
import { checkImport } from '../../../utils/data/import';
import { HOSTILE_TEXT, richReflection, SETTINGS } from '../../helpers/reflections';

const NOW = 1_800_000_000_000;
const meta = { exportedAt: NOW, settings: SETTINGS, timeZone: 'UTC' };
const instant = () => Promise.resolve();

describe('JSON export', () => {
  it('is versioned and round-trips through import with deep equality', async () => {
    const reflections = [1, 2, 3, 4, 5, 6, 7].map((n) => richReflection(n, { prompt: undefined }));
    const checkins = ['2026-11-02', '2026-11-29'];
    const text = exportToString(jsonWriter({ ...meta, checkins }), reflections);
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: NOW,
      settings: SETTINGS,
      checkins,
    });

    const back = await checkImport(text, NOW, { pause: instant });
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.file.reflections).toStrictEqual(JSON.parse(JSON.stringify(reflections)));
    expect(back.file.settings).toEqual(SETTINGS);
    expect(back.file.checkins).toEqual(checkins);
    // Every character survives, including the awkward ones.
    for (const hostile of HOSTILE_TEXT)
      expect(text).toContain(JSON.stringify(hostile).slice(1, -1));
  });

  it('leaves soft-deleted reflections and their text out of the backup', () => {
    const deleted = richReflection(8, {
      deletedAt: NOW - 1_000,
      answers: { happened: 'words I chose to delete', learned: '', nextTime: '' },
    });
    const text = exportToString(jsonWriter(meta), [richReflection(1), deleted]);
    expect(JSON.parse(text).reflections.map((r: { id: string }) => r.id)).toEqual([
      richReflection(1).id,
    ]);
    expect(text).not.toContain('words I chose to delete');
    expect(exportToString(jsonWriter(meta), [deleted])).toBe(exportToString(jsonWriter(meta), []));
  });

  it('writes a valid, empty list when there is nothing to export', async () => {
    const text = exportToString(jsonWriter(meta), []);
    expect(JSON.parse(text).reflections).toEqual([]);
  });

  it('gives the same file whether written in one chunk or many', () => {
    const reflections = [1, 2, 3, 4, 5].map((n) => richReflection(n));
    const whole = exportToString(jsonWriter(meta), reflections);
    const writer = jsonWriter(meta);
    const pieces =
      writer.start() +
      writer.chunk(reflections.slice(0, 2)) +
      writer.chunk([]) +
      writer.chunk(reflections.slice(2)) +
      writer.end();
    expect(pieces).toBe(whole);
  });
});

it.each([
  ['json', 'fail-well-2027-01-15.json'],
  ['markdown', 'fail-well-2027-01-15.md'],
  ['csv', 'fail-well-2027-01-15.csv'],
] as const)('names a %s export by its date', (kind, name) => {
  expect(exportFileName(kind, 1_800_000_000_000, 'UTC')).toBe(name);
});

it('names an encrypted backup so it stands apart from a plain one', () => {
  expect(exportFileName('json', 1_800_000_000_000, 'UTC', true)).toBe(
    'fail-well-2027-01-15.encrypted.json',
  );
});
