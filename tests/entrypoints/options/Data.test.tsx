// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { BackupReminder } from '../../../components/BackupReminder';
import { Data } from '../../../entrypoints/options/sections/Data';
import { checkIn, dayKey, loadCheckins } from '../../../utils/capture/checkin-store';
import { emptyDraft } from '../../../utils/capture/draft';
import { loadDraft, saveDraft } from '../../../utils/capture/draft-store';
import { POPUP_START_KEY } from '../../../utils/capture/popup-start-store';
import { lastExportItem } from '../../../utils/data/storage-status-store';
import { importReflections } from '../../../utils/reflections/db-bulk-store';
import { allReflections } from '../../../utils/reflections/db-store';
import { DEFAULT_SETTINGS } from '../../../utils/settings/settings';
import { getSettings, setSettings } from '../../../utils/settings/settings-store';
import { richReflection, SETTINGS } from '../../helpers/reflections';

// The section loads its cards lazily. Loaded once here, so an import still on its way when a
// test ends cannot land after the environment is gone (an unhandled error on a slow machine).
beforeAll(() =>
  Promise.all([
    import('../../../entrypoints/options/data/AutoBackups'),
    import('../../../entrypoints/options/data/RescueOffer'),
    import('../../../entrypoints/options/data/sync/SyncCard'),
    import('../../../entrypoints/options/data/importers/Importers'),
  ]),
);

afterEach(cleanup);

function choose(file: File) {
  const input = screen.getByLabelText('Choose a JSON export') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('Data section', () => {
  it('imports nothing from a bad file and says which record and why', async () => {
    await importReflections([richReflection(1)]);
    render(<Data />);
    const bad = JSON.stringify({
      format: 'fail-well',
      version: 2,
      settings: {},
      reflections: [
        JSON.parse(JSON.stringify(richReflection(2))),
        { ...JSON.parse(JSON.stringify(richReflection(3))), sting: 9 },
      ],
    });
    choose(new File([bad], 'backup.json', { type: 'application/json' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Reflection 2 \(id “.*03”\): “sting” should be a number/);
    expect(alert.textContent).toMatch(/Nothing was imported/);
    expect(await allReflections()).toEqual([richReflection(1)]);
  });

  it('imports a good file and reports what it did', async () => {
    await importReflections([richReflection(1)]);
    render(<Data />);
    const good = JSON.stringify({
      format: 'fail-well',
      version: 2,
      settings: SETTINGS,
      reflections: [richReflection(1), richReflection(2)],
    });
    choose(new File([good], 'backup.json', { type: 'application/json' }));
    await screen.findByText(
      /Imported “backup.json”: 1 new reflection added; 0 newer versions replaced older copies; 1 was already here and skipped\./,
    );
    expect(await allReflections()).toHaveLength(2);
  });

  it('imports the check-ins of a version 3 file next to the ones already here', async () => {
    await checkIn(Date.UTC(2026, 10, 2, 12));
    render(<Data />);
    const good = JSON.stringify({
      format: 'fail-well',
      version: 3,
      settings: SETTINGS,
      checkins: ['2026-10-01', '2026-10-05'],
      reflections: [richReflection(2)],
    });
    choose(new File([good], 'backup.json', { type: 'application/json' }));
    await screen.findByText(/Imported “backup.json”: 1 new reflection added/);
    expect(await loadCheckins()).toEqual([
      '2026-10-01',
      '2026-10-05',
      dayKey(Date.UTC(2026, 10, 2, 12)),
    ]);
  });

  it('deletes everything only after the word is typed, and gives focus back', async () => {
    await importReflections([1, 2, 3].map((n) => richReflection(n)));
    await saveDraft(emptyDraft('quick', 0));
    await checkIn(Date.UTC(2026, 10, 2, 12));
    await setSettings({ ...SETTINGS, theme: 'dark' });
    await browser.storage.local.set({ badgeReminder: { kind: 'backup', reflectionId: null } });
    localStorage.setItem(POPUP_START_KEY, '{}');
    render(<Data />);

    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    const confirm = await screen.findByRole('textbox', { name: 'Type “delete” to confirm' });
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    expect(screen.getByText(/3 reflections will be deleted/)).toBeTruthy();
    // What goes is said in plain words before anything is confirmed.
    const list = screen.getByRole('list', { name: 'This also clears:' });
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'your calm-day check-ins',
      'any unsaved draft',
      'nudge and reminder history, with the pages, titles and selected text it remembers',
      'the badge and any notification still showing',
      'your settings, which go back to their defaults (in every browser that syncs them)',
      'the lock, if you set one: its keys go too, so nothing encrypted is left to open',
      'the sync connection, if you set one up: the copy on your server stays until you delete it there',
    ]);
    const button = screen.getByRole('button', { name: 'Yes, delete it all' });
    expect(button).toHaveProperty('disabled', true);

    // Cancelling changes nothing and returns focus to where the user started.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Delete everything…' }),
      ),
    );
    expect(await allReflections()).toHaveLength(3);

    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    const again = await screen.findByRole('textbox', { name: 'Type “delete” to confirm' });
    fireEvent.input(again, { target: { value: 'delet' } });
    expect(screen.getByRole('button', { name: 'Yes, delete it all' })).toHaveProperty(
      'disabled',
      true,
    );
    fireEvent.input(again, { target: { value: 'delete' } });
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete it all' }));
    await screen.findByText(/Deleted 3 reflections/);
    expect(await allReflections()).toEqual([]);
    expect(await loadDraft()).toBeNull();
    expect(await browser.storage.local.get(null)).toEqual({});
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(localStorage.getItem(POPUP_START_KEY)).toBeNull();
  });
});

describe('backup reminder banner', () => {
  const NOW = 1_800_000_000_000;

  it('shows when a weekly backup is overdue, and not before', async () => {
    await importReflections([richReflection(1)]);
    await setSettings({ ...SETTINGS, backupEvery: 'weekly' });
    await lastExportItem.setValue(NOW - 8 * 86_400_000);
    render(<BackupReminder now={() => NOW} />);
    expect((await screen.findByRole('link', { name: 'Back up now' })).getAttribute('href')).toBe(
      '#/data',
    );

    await lastExportItem.setValue(NOW - 86_400_000);
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Back up now' })).toBeNull());
  });

  it('stays quiet when the reminder is off', async () => {
    await importReflections([richReflection(1)]);
    render(<BackupReminder now={() => NOW} />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByText(/Time for a backup/)).toBeNull();
  });
});
