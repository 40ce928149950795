import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dayOneText, planDayOne } from '../../../../utils/data/importers/dayone';
import { importedId } from '../../../../utils/data/importers/source-id';
import { readZip } from '../../../../utils/data/importers/zip';

const NOW = Date.UTC(2026, 0, 15, 12);
const fixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/importers/${name}`, import.meta.url));
const journal = { name: 'Journal.json', text: fixture('dayone/Journal.json').toString('utf8') };

function entries(list: unknown[]) {
  return [{ name: 'Journal.json', text: JSON.stringify({ metadata: {}, entries: list }) }];
}

describe('dayOneText', () => {
  it.each([
    ['escaped punctuation', 'sign\\-in broke\\. Fixed\\!', 'sign-in broke. Fixed!', 0, 3],
    ['an escaped list number', '1\\. first', '1. first', 0, 1],
    ['a photo', 'Look: ![](dayone-moment://ABC)', 'Look: (photo)', 1, 0],
    ['a video', '![](dayone-moment:/video/ABC)', '(attachment)', 1, 0],
    ['an audio note with alt text', '![memo](dayone-moment:/audio/ABC)', '(attachment)', 1, 0],
    [
      'a real link stays',
      '[site](https://example.com/a\\_b)',
      '[site](https://example.com/a_b)',
      0,
      1,
    ],
    ['a backslash before a letter stays', 'C:\\Users', 'C:\\Users', 0, 0],
  ])('%s', (_name, raw, text, media, escapes) => {
    expect(dayOneText(raw)).toEqual({ text, media, escapes });
  });
});

describe('planDayOne', () => {
  it('reads the fixture journal: text, tags, star, dates, photos and skips', () => {
    const result = planDayOne([journal], 'Europe/Berlin', NOW);
    if (!result.ok) throw new Error(result.message);
    const { plan } = result;
    expect(plan.seen).toBe(6);
    expect(plan.reflections).toHaveLength(3);
    expect(plan.skipped).toEqual({ empty: 1, broken: 1, noDate: 1 });
    expect(plan.notes).toEqual({ photos: 2, unescaped: 2 });
    const [first, second, third] = plan.reflections;
    expect(first?.id).toBe(importedId('dayone', '5E1D4B2C9A7F4E3B8C6D0A1B2C3D4E5F'));
    // The instant is exact whatever the machine's zone: Day One writes UTC.
    expect(new Date(first?.createdAt ?? 0).toISOString()).toBe('2023-03-04T23:30:00.000Z');
    expect(first?.updatedAt).toBe(first?.createdAt);
    expect(first?.answers.happened).toBe(
      '# Rolled back the release\n\nThe deploy at 12:30 broke sign-in. I rolled back within 10 minutes!\n\n(photo)\n\n1. Check the feature flag first\n2. Ask for a second review',
    );
    expect(first).toMatchObject({
      tags: ['work', 'deploys'],
      pinned: true,
      trigger: 'import',
      template: 'quick',
      sting: null,
      followUps: [],
      deletedAt: null,
    });
    expect(second).toMatchObject({ pinned: false, tags: [] });
    // richText only: its runs become the text, its embedded photo a marker.
    expect(third?.answers.happened).toBe('Said yes to three deadlines in one week.\n(photo)');
    expect(third?.tags).toEqual(['retro']);
    expect(plan.first).toBe(Date.UTC(2023, 2, 4, 23, 30));
    expect(plan.last).toBe(Date.UTC(2023, 7, 20, 6, 45));
  });

  it('reads the zip Day One makes like the Journal.json inside it', () => {
    const zip = readZip(
      new Uint8Array(fixture('dayone-export.zip')),
      (n) => n.endsWith('.json'),
      1e7,
    );
    if (!zip.ok) throw new Error(zip.reason);
    expect(zip.files.map((f) => f.name)).toEqual(['Journal.json']);
    expect(zip.others).toBe(1);
    const fromZip = planDayOne(zip.files, 'UTC', NOW);
    const fromJson = planDayOne([journal], 'UTC', NOW);
    expect(fromZip).toEqual(fromJson);
  });

  it('gives every entry the same id on a second read (duplicates are found by id)', () => {
    const once = planDayOne([journal], 'UTC', NOW);
    const twice = planDayOne([journal], 'Asia/Tokyo', NOW + 86_400_000);
    if (!once.ok || !twice.ok) throw new Error('unread');
    expect(twice.plan.reflections.map((r) => r.id)).toEqual(once.plan.reflections.map((r) => r.id));
  });

  it.each([
    [
      'a date without an offset, read in the entry’s own zone',
      { uuid: 'a', creationDate: '2023-03-05T12:30:00', timeZone: 'Pacific/Auckland', text: 'x' },
      Date.UTC(2023, 2, 4, 23, 30),
    ],
    [
      'a date without an offset and a zone Day One calls by another name, read in the chosen zone',
      { uuid: 'a', creationDate: '2023-03-05T12:30:00', timeZone: 'GMT+1300?', text: 'x' },
      Date.UTC(2023, 2, 5, 11, 30),
    ],
  ])('%s', (_name, entry, createdAt) => {
    const result = planDayOne(entries([entry]), 'Europe/Berlin', NOW);
    expect(result.ok && result.plan.reflections[0]?.createdAt).toBe(createdAt);
  });

  it.each([
    ['no uuid', { creationDate: '2023-01-01T00:00:00Z', text: 'x' }, 'broken'],
    ['not an object', 'just text', 'broken'],
    ['no date', { uuid: 'a', text: 'x' }, 'noDate'],
    ['an unreadable date', { uuid: 'a', creationDate: 'yesterday', text: 'x' }, 'noDate'],
    [
      'a date after tomorrow',
      { uuid: 'a', creationDate: '2026-01-20T00:00:00Z', text: 'x' },
      'future',
    ],
    [
      'photos only',
      { uuid: 'a', creationDate: '2023-01-01T00:00:00Z', text: '![](dayone-moment://X)' },
      'empty',
    ],
    ['no text at all', { uuid: 'a', creationDate: '2023-01-01T00:00:00Z' }, 'empty'],
    [
      'text over 5,000 characters',
      { uuid: 'a', creationDate: '2023-01-01T00:00:00Z', text: 'x'.repeat(5001) },
      'tooLong',
    ],
    [
      '21 tags',
      {
        uuid: 'a',
        creationDate: '2023-01-01T00:00:00Z',
        text: 'x',
        tags: Array.from({ length: 21 }, (_, i) => `t${i}`),
      },
      'tags',
    ],
    [
      'a tag of 41 characters',
      { uuid: 'a', creationDate: '2023-01-01T00:00:00Z', text: 'x', tags: ['y'.repeat(41)] },
      'tags',
    ],
  ])('skips an entry with %s', (_name, entry, reason) => {
    const result = planDayOne(entries([entry]), 'UTC', NOW);
    expect(result.ok && result.plan).toMatchObject({ reflections: [], skipped: { [reason]: 1 } });
  });

  it('skips the same uuid twice (two journals holding one entry)', () => {
    const entry = { uuid: 'same', creationDate: '2023-01-01T00:00:00Z', text: 'x' };
    const result = planDayOne([...entries([entry]), ...entries([entry])], 'UTC', NOW);
    expect(result.ok && result.plan).toMatchObject({ skipped: { duplicate: 1 } });
    expect(result.ok && result.plan.reflections).toHaveLength(1);
  });

  it.each([
    ['no file at all', [], 'There is no Day One journal'],
    [
      'a file that is not JSON',
      [{ name: 'notes.txt', text: 'hello' }],
      '“notes.txt” is not a Day One export: it is not JSON.',
    ],
    [
      'JSON without entries',
      [{ name: 'x.json', text: fixture('broken-dayone.json').toString() }],
      '“x.json” is JSON, but not a Day One journal',
    ],
    ['a JSON list', [{ name: 'x.json', text: '[1,2]' }], 'not a Day One journal'],
  ])('refuses %s, saying what is wrong', (_name, files, message) => {
    const result = planDayOne(files, 'UTC', NOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
    expect(!result.ok && result.message).toContain('Nothing was changed.');
  });
});
