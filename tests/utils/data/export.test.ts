import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../utils/core/markdown';
import {
  csvField,
  csvRow,
  csvWriter,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportFileName,
  exportToString,
  jsonWriter,
  markdownWriter,
} from '../../../utils/data/export';
import { checkImport } from '../../../utils/data/import';
import { HOSTILE_TEXT, richReflection, SETTINGS } from '../../helpers/reflections';
import { useLanguage } from '../../i18n-fake';

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

describe('Markdown export', () => {
  it('groups by day and puts every answer under its question', () => {
    const day = 86_400_000;
    const first = richReflection(1, { createdAt: Date.UTC(2026, 10, 2, 9, 15) });
    const second = richReflection(2, { createdAt: Date.UTC(2026, 10, 2, 17, 40) });
    const third = richReflection(3, { createdAt: Date.UTC(2026, 10, 2, 9, 15) + 2 * day });
    const text = exportToString(markdownWriter(meta), [first, second, third]);

    expect(text.match(/^## .*$/gm)).toEqual([
      '## Monday 2 November 2026',
      '## Wednesday 4 November 2026',
    ]);
    expect(text).toContain('### 09:15 · Quick');
    expect(text).toContain('### 17:40 · Gibbs cycle');
    expect(text).toContain('**What happened?**\n\n');
    expect(text).toContain('**How did I feel?**\n\nUneasy, then relieved');
    expect(text).toContain('**What will I do next time?**\n\nNext time 3');
    // Order inside a reflection follows its answers; the lesson sits under its own question.
    expect(text.indexOf('**What did I learn?**\n\nLesson 1')).toBeGreaterThan(
      text.indexOf('### 09:15 · Quick'),
    );
  });

  it('shows typed text as typed: never markup, a link, a heading or a list', () => {
    const r = richReflection(1, {
      createdAt: Date.UTC(2026, 10, 2, 9, 15),
      answers: {
        happened: '<script>alert(1)</script> and [click](https://evil.example)',
        learned: '# not a heading\n- not a list\n**not bold** a\\b 🙈 שלום',
        nextTime: '1. not a list either',
      },
    });
    const text = exportToString(markdownWriter(meta), [r]);
    // The same escaper as sharing, so every reader shows exactly what was typed.
    for (const typed of Object.values(r.answers)) expect(text).toContain(escapeMarkdown(typed));
    expect(text).toContain(
      '\\<script\\>alert(1)\\</script\\> and \\[click\\](https://evil.example)',
    );
    expect(text).toContain(
      '\\# not a heading  \n\\- not a list  \n\\*\\*not bold\\*\\* a\\\\b 🙈 שלום',
    );
    expect(text).toContain('1\\. not a list either');
  });

  it('writes the details of a reflection in words', () => {
    const r = richReflection(4, {
      createdAt: Date.UTC(2026, 10, 2, 9, 15),
      followUps: [{ dueAt: 1, answeredAt: 2, outcome: 'not-yet', note: 'busy week' }],
    });
    const text = exportToString(markdownWriter(meta), [r]);
    expect(text).toContain('# Fail Well — reflections\n\nExported ');
    expect(text).toContain(
      'Tags: ops, t4 · Sting: 5/5 · Pinned · Page: Build \\#4 (https://ci.example/4)\n',
    );
    expect(text).toContain('Follow-up: not yet — busy week\n');
    expect(text).toContain('Affected: The on-call team · not told yet\n');
  });

  it('writes German when the UI is German', () => {
    useLanguage('de');
    const r = richReflection(3, {
      createdAt: Date.UTC(2026, 10, 2, 9, 15),
      followUps: [{ dueAt: 1, answeredAt: 2, outcome: 'applied', note: '' }],
    });
    const text = exportToString(markdownWriter(meta), [r]);
    expect(text).toContain('# Fail Well – Reflexionen\n\nExportiert am ');
    expect(text).toContain('## Montag, 2. November 2026\n');
    expect(text).toContain('### 09:15 · Kurz');
    expect(text).toContain('Schlagwörter: ops, t3 · Schmerz: 4/5 · Seite: Build \\#3');
    expect(text).toContain('Nachfrage: umgesetzt\n');
    expect(text).toContain('Betroffen: The on-call team · Bescheid gegeben\n');
    expect(exportToString(markdownWriter(meta), [])).toContain('Noch keine Reflexionen.');
  });

  it('leaves deleted reflections out and says when there is nothing', () => {
    const text = exportToString(markdownWriter(meta), [richReflection(1, { deletedAt: NOW })]);
    expect(text).toContain('No reflections yet.');
    expect(text).not.toContain('Lesson 1');
  });
});

it.each([
  ['json', 'fail-well-2027-01-15.json'],
  ['markdown', 'fail-well-2027-01-15.md'],
  ['csv', 'fail-well-2027-01-15.csv'],
] as const)('names a %s export by its date', (kind, name) => {
  expect(exportFileName(kind, 1_800_000_000_000, 'UTC')).toBe(name);
});
