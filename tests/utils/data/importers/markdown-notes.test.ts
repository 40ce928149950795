import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  planMarkdown,
  questionOf,
  readFrontMatter,
  splitByHeadings,
} from '../../../../utils/data/importers/markdown-notes';
import { readZip } from '../../../../utils/data/importers/zip';

const NOW = Date.UTC(2026, 0, 15, 12);
const root = fileURLToPath(new URL('../../../fixtures/importers/notes', import.meta.url));

/** The folder as `<input webkitdirectory>` hands it over: every file, hidden ones too. */
function folder(dir = root): Array<{ name: string; text: string }> {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? folder(path)
      : [{ name: relative(root, path), text: readFileSync(path, 'utf8') }];
  });
}

describe('questionOf', () => {
  it.each([
    ['What happened?', 'happened'],
    ['Was ist passiert?', 'happened'],
    ['What I learned', 'learned'],
    ['What did I learn', 'learned'],
    ['Lessons learnt', 'learned'],
    ['Was habe ich gelernt', 'learned'],
    ['Erkenntnisse', 'learned'],
    ['Next time', 'nextTime'],
    ['Nächstes Mal:', 'nextTime'],
    ['Beim nächsten Mal', 'nextTime'],
    ['Links', null],
    ['Happened to see a fox', null],
  ])('%s → %s', (heading, question) => expect(questionOf(heading)).toBe(question));
});

describe('readFrontMatter', () => {
  it.each([
    [
      'a YAML list',
      '---\ndate: 2024-03-06\ntags:\n  - review\n  - "Code Review"\n---\nBody',
      '2024-03-06',
      ['review', 'Code Review'],
      'Body',
    ],
    [
      'an inline list',
      "---\ndate: '2024-03-08T16:45'\ntags: [retro, team]\n---\n\nBody",
      '2024-03-08T16:45',
      ['retro', 'team'],
      '\nBody',
    ],
    [
      'Logseq properties',
      'date:: 2024-03-05\ntags:: logseq, #standup\n- Body',
      '2024-03-05',
      ['logseq', 'standup'],
      '- Body',
    ],
    ['nothing', '# Just a note', undefined, [], '# Just a note'],
    ['CRLF and a BOM', '\uFEFF---\r\ntags: a\r\n---\r\nBody', undefined, ['a'], 'Body'],
  ])('%s', (_name, text, date, tags, body) => {
    expect(readFrontMatter(text)).toEqual({ ...(date ? { date } : {}), tags, body });
  });
});

describe('splitByHeadings', () => {
  it('fills the questions its headings ask; the rest is what happened', () => {
    expect(
      splitByHeadings('Intro\n## What happened\nA\n## Lessons\nB\n## Links\nC\n### Next time\nD'),
    ).toEqual({ happened: 'Intro\nA\n## Links\nC', learned: 'B', nextTime: 'D' });
  });

  it('is null when no heading asks a question', () => {
    expect(splitByHeadings('# Monday\nText\n## Links')).toBeNull();
  });
});

describe('planMarkdown', () => {
  it('reads the fixture vault: dates from front matter and names, headings, tags, skips', () => {
    const plan = planMarkdown(folder(), 0, 'Europe/Berlin', NOW);
    expect(plan.seen).toBe(6);
    expect(plan.skipped).toEqual({ notNote: 2, noDate: 1 });
    expect(plan.notes).toEqual({ headings: 2, wholeBody: 1 });
    const byDay = Object.fromEntries(
      plan.reflections.map((r) => [new Date(r.createdAt).toISOString(), r]),
    );
    // A bare date is noon in the chosen zone; a front-matter time is that wall time.
    expect(Object.keys(byDay).sort()).toEqual([
      '2024-03-05T11:00:00.000Z',
      '2024-03-06T11:00:00.000Z',
      '2024-03-08T15:45:00.000Z',
    ]);
    expect(byDay['2024-03-05T11:00:00.000Z']).toMatchObject({
      answers: {
        happened:
          '- Forgot to share the incident notes with the team.\n- Shared them the next morning.',
      },
      tags: ['logseq', 'standup'],
      trigger: 'import',
    });
    expect(byDay['2024-03-06T11:00:00.000Z']).toMatchObject({
      answers: {
        happened:
          'Intro line before any heading.\n\nIch habe den Review zu schnell freigegeben.\n\n## Links\n[[Review checklist]]',
        learned: 'Erst die Tests lesen.',
        nextTime: 'Eine Checkliste benutzen.',
      },
      tags: ['review', 'code-review'],
    });
    expect(byDay['2024-03-08T15:45:00.000Z']).toMatchObject({
      answers: {
        happened: 'The sprint goal slipped.',
        learned: 'Scope creep starts in refinement.',
        nextTime: 'Say no earlier.',
      },
      tags: ['retro', 'team'],
    });
  });

  it('reads a zip of the vault like the folder, with the same ids', () => {
    const zip = readZip(
      new Uint8Array(readFileSync(`${root}/../notes.zip`)),
      (name) => /\.md$/.test(name),
      1e7,
    );
    if (!zip.ok) throw new Error(zip.reason);
    // .obsidian is hidden and the picture is no note: both are counted as left out.
    expect(zip.others).toBe(2);
    const fromZip = planMarkdown(zip.files, zip.others, 'UTC', NOW);
    const fromFolder = planMarkdown(folder(), 0, 'UTC', NOW);
    expect(fromZip.reflections.map((r) => r.id).sort()).toEqual(
      fromFolder.reflections.map((r) => r.id).sort(),
    );
    expect(fromZip.skipped).toEqual(fromFolder.skipped);
  });

  it.each([
    ['no date anywhere', 'notes/Idea.md', 'Text', 'noDate'],
    ['an empty note', '2024-01-01.md', '---\ntags: [a]\n---\n\n', 'empty'],
    ['a date after tomorrow', '2026-02-01.md', 'Text', 'future'],
    ['a picture', 'attachments/a.png', '', 'notNote'],
  ])('skips %s', (_name, name, text, reason) => {
    expect(planMarkdown([{ name, text }], 0, 'UTC', NOW)).toMatchObject({
      reflections: [],
      skipped: { [reason]: 1 },
    });
  });
});
