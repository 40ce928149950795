// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { AutoBackups } from '../../../entrypoints/options/data/AutoBackups';
import { EMPTY_BACKUP_LOG } from '../../../utils/data/auto-backup';
import {
  autoBackupItem,
  backupLogItem,
  readAutoBackup,
} from '../../../utils/data/auto-backup-store';

afterEach(cleanup);

function answerPermissionPrompt(granted: boolean): string[][] {
  const asked: string[][] = [];
  browser.permissions.request = async ({ permissions }) => {
    asked.push(permissions ?? []);
    return granted;
  };
  return asked;
}

describe('the automatic backups card', () => {
  it('asks for the permissions in the click that switches it on, then saves the choice', async () => {
    const asked = answerPermissionPrompt(true);
    render(<AutoBackups />);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Back up automatically' }));
    await waitFor(async () => expect((await readAutoBackup()).enabled).toBe(true));
    expect(asked).toEqual([['downloads', 'offscreen']]);
    expect(await screen.findByRole('combobox', { name: 'How often' })).toBeTruthy();
    expect(screen.getByText('No backup has been written yet.')).toBeTruthy();
  });

  it('stays off and says why when the browser refuses', async () => {
    answerPermissionPrompt(false);
    render(<AutoBackups />);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Back up automatically' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Automatic backups stay off/);
    expect((await readAutoBackup()).enabled).toBe(false);
  });

  it('keeps what was typed in "files to keep", saving only a valid number', async () => {
    await autoBackupItem.setValue({ enabled: true, every: 'daily', keep: 8 });
    render(<AutoBackups />);
    const keep = (await screen.findByRole('spinbutton', {
      name: 'Backup files to keep',
    })) as HTMLInputElement;
    fireEvent.input(keep, { target: { value: '0' } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/whole number from 1 to 60/);
    expect(keep.value).toBe('0');
    expect((await readAutoBackup()).keep).toBe(8);
    fireEvent.input(keep, { target: { value: '12' } });
    await waitFor(async () => expect((await readAutoBackup()).keep).toBe(12));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says when and where the last backup was written, and why the last one failed', async () => {
    await autoBackupItem.setValue({ enabled: true, every: 'weekly', keep: 8 });
    await backupLogItem.setValue({
      ...EMPTY_BACKUP_LOG,
      files: [
        {
          id: 4,
          path: '/home/me/Downloads/Fail Well/fail-well-backup-2027-01-15.json',
          at: Date.UTC(2027, 0, 15, 9),
          count: 12,
        },
      ],
      failure: { at: Date.UTC(2027, 0, 22, 9), reason: 'no-space' },
      failureNudged: true,
    });
    render(<AutoBackups />);
    expect(
      await screen.findByText(
        /Last backup: .*2027.*saved as \/home\/me\/Downloads\/Fail Well\/fail-well-backup-2027-01-15\.json\./,
      ),
    ).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/no room left on the disk/);
  });
});
