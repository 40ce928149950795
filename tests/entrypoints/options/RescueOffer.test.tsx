// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { RescueOffer } from '../../../entrypoints/options/data/RescueOffer';
import { exportToString, jsonWriter } from '../../../utils/data/export';
import { readHeartbeat } from '../../../utils/data/heartbeat-store';
import { allReflections, saveReflection } from '../../../utils/reflections/db-store';
import { DEFAULT_SETTINGS } from '../../../utils/settings/settings';
import { richReflection } from '../../helpers/reflections';

afterEach(cleanup);

const NOW = 1_800_000_000_000;

async function rememberReflections(count: number) {
  await browser.storage.sync.set({
    heartbeat: {
      v: 1,
      count,
      newestUpdatedAt: NOW,
      backupAt: NOW,
      backupFile: 'fail-well-backup-2027-01-15.json',
    },
  });
}

function backupFile(reflections: ReturnType<typeof richReflection>[]): File {
  const text = exportToString(
    jsonWriter({ exportedAt: NOW, settings: DEFAULT_SETTINGS, checkins: [] }),
    reflections,
  );
  return new File([text], 'fail-well-backup-2027-01-15.json', { type: 'application/json' });
}

function choose(file: File) {
  const input = screen.getByLabelText('Backup file to restore') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('the rescue offer', () => {
  it('offers the restore on an empty journal the heartbeat remembers, naming the last file', async () => {
    await rememberReflections(3);
    render(<RescueOffer />);
    expect(
      await screen.findByRole('heading', { name: 'Your reflections are not on this device' }),
    ).toBeTruthy();
    expect(screen.getByText(/This browser remembers 3 reflections/)).toBeTruthy();
    expect(screen.getByText(/fail-well-backup-2027-01-15\.json/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Restore from a backup file' })).toBeTruthy();
  });

  it('restores every reflection from the file and says what it did, keeping a newer one here', async () => {
    const kept = [richReflection(1), richReflection(2), richReflection(3)];
    await rememberReflections(3);
    render(<RescueOffer />);
    await screen.findByRole('heading', { name: 'Your reflections are not on this device' });
    // Written on this device after the page opened, and newer than the file's copy.
    const two = richReflection(2);
    const newer = { ...two, answers: { ...two.answers, learned: 'Changed here' }, updatedAt: NOW };
    await saveReflection(newer);
    choose(backupFile(kept));
    await screen.findByText(
      /Imported “fail-well-backup-2027-01-15\.json”: 2 new reflections added/,
    );
    const stored = await allReflections();
    expect(stored).toHaveLength(3);
    expect(stored.find((r) => r.id === newer.id)).toEqual(newer);
    await waitFor(async () => expect((await readHeartbeat())?.count).toBe(3));
  });

  it('says plainly what is wrong with a file that is not a backup, importing nothing', async () => {
    await rememberReflections(3);
    render(<RescueOffer />);
    await screen.findByRole('heading', { name: 'Your reflections are not on this device' });
    choose(new File(['{ not json'], 'notes.json'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not valid JSON/);
    expect(await allReflections()).toEqual([]);
    expect(screen.getByRole('button', { name: 'Restore from a backup file' })).toBeTruthy();
  });

  it('"Start afresh" forgets the heartbeat', async () => {
    await rememberReflections(3);
    render(<RescueOffer />);
    fireEvent.click(await screen.findByRole('button', { name: 'Start afresh' }));
    await waitFor(() => expect(screen.queryByRole('heading')).toBeNull());
    expect(await readHeartbeat()).toBeNull();
  });

  it.each([
    ['a journal with reflections', 3, true],
    ['no heartbeat', 0, false],
  ])('offers nothing for %s', async (_name, remembered, withRows) => {
    if (remembered) await rememberReflections(remembered);
    if (withRows) await saveReflection(richReflection(1));
    render(<RescueOffer />);
    // Let the reads settle, then check that nothing appeared.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('heading')).toBeNull();
  });
});
