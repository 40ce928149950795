/**
 * Moving in from another journal, in a real Chromium: each fixture format (Day One zip and
 * Journal.json, Daylio CSV, a folder and a zip of Markdown notes, a generic CSV) imported
 * through the Data section with its preview, found on the review page, skipped as
 * duplicates on a second run; a broken file of each kind says what is wrong and changes nothing.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, storedReflections, test } from './fixtures';

const FIXTURES = 'tests/fixtures/importers';

async function pickFormat(page: Page, name: RegExp) {
  await page.getByRole('radio', { name }).check();
}

async function confirmImport(page: Page, count: number) {
  const preview = page.getByRole('region', { name: /Preview of/ });
  await expect(preview).toBeVisible();
  await page
    .getByRole('button', { name: `Import ${count} ${count === 1 ? 'entry' : 'entries'}` })
    .click();
}

test('Day One: the zip is previewed, imported, shown on the review page, and skipped the second time', async ({
  openPage,
}) => {
  const options = await openPage('options.html#/data');
  await pickFormat(options, /^Day One/);
  await options.getByLabel('Choose the file').setInputFiles(`${FIXTURES}/dayone-export.zip`);
  const preview = options.getByRole('region', { name: 'Preview of “dayone-export.zip”' });
  await expect(preview.getByText(/^3 entries will be imported, dated /)).toBeVisible();
  await expect(preview.getByText(/each one is replaced by “\(photo\)”/i)).toBeVisible();
  await expect(
    preview.getByText('No words (only a mood, photos or an empty note): 1'),
  ).toBeVisible();
  await expect(preview.getByText('No date that could be read: 1')).toBeVisible();
  await expect(preview.getByText('Not an entry of this format: 1')).toBeVisible();
  expect(await storedReflections(options)).toEqual([]);
  await confirmImport(options, 3);
  await expect(options.getByText(/3 new reflections added/)).toBeVisible();

  const stored = await storedReflections(options);
  expect(stored).toHaveLength(3);
  expect(stored.every((r) => r.trigger === 'import')).toBe(true);
  expect(stored.filter((r) => r.pinned)).toHaveLength(1);

  // The bare Journal.json is the same journal: every entry is already here.
  await options.getByLabel('Choose the file').setInputFiles(`${FIXTURES}/dayone/Journal.json`);
  await confirmImport(options, 3);
  await expect(
    options.getByText(/0 new reflections added; 3 were already here and skipped/),
  ).toBeVisible();
  expect(await storedReflections(options)).toHaveLength(3);

  await options.getByRole('link', { name: 'Lessons' }).click();
  await expect(options.getByRole('article')).toHaveCount(3);
  await expect(options.getByText(/The deploy at 12:30 broke sign-in\./).first()).toBeVisible();
  await expect(options.getByText(/Said yes to three deadlines/).first()).toBeVisible();
});

test('Daylio: moods map to stings only where chosen, in the chosen zone, and a re-import skips', async ({
  openPage,
}) => {
  const options = await openPage('options.html#/data');
  await pickFormat(options, /^Daylio/);
  await options.getByLabel('Time zone the dates were written in').selectOption('Pacific/Chatham');
  await options.getByLabel('Choose the file').setInputFiles(`${FIXTURES}/daylio_export.csv`);
  await expect(options.getByText(/^4 entries will be imported/)).toBeVisible();
  await options.getByLabel('“meh-ish” (2)').selectOption({ label: '3 – some' });
  await expect(options.getByText('Entries given a sting from their mood: 2')).toBeVisible();
  await confirmImport(options, 4);
  await expect(options.getByText(/4 new reflections added/)).toBeVisible();

  const stored = await storedReflections(options);
  expect(stored.map((r) => r.sting).sort()).toEqual([3, 3, null, null]);
  // 9:41 pm on 11 February in Chatham.
  expect(stored.some((r) => r.createdAt === Date.UTC(2024, 1, 11, 7, 56))).toBe(true);

  await options.getByLabel('Choose the file').setInputFiles(`${FIXTURES}/daylio_export.csv`);
  await confirmImport(options, 4);
  await expect(
    options.getByText(/0 new reflections added; 4 were already here and skipped/),
  ).toBeVisible();

  await options.getByRole('link', { name: 'Lessons' }).click();
  await expect(options.getByRole('article')).toHaveCount(4);
  await expect(options.getByText(/Dinner worked out/).first()).toBeVisible();
});

test('Markdown notes: a folder, then a zip of the same vault skipped as duplicates', async ({
  openPage,
}) => {
  const options = await openPage('options.html#/data');
  await pickFormat(options, /^Markdown notes/);
  await options.getByLabel('Choose a folder of notes').setInputFiles(`${FIXTURES}/notes/vault`);
  const preview = options.getByRole('region', { name: 'Preview of “vault”' });
  await expect(preview.getByText(/^3 entries will be imported/)).toBeVisible();
  await expect(preview.getByText(/fill those answers: 2$/)).toBeVisible();
  await expect(preview.getByText('No date that could be read: 1')).toBeVisible();
  await confirmImport(options, 3);
  await expect(options.getByText(/3 new reflections added/)).toBeVisible();
  const stored = await storedReflections(options);
  expect(stored.map((r) => (r.answers as Record<string, string>).nextTime).sort()).toEqual([
    'Eine Checkliste benutzen.',
    'Say no earlier.',
    undefined,
  ]);

  await options.getByLabel('Or choose a .zip of them').setInputFiles(`${FIXTURES}/notes.zip`);
  await confirmImport(options, 3);
  await expect(
    options.getByText(/0 new reflections added; 3 were already here and skipped/),
  ).toBeVisible();

  await options.getByRole('link', { name: 'Lessons' }).click();
  await expect(options.getByRole('article')).toHaveCount(3);
  // The list shows each lesson (what was learned) and the trigger, "Imported".
  await expect(options.getByText('Scope creep starts in refinement.')).toBeVisible();
  await expect(options.getByRole('article').filter({ hasText: 'Imported' })).toHaveCount(3);
});

test('Generic CSV: the columns are mapped in the preview before anything is written', async ({
  openPage,
}) => {
  const options = await openPage('options.html#/data');
  await pickFormat(options, /^Another spreadsheet/);
  await options.getByLabel('Time zone the dates were written in').selectOption('Europe/Berlin');
  await options.getByLabel('Choose the file').setInputFiles(`${FIXTURES}/generic.csv`);
  await expect(options.getByLabel('Column “Datum”')).toHaveValue('date');
  await expect(options.getByText(/^2 entries will be imported/)).toBeVisible();
  // Without a date column there is nothing to import, and the page says why.
  await options.getByLabel('Column “Datum”').selectOption('skip');
  await expect(options.getByRole('alert')).toHaveText('Choose exactly one column as the date.');
  await options.getByLabel('Column “Datum”').selectOption('date');
  // "Gelernt" moved to Next time: the preview follows.
  await options.getByLabel('Column “Gelernt”').selectOption('nextTime');
  await confirmImport(options, 2);
  await expect(options.getByText(/2 new reflections added/)).toBeVisible();
  const stored = await storedReflections(options);
  const first = stored.find((r) => r.createdAt === Date.UTC(2024, 2, 5, 13, 30));
  expect(first?.answers).toEqual({
    happened: 'Estimated the migration at two days; it took five.',
    nextTime: 'Split estimates into steps\n\nEstimate with a buffer',
  });
  await options.getByRole('link', { name: 'Lessons' }).click();
  await expect(options.getByRole('article').filter({ hasText: 'Imported' })).toHaveCount(2);
});

test('a broken file of each kind says what is wrong and changes nothing', async ({ openPage }) => {
  const options = await openPage('options.html#/data');
  await pickFormat(options, /^Another spreadsheet/);
  await options.getByLabel('Choose the file').setInputFiles(`${FIXTURES}/generic.csv`);
  await confirmImport(options, 2);
  await expect(options.getByText(/2 new reflections added/)).toBeVisible();
  const before = await storedReflections(options);

  const cases: Array<[RegExp, string, string | RegExp]> = [
    [
      /^Day One/,
      'broken-dayone.json',
      '“broken-dayone.json” is JSON, but not a Day One journal: it has no list of entries. Nothing was changed.',
    ],
    [
      /^Day One/,
      'broken-notes.zip',
      '“broken-notes.zip” is not a zip file that can be read. Nothing was changed.',
    ],
    [
      /^Daylio/,
      'broken-daylio.csv',
      '“broken-daylio.csv” looks cut off: a quoted cell that starts on line 2 never ends. Nothing was changed.',
    ],
    [
      /^Daylio/,
      'generic.csv',
      /“generic\.csv” is not a Daylio export: the columns full_date, time, mood, and note are missing/,
    ],
    [
      /^Markdown notes/,
      'broken-notes.zip',
      '“broken-notes.zip” is not a zip file that can be read. Nothing was changed.',
    ],
    [/^Another spreadsheet/, 'broken-generic.csv', /“broken-generic\.csv” has nothing to import/],
  ];
  for (const [format, file, message] of cases) {
    await pickFormat(options, format);
    const input =
      (await options.getByLabel('Or choose a .zip of them').count()) > 0
        ? options.getByLabel('Or choose a .zip of them')
        : options.getByLabel('Choose the file');
    await input.setInputFiles(`${FIXTURES}/${file}`);
    await expect(options.getByRole('alert')).toHaveText(message);
    await expect(options.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);
  }
  expect(await storedReflections(options)).toEqual(before);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the preview with its mood and column choices has no accessibility violations (${scheme})`, async ({
    openPage,
  }) => {
    const options = await openPage('options.html#/data');
    await options.emulateMedia({ colorScheme: scheme });
    const axe = async () =>
      (
        await new AxeBuilder({ page: options })
          .include('section[aria-labelledby="importer-title"]')
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
          .analyze()
      ).violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
    await pickFormat(options, /^Daylio/);
    await options.getByLabel('Choose the file').setInputFiles(`${FIXTURES}/daylio_export.csv`);
    await expect(options.getByLabel('“meh-ish” (2)')).toBeVisible();
    expect(await axe()).toEqual([]);
    await pickFormat(options, /^Another spreadsheet/);
    await options.getByLabel('Choose the file').setInputFiles(`${FIXTURES}/generic.csv`);
    await expect(options.getByLabel('Column “Datum”')).toBeVisible();
    expect(await axe()).toEqual([]);
    await options.getByLabel('Choose the file').setInputFiles(`${FIXTURES}/broken-generic.csv`);
    await expect(options.getByRole('alert')).toBeVisible();
    expect(await axe()).toEqual([]);
  });
}
