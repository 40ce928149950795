// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupProblem } from '../../../entrypoints/options/data/OpenBackup';
import { Data } from '../../../entrypoints/options/sections/Data';
import { lastExportItem } from '../../../utils/data/storage-status-store';
import { isEncryptedBackup } from '../../../utils/lock/encrypted-backup';
import { openAnyBackup } from '../../../utils/lock/encrypted-backup-parts';
import { createLock } from '../../../utils/lock/lock-store';
import { deleteEverything, importReflections } from '../../../utils/reflections/db-bulk-store';
import { allReflections } from '../../../utils/reflections/db-store';
import { richReflection } from '../../helpers/reflections';

const PASSPHRASE = 'river stones at dawn';
const MARKER = 'QUOKKA-41';
// Fewer PBKDF2 rounds than the product's 600,000: the keyring records them, so checks match.
const FAST = 100_000;

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

/** Files handed to the browser as downloads, in order. */
let downloads: Blob[] = [];
beforeEach(() => {
  downloads = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    downloads.push(blob as Blob);
    return 'blob:fail-well-test';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
});

async function lockedJournal(): Promise<string> {
  const { recoveryKey } = await createLock(PASSPHRASE, Date.now(), FAST);
  await importReflections([
    richReflection(1, { answers: { happened: `${MARKER} happened`, learned: 'l', nextTime: 'n' } }),
  ]);
  return recoveryKey;
}

async function exportJson(): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: 'Export JSON' }));
}

function choose(file: File) {
  const input = screen.getByLabelText('Choose a JSON export') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('exporting with the lock on', () => {
  it('makes an encrypted backup by default, counted as the last backup', async () => {
    await lockedJournal();
    render(<Data />);
    const box = await screen.findByRole('checkbox', { name: /Encrypt this backup/ });
    expect(box).toHaveProperty('checked', true);
    expect(screen.queryByText(/anyone who has it can read every word/)).toBeNull();
    await exportJson();
    await screen.findByText(
      /Exported 1 reflection to fail-well-\d{4}-\d{2}-\d{2}\.encrypted\.json\./,
    );
    expect(downloads).toHaveLength(1);
    const text = await (downloads[0] as Blob).text();
    expect(text).not.toContain(MARKER);
    const parsed = JSON.parse(text);
    expect(isEncryptedBackup(parsed)).toBe(true);
    const inside = JSON.parse(await openAnyBackup(parsed, { passphrase: PASSPHRASE }));
    expect(inside.reflections[0].answers.happened).toBe(`${MARKER} happened`);
    expect(await lastExportItem.getValue()).toBeTypeOf('number');
  });

  it('asks for the passphrase once more for a plain file, and downloads nothing when wrong', async () => {
    await lockedJournal();
    render(<Data />);
    fireEvent.click(await screen.findByRole('checkbox', { name: /Encrypt this backup/ }));
    expect(
      screen.getByText(/won't be encrypted: anyone who has it can read every word/),
    ).toBeTruthy();
    const field = screen.getByLabelText('Your passphrase, to export without encryption');
    fireEvent.input(field, { target: { value: 'river stones at dusk' } });
    await exportJson();
    const said = await screen.findByText(/doesn't open the journal, so nothing was exported/);
    // Said at the field, which keeps what was typed.
    expect(said.getAttribute('role')).toBe('alert');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect((field as HTMLInputElement).value).toBe('river stones at dusk');
    expect(downloads).toHaveLength(0);
    expect(await lastExportItem.getValue()).toBeNull();

    fireEvent.input(field, { target: { value: PASSPHRASE } });
    await exportJson();
    await screen.findByText(/Exported 1 reflection to fail-well-\d{4}-\d{2}-\d{2}\.json\./);
    const plain = JSON.parse(await (downloads[0] as Blob).text());
    expect(plain.format).toBe('fail-well');
    expect(plain.reflections[0].answers.happened).toBe(`${MARKER} happened`);
  });

  it('takes the recovery key instead of the passphrase for a plain file', async () => {
    const recoveryKey = await lockedJournal();
    render(<Data />);
    fireEvent.click(await screen.findByRole('checkbox', { name: /Encrypt this backup/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Use the recovery key instead' }));
    const field = screen.getByLabelText('Your recovery key, to export without encryption');
    fireEvent.input(field, { target: { value: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' } });
    await exportJson();
    await screen.findByText(/That recovery key doesn't open the journal/);
    expect(downloads).toHaveLength(0);

    fireEvent.input(field, { target: { value: recoveryKey } });
    await exportJson();
    await screen.findByText(/Exported 1 reflection to fail-well-\d{4}-\d{2}-\d{2}\.json\./);
    const plain = JSON.parse(await (downloads[0] as Blob).text());
    expect(plain.reflections[0].answers.happened).toBe(`${MARKER} happened`);
  });

  it('warns before a Markdown or CSV file that it is readable by anyone who has it', async () => {
    render(<Data />);
    // In the export card: the importers' card has Markdown and CSV choices of its own.
    const exportCard = () => screen.findByRole('region', { name: 'Export' });
    fireEvent.click(within(await exportCard()).getByRole('radio', { name: /Markdown/ }));
    expect(screen.queryByText(/won't be encrypted/)).toBeNull();
    cleanup();

    await lockedJournal();
    render(<Data />);
    fireEvent.click(within(await exportCard()).getByRole('radio', { name: /CSV/ }));
    const warning = await screen.findByText(/won't be encrypted: anyone who has it/);
    const button = screen.getByRole('button', { name: 'Export CSV' });
    // Before the button, in reading order.
    expect(warning.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: /Encrypt this backup/ })).toBeNull();
  });
});

describe('importing an encrypted backup', () => {
  async function encryptedBackup(): Promise<{ file: File; recoveryKey: string }> {
    const recoveryKey = await lockedJournal();
    render(<Data />);
    await exportJson();
    await screen.findByText(/\.encrypted\.json/);
    cleanup();
    const text = await (downloads[0] as Blob).text();
    await deleteEverything();
    return { file: new File([text], 'backup.encrypted.json'), recoveryKey };
  }

  it('asks for its passphrase; a wrong one imports nothing and the form stays', async () => {
    const { file } = await encryptedBackup();
    render(<Data />);
    choose(file);
    const secret = await screen.findByLabelText('Passphrase');
    expect(screen.getByText(/This backup is encrypted/)).toBeTruthy();
    fireEvent.input(secret, { target: { value: 'not the one' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open and import' }));
    await screen.findByText(/That passphrase doesn't open this backup.*Nothing was imported/);
    expect(await allReflections()).toEqual([]);

    fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: PASSPHRASE } });
    fireEvent.click(screen.getByRole('button', { name: 'Open and import' }));
    await screen.findByText(/Imported “backup.encrypted.json”: 1 new reflection added/);
    const [stored] = await allReflections();
    // The lock is on: the database sealed it again on the way in, and reads it back.
    expect(stored?.answers.happened).toBe(`${MARKER} happened`);
    expect(screen.queryByRole('button', { name: 'Open and import' })).toBeNull();
  });

  it('opens with the recovery key instead, and says when one cannot be a key', async () => {
    const { file, recoveryKey } = await encryptedBackup();
    render(<Data />);
    choose(file);
    fireEvent.click(await screen.findByRole('button', { name: 'Use the recovery key instead' }));
    const key = screen.getByLabelText('Recovery key');
    fireEvent.input(key, { target: { value: 'ABCD-1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open and import' }));
    await screen.findByText(/32 letters and digits/);
    fireEvent.input(key, { target: { value: recoveryKey.toLowerCase() } });
    fireEvent.click(screen.getByRole('button', { name: 'Open and import' }));
    await screen.findByText(/1 new reflection added/);
    expect(await allReflections()).toHaveLength(1);
  });

  it('refuses a backup from a newer version in plain words, importing nothing', async () => {
    const { file } = await encryptedBackup();
    const newer = { ...JSON.parse(await file.text()), version: 4 };
    render(<Data />);
    choose(new File([JSON.stringify(newer)], 'newer.encrypted.json'));
    fireEvent.input(await screen.findByLabelText('Passphrase'), {
      target: { value: PASSPHRASE },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Open and import' }));
    await screen.findByText(/newer version of Fail Well/);
    expect(screen.getByRole('button', { name: 'Open and import' })).toBeTruthy();
    expect(await allReflections()).toEqual([]);
  });

  it('cancelling the form goes back to choosing a file', async () => {
    const { file } = await encryptedBackup();
    render(<Data />);
    choose(file);
    await screen.findByLabelText('Passphrase');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByLabelText('Passphrase')).toBeNull());
  });
});

it.each([
  ['unreadable', false, 'dataImportWrongPassphrase'],
  ['unreadable', true, 'dataImportWrongRecovery'],
  ['unsupported', false, 'dataImportBackupNewer'],
  ['malformed', false, 'dataImportBackupBroken'],
  ['other-key', true, 'dataImportBackupBroken'],
] as const)('a backup that does not open (%s, recovery key: %s) says %s', (code, recovery, key) => {
  expect(backupProblem(code, recovery)).toBe(key);
});
