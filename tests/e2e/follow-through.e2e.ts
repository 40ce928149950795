import type { Page } from '@playwright/test';
import { expect, storedReflections, test } from './fixtures';
import { reflection, seedReflections } from './seed';

const DAY = 86_400_000;

/** Open the dashboard, let it create the database, then seed `records` into it. */
async function seeded(
  openPage: (path: string) => Promise<Page>,
  records: Record<string, unknown>[],
  hash = '#/lessons',
) {
  const page = await openPage(`options.html${hash}`);
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  // Shown once the page has opened (and so created) the database and read it.
  const ready = hash === '#/lessons' ? 'Turn setbacks into lessons' : 'Follow-through';
  await expect(page.getByRole('heading', { name: ready, level: 2 })).toBeVisible();
  await seedReflections(page, 0, Date.now(), records);
  return page;
}

test('a due follow-up appears and its answer is stored in IndexedDB', async ({ openPage }) => {
  const now = Date.now();
  const record = {
    ...reflection('bbbbbbbb-0000-4000-8000-000000000001', now - 8 * DAY, {
      learned: 'Reviews go better in two passes',
    }),
    answers: {
      happened: 'I approved a change without reading the tests.',
      learned: 'Reviews go better in two passes',
      nextTime: 'Read the tests before the code',
    },
    followUps: [
      { dueAt: now - DAY, answeredAt: null, outcome: null, note: '' },
      { dueAt: now + 22 * DAY, answeredAt: null, outcome: null, note: '' },
    ],
  };
  const page = await seeded(openPage, [record], '#/follow-through');
  const due = page.getByRole('article', { name: 'Did you apply it?' });
  await expect(due).toContainText('Read the tests before the code');
  await expect(due).toContainText('You wrote last week:');
  await due.getByRole('textbox', { name: 'A short note (optional)' }).fill('Did it twice');
  await due.getByRole('button', { name: 'Applied', exact: true }).click();
  await expect(page.getByText('Nothing to check on right now.')).toBeVisible();

  const [stored] = await storedReflections(page);
  const followUps = stored?.followUps as Array<Record<string, unknown>>;
  // "Applied" closes the commitment: the later check is dropped.
  expect(followUps).toHaveLength(1);
  expect(followUps[0]).toMatchObject({ outcome: 'applied', note: 'Did it twice' });
  expect(followUps[0]?.answeredAt).toEqual(expect.any(Number));
  // The answer shows in the applied rate.
  await expect(
    page.getByText('1 of 1 answered follow-ups applied in the last 6 months'),
  ).toBeVisible();
});

test('copying a lesson puts the chosen fields on the clipboard', async ({ context, openPage }) => {
  // Only reading is granted (for the check): writing works from the click without any grant
  // or clipboardWrite permission.
  await context.grantPermissions(['clipboard-read']);
  const createdAt = new Date(2026, 2, 3, 10, 0).getTime();
  const record = {
    ...reflection('bbbbbbbb-0000-4000-8000-000000000002', createdAt, {
      learned: 'Say *when* I am blocked',
      tags: ['standup'],
      sting: 4,
    }),
  };
  const page = await seeded(openPage, [record]);
  const card = page.getByRole('article').first();
  const share = card.getByRole('button', { name: /^Share reflection from/ });
  await share.click();
  const dialog = page.getByRole('dialog', { name: 'Share this lesson' });
  await expect(dialog).toBeVisible();
  // Sting is left out by default; leave out what happened too.
  await expect(dialog.getByRole('checkbox', { name: 'Sting' })).not.toBeChecked();
  await dialog.getByRole('checkbox', { name: 'What happened?' }).uncheck();
  await dialog.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied.');
  const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(createdAt);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    [
      `**A lesson from ${date}**`,
      '',
      '**What I learned:** Say \\*when\\* I am blocked',
      '**Next time I will:** Try the small change.',
      'Tags: `standup`',
      '',
    ].join('\n'),
  );
  await dialog.getByRole('button', { name: 'Copy as text' }).click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe(
      [
        `A lesson from ${date}`,
        '',
        'What I learned: Say *when* I am blocked',
        'Next time I will: Try the small change.',
        'Tags: standup',
        '',
      ].join('\n'),
    );
  // Escape closes the dialog and gives focus back to the Share button.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(share).toBeFocused();
});

test('the digest for a range contains exactly the reflections in it', async ({ openPage }) => {
  const local = (d: number, h: number) => new Date(2026, 2, d, h, 0).getTime();
  const records = [
    reflection('cccccccc-0000-4000-8000-000000000001', local(1, 23), { learned: 'Before range' }),
    reflection('cccccccc-0000-4000-8000-000000000002', local(2, 0), { learned: 'First day' }),
    reflection('cccccccc-0000-4000-8000-000000000003', local(4, 23), { learned: 'Last day' }),
    reflection('cccccccc-0000-4000-8000-000000000004', local(5, 0), { learned: 'After range' }),
    {
      ...reflection('cccccccc-0000-4000-8000-000000000005', local(3, 12), {
        learned: 'Deleted one',
      }),
      deletedAt: local(3, 13),
    },
  ];
  const page = await seeded(openPage, records, '#/follow-through');
  await page.getByRole('radio', { name: 'Custom range' }).check();
  await page.getByLabel('From', { exact: true }).fill('2026-03-02');
  await page.getByLabel('To', { exact: true }).fill('2026-03-04');
  await expect(page.getByText('Reflections in this digest: 2')).toBeVisible();
  const preview = page.getByRole('region', { name: 'Digest preview' });
  await expect(preview).toContainText('First day');
  await expect(preview).toContainText('Last day');
  for (const left of ['Before range', 'After range', 'Deleted one']) {
    await expect(preview).not.toContainText(left);
  }
});
