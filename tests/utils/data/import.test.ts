import { describe, expect, it } from 'vitest';
import { EXPORT_VERSION, exportToString, jsonWriter } from '../../../utils/data/export';
import { checkImport, FUTURE_TOLERANCE_MS } from '../../../utils/data/import';
import { importSizeProblem, MAX_IMPORT_BYTES } from '../../../utils/data/import-guard';
import { migrateRecord } from '../../../utils/data/import-schema';
import { FIRST_REVIEW_AFTER_MS, type Reflection } from '../../../utils/reflections/reflection';
import { HOSTILE_TEXT, richReflection, SETTINGS } from '../../helpers/reflections';
import { useLanguage } from '../../i18n-fake';

const NOW = 1_800_000_000_000;
const instant = () => Promise.resolve();

/** A file's text from records given as plain values (so tests can break them freely). */
function file(records: unknown[], header: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'fail-well',
    version: EXPORT_VERSION,
    exportedAt: NOW,
    settings: SETTINGS,
    reflections: records,
    ...header,
  });
}

function plain(r: Reflection): Record<string, unknown> {
  return JSON.parse(JSON.stringify(r));
}

async function failure(text: string): Promise<string> {
  const result = await checkImport(text, NOW, { pause: instant });
  if (result.ok) throw new Error('expected the file to be refused');
  return result.message;
}

/** A valid file of `n` records, built as text (one record per line, like an export). */
function bigFile(n: number): string {
  const template = JSON.stringify(plain(richReflection(1))).replace(/"id":"[^"]*"/, '"id":"ID"');
  const lines = Array.from({ length: n }, (_, i) => template.replace('"ID"', `"big-${i}"`));
  return `${file([]).slice(0, -2)}\n${lines.join(',\n')}\n]}`;
}

describe('checking an import file', () => {
  it.each([
    ['an empty file', '', /file is empty/],
    ['only whitespace', '  \n ', /file is empty/],
    ['malformed JSON', '{"format": "fail-well", "version": 2, "reflections": [', /not valid JSON/],
    ['JSON that is not an object', '[1,2,3]', /not a Fail Well export/],
    ['a wrong format', file([], { format: 'someone-else' }), /not a Fail Well export/],
    ['no format', JSON.stringify({ version: 2, reflections: [] }), /not a Fail Well export/],
    ['an unknown newer version', file([], { version: 99 }), /newer Fail Well \(file version 99/],
    ['a version that is text', file([], { version: '2' }), /no readable version/],
    ['a version of zero', file([], { version: 0 }), /no readable version/],
    ['no list of reflections', file([], { reflections: { a: 1 } }), /no list of reflections/],
    [
      'a __proto__ key in settings',
      file([]).replace('"settings":{', '"settings":{"__proto__":{"theme":"dark"},'),
      /settings\.__proto__/,
    ],
  ])('refuses %s with a plain message', async (_name, text, message) => {
    expect(await failure(text)).toMatch(message);
  });

  const ok = plain(richReflection(1));
  const id = ok.id as string;
  const answers = ok.answers as Record<string, string>;

  it.each([
    ['is not an object', 'just text', /Reflection 2 is not a reflection/],
    ['has no id', { ...ok, id: undefined }, /Reflection 2: “id” is missing/],
    ['has a numeric id', { ...ok, id: 7 }, /Reflection 2: “id” should be text/],
    [
      'has a numeric date as text',
      { ...ok, createdAt: '2026-01-01' },
      /“createdAt” should be a date/,
    ],
    ['has a fractional date', { ...ok, updatedAt: 1.5 }, /“updatedAt” should be a whole number/],
    ['has a negative date', { ...ok, createdAt: -5 }, /“createdAt” should not be before 1970/],
    [
      'is dated in the future',
      { ...ok, createdAt: NOW + FUTURE_TOLERANCE_MS + 1 },
      /“createdAt” is dated in the future/,
    ],
    [
      'was updated in the future',
      { ...ok, updatedAt: Date.UTC(2100, 0, 1) },
      /“updatedAt” is dated in the future \(2100-01-01\)/,
    ],
    ['has an unknown template', { ...ok, template: 'haiku' }, /“template” should be one of/],
    ['has answers as a list', { ...ok, answers: ['a'] }, /“answers” should be a set of answers/],
    [
      'has a number as an answer',
      { ...ok, answers: { learned: 42 } },
      /“answers → learned” should be text/,
    ],
    [
      'has a 5,001-character answer',
      { ...ok, answers: { ...answers, learned: 'x'.repeat(5_001) } },
      /“answers → learned” is 5,001 characters long; the limit is 5,000/,
    ],
    [
      'has 21 tags',
      { ...ok, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
      /more than 20 tags/,
    ],
    [
      'has a tag of 41 characters',
      { ...ok, tags: ['x'.repeat(41)] },
      /“tags → 0” is 41 characters long/,
    ],
    ['has a sting of 6', { ...ok, sting: 6 }, /“sting” should be a number from 1 to 5/],
    ['has an unknown trigger', { ...ok, trigger: 'magic' }, /“trigger” should be one of/],
    ['has pinned as text', { ...ok, pinned: 'yes' }, /“pinned” should be true or false/],
    [
      'has a broken follow-up',
      { ...ok, followUps: [{ dueAt: 'soon' }] },
      /“followUps → 0 → dueAt” should be a date/,
    ],
    ['has no review state', { ...ok, review: undefined }, /“review” is missing/],
    ['has review state as text', { ...ok, review: 'soon' }, /“review” should be an object/],
    ['has context as text', { ...ok, context: 'a page' }, /“context” should be an object or null/],
  ])('refuses a file where one record %s, naming it', async (_name, bad, message) => {
    const good = plain(richReflection(2));
    const text = await failure(file([good, bad, plain(richReflection(3))]));
    expect(text).toMatch(message);
    expect(text).toMatch(/Nothing was imported\.$/);
    if (typeof bad === 'object' && 'id' in bad && typeof bad.id === 'string') {
      expect(text).toContain(`id “${id}”`);
    }
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses a record carrying a %s key, wherever it hides',
    async (key) => {
      const raw = JSON.stringify(ok);
      const top = raw.replace('{"id"', `{"${key}":{"pinned":true},"id"`);
      const deep = raw.replace('"answers":{', `"answers":{"${key}":"x",`);
      for (const record of [top, deep]) {
        const text = file([]).replace('"reflections":[]', `"reflections":[${record}]`);
        const message = await failure(text);
        expect(message).toContain(`Reflection 1 (id “${id}”) contains the key`);
        expect(message).toContain(key);
      }
      expect(({} as Record<string, unknown>).pinned).toBeUndefined();
    },
  );

  it('refuses duplicate ids inside one file, naming both', async () => {
    const message = await failure(file([plain(richReflection(1)), plain(richReflection(2)), ok]));
    expect(message).toMatch(/Reflections 1 and 3 share the id/);
  });

  it('stores HTML, script, RTL and emoji text exactly as typed', async () => {
    const records = HOSTILE_TEXT.map((text, n) =>
      plain(richReflection(n, { answers: { learned: text }, context: { selection: text } })),
    );
    const result = await checkImport(file(records), NOW, { pause: instant });
    expect(result.ok && result.file.reflections.map((r) => r.answers.learned)).toEqual(
      HOSTILE_TEXT,
    );
  });

  it('accepts a 5,000-character answer and a date within the clock tolerance', async () => {
    const edge = { ...ok, answers: { learned: 'x'.repeat(5_000) }, updatedAt: NOW + 1_000 };
    expect((await checkImport(file([edge]), NOW, { pause: instant })).ok).toBe(true);
  });

  it('keeps both versions of an answer edited on two devices, and says what is wrong with a broken pair', async () => {
    const versions = ['Ask early', 'Ask the team early'];
    const twice = {
      ...ok,
      answers: { learned: 'Ask early' },
      conflicts: [
        { field: 'answers.learned', versions },
        // About an answer the record does not have: nothing left to choose, so dropped.
        { field: 'answers.gone', versions },
      ],
    };
    const result = await checkImport(file([twice]), NOW, { pause: instant });
    if (!result.ok) throw new Error(result.message);
    expect(result.file.reflections[0]?.conflicts).toEqual([{ field: 'answers.learned', versions }]);
    // An export of it reads back the same.
    const exported = exportToString(
      jsonWriter({ exportedAt: NOW, settings: SETTINGS }),
      result.file.reflections,
    );
    const again = await checkImport(exported, NOW, { pause: instant });
    expect(again.ok && again.file.reflections[0]?.conflicts).toEqual([
      { field: 'answers.learned', versions },
    ]);
    for (const broken of [
      { field: 'tags', versions },
      { field: 'answers.learned', versions: ['only one'] },
      { field: 'answers.learned', versions: [1, 2] },
    ]) {
      expect(await failure(file([{ ...twice, conflicts: [broken] }]))).toMatch(/conflicts/);
    }
  });

  it('builds fresh objects: unknown fields are dropped, prototypes are plain', async () => {
    const extra = { ...ok, sneaky: 'x', context: { ...(ok.context as object), more: 1 } };
    const result = await checkImport(file([extra]), NOW, { pause: instant });
    if (!result.ok) throw new Error(result.message);
    const [r] = result.file.reflections;
    expect(r).not.toHaveProperty('sneaky');
    expect(r?.context).not.toHaveProperty('more');
    expect(Object.getPrototypeOf(r?.answers)).toBe(Object.prototype);
  });

  it('checks 100,000 records, reporting progress, and can be cancelled', async () => {
    const text = bigFile(100_000);
    const progress: number[] = [];
    const result = await checkImport(text, NOW, {
      pause: instant,
      onProgress: (done) => progress.push(done),
    });
    expect(result.ok && result.file.reflections.length).toBe(100_000);
    expect(progress.at(-1)).toBe(100_000);
    expect(progress.length).toBeGreaterThan(10);

    const controller = new AbortController();
    const cancelled = checkImport(bigFile(5_000), NOW, {
      pause: async () => controller.abort(),
      signal: controller.signal,
    });
    await expect(cancelled).rejects.toThrow();
  }, 30_000);

  it('imports 100,000 records only when the last one is valid too', async () => {
    const valid = bigFile(100_000);
    const at = valid.lastIndexOf('"sting":');
    const text = `${valid.slice(0, at)}"sting":0${valid.slice(at + '"sting":1'.length)}`;
    expect(await failure(text)).toMatch(/^Reflection 100,000 \(id “big-99999”\): “sting”/);
  }, 30_000);
});

describe('older file versions', () => {
  it('migrates a version 1 record: it gains its first review date', () => {
    const { review: _, ...v1 } = plain(richReflection(1));
    expect(migrateRecord(v1, 1)).toEqual({
      ...v1,
      review: {
        count: 0,
        nextDueAt: (v1.createdAt as number) + FIRST_REVIEW_AFTER_MS,
        retired: false,
      },
    });
    // The current version passes through untouched.
    expect(migrateRecord(v1, EXPORT_VERSION)).toEqual(v1);
  });

  it('imports a version 2 file (before check-ins) with no check-ins, records unchanged', async () => {
    const records = [1, 2].map((n) => plain(richReflection(n)));
    const result = await checkImport(file(records, { version: 2 }), NOW, { pause: instant });
    if (!result.ok) throw new Error(result.message);
    expect(result.file.checkins).toEqual([]);
    expect(result.file.reflections).toStrictEqual([1, 2].map((n) => richReflection(n)));
    expect(migrateRecord(records[0], 2)).toEqual(records[0]);
  });

  it('reads the check-ins of a version 3 file, sorted and once each', async () => {
    const text = file([], { version: 3, checkins: ['2026-11-29', '2024-02-29', '2026-11-29'] });
    const result = await checkImport(text, NOW, { pause: instant });
    if (!result.ok) throw new Error(result.message);
    expect(result.file.checkins).toEqual(['2024-02-29', '2026-11-29']);
  });

  it.each([
    [
      'not a list',
      { checkins: '2026-11-29' },
      'The check-ins in this export are not a list of days. Nothing was imported.',
    ],
    [
      'an object',
      { checkins: { day: '2026-11-29' } },
      'The check-ins in this export are not a list of days. Nothing was imported.',
    ],
    [
      'a day that does not exist',
      { checkins: ['2026-11-29', '2026-02-30'] },
      'Check-in 2 is not a day like 2026-11-29. Nothing was imported.',
    ],
    [
      'a time, not a day',
      { checkins: ['2026-11-29T10:00'] },
      'Check-in 1 is not a day like 2026-11-29. Nothing was imported.',
    ],
  ])('refuses check-ins that are %s', async (_name, header, message) => {
    expect(await failure(file([plain(richReflection(1))], { version: 3, ...header }))).toBe(
      message,
    );
  });

  it('imports a whole version 1 file', async () => {
    const records = [1, 2].map((n) => {
      const { review: _, ...v1 } = plain(richReflection(n));
      return v1;
    });
    const result = await checkImport(file(records, { version: 1 }), NOW, { pause: instant });
    if (!result.ok) throw new Error(result.message);
    expect(result.file.reflections.map((r) => r.review?.count)).toEqual([0, 0]);
    expect(result.file.version).toBe(1);
    expect(result.file.checkins).toEqual([]);
  });
});

it('reads an export made by this version back unchanged', async () => {
  const reflections = [1, 2, 3].map((n) => richReflection(n));
  const text = exportToString(jsonWriter({ exportedAt: NOW, settings: SETTINGS }), reflections);
  const result = await checkImport(text, NOW, { pause: instant });
  expect(result.ok && result.file.reflections).toStrictEqual(reflections);
});

describe('the exact words a person reads', () => {
  const ok = plain(richReflection(1));
  it.each([
    ['', 'This file is empty. Choose a Fail Well export (a .json file).'],
    [
      '{"format": "fail-well", "version": 2, "reflections": [',
      'This file is not valid JSON — it may be cut short or not a Fail Well export. Nothing was imported.',
    ],
    [
      file([], { format: 'someone-else' }),
      'This is not a Fail Well export (it has no “format”: “fail-well”). Choose a file made by Export → JSON.',
    ],
    [
      file([], { version: 99 }),
      `This export comes from a newer Fail Well (file version 99; this one reads up to ${EXPORT_VERSION}). Update Fail Well, then import it again.`,
    ],
    [
      file([], { reflections: {} }),
      'This export has no list of reflections, so there is nothing to import.',
    ],
    [
      file([ok, { ...ok, sting: 6 }]),
      `Reflection 2 (id “${ok.id}”): “sting” should be a number from 1 to 5, or null. Nothing was imported.`,
    ],
    [file([ok, 'x']), 'Reflection 2 is not a reflection (an object). Nothing was imported.'],
    [
      file([ok, ok]),
      `Reflections 1 and 2 share the id “${ok.id}”; an export never repeats one. Nothing was imported.`,
    ],
  ])('%#: %s', async (text, message) => {
    expect(await failure(text)).toBe(message);
  });

  it('says the size limit in whole megabytes', () => {
    expect(importSizeProblem(200 * 1024 * 1024)).toBe(
      'This file is 200 MB; Fail Well imports files up to 150 MB. Nothing was imported.',
    );
  });
});

describe('in German', () => {
  const speakGerman = () => {
    useLanguage('de', 'de-DE');
  };

  it('a refused record is explained in German, numbers written the German way', async () => {
    speakGerman();
    const ok = plain(richReflection(1));
    const answers = ok.answers as Record<string, string>;
    const long = { ...ok, answers: { ...answers, learned: 'x'.repeat(5_001) } };
    expect(await failure(file([long]))).toBe(
      `Reflexion 1 (ID „${ok.id}“): „answers → learned“ ist 5.001 Zeichen lang; erlaubt sind 5.000. Es wurde nichts importiert.`,
    );
  });

  it('a file that is not JSON, or too large, is refused in German', async () => {
    speakGerman();
    expect(await failure('{')).toBe(
      'Diese Datei ist kein gültiges JSON – vielleicht ist sie abgeschnitten oder kein Export von Fail Well. Es wurde nichts importiert.',
    );
    expect(importSizeProblem(MAX_IMPORT_BYTES + 1)).toBe(
      'Diese Datei ist 150 MB groß; Fail Well importiert Dateien bis 150 MB. Es wurde nichts importiert.',
    );
  });
});
