// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SyncCard } from '../../../entrypoints/options/data/sync/SyncCard';
import { createKeyring } from '../../../utils/lock/keyring';
import { FORMER_KEY, lockStatus, readKeyring } from '../../../utils/lock/lock-read-store';
import { checkSecret, createLock } from '../../../utils/lock/lock-store';
import { rowsById } from '../../../utils/reflections/db-rows-store';
import { getReflection, saveReflection } from '../../../utils/reflections/db-store';
import { createReflection } from '../../../utils/reflections/reflection';
import { countPending, forgetSync } from '../../../utils/reflections/sync-store';
import { IDLE_STATUS } from '../../../utils/sync/sync-config';
import {
  readSyncConfig,
  saveSyncConfig,
  watchSyncConfig,
  writeSyncStatus,
} from '../../../utils/sync/sync-config-store';
import { type FakeExtras, installFakeExtras } from '../../helpers/fake-extras';

const ADDRESS = 'https://couch.example.com/journal';
const PASSWORD = 'correct horse battery';
let extras: FakeExtras;
let serverKeyring: Record<string, unknown> | null = null;
let sent: unknown[];
const realFetch = globalThis.fetch;

/** A CouchDB that knows one user: the root, and the database for the right password only. */
function fakeCouch(): void {
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const auth = new Headers(init?.headers).get('Authorization') ?? '';
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      });
    if (url === 'https://couch.example.com/') return json({ couchdb: 'Welcome', version: '3.4.2' });
    if (auth !== `Basic ${btoa(`ada:${PASSWORD}`)}`) return json({ error: 'unauthorized' }, 401);
    if (url === ADDRESS) return json({ db_name: 'journal' });
    if (url.startsWith(`${ADDRESS}/fail-well`) && serverKeyring) return json(serverKeyring);
    return json({ error: 'not_found' }, 404);
  }) as typeof fetch;
}

beforeEach(() => {
  extras = installFakeExtras();
  extras.answer.grant = true;
  serverKeyring = null;
  sent = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    sent.push(message);
    return undefined;
  });
  fakeCouch();
});

afterEach(() => {
  cleanup();
  globalThis.fetch = realFetch;
});

async function unlockedJournal(): Promise<void> {
  await createLock('a long passphrase', Date.parse('2026-11-02T09:00:00Z'), 100_000);
  await saveReflection(
    createReflection(
      { template: 'quick', answers: { learned: 'lesson' }, tags: [], sting: null },
      'r-1',
      Date.parse('2026-11-02T09:00:00Z'),
    ),
  );
}

async function fillIn(address: string, password: string): Promise<void> {
  render(<SyncCard />);
  fireEvent.input(await screen.findByRole('textbox', { name: 'Database address' }), {
    target: { value: address },
  });
  fireEvent.input(screen.getByRole('textbox', { name: 'User name' }), { target: { value: 'ada' } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Test and connect' }));
}

describe('Data → Sync', () => {
  it('asks for the lock first: sync encrypts with its key; or to join a journal already there', async () => {
    render(<SyncCard />);
    expect(await screen.findByText(/Turn on the lock under Preferences first/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Join and sync' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Test and connect' })).toBeNull();
  });

  it('joins the journal on the server with its passphrase: the same lock here, then connected', async () => {
    const { keyring } = await createKeyring(
      'the other passphrase',
      Date.parse('2026-11-01T09:00:00Z'),
      100_000,
    );
    serverKeyring = { _id: 'fail-well:keyring', _rev: '1-a', keyring };
    const joinWith = async (passphrase: string) => {
      fireEvent.input(await screen.findByRole('textbox', { name: 'Database address' }), {
        target: { value: ADDRESS },
      });
      fireEvent.input(screen.getByRole('textbox', { name: 'User name' }), {
        target: { value: 'ada' },
      });
      fireEvent.input(screen.getByLabelText('Password'), { target: { value: PASSWORD } });
      fireEvent.input(screen.getByLabelText("That journal's passphrase"), {
        target: { value: passphrase },
      });
      fireEvent.click(screen.getByRole('button', { name: 'Join and sync' }));
    };
    render(<SyncCard />);
    await joinWith('not it at all');
    expect(await screen.findByText(/doesn't open the journal on this server/)).toBeTruthy();
    expect(await readKeyring()).toBeNull();
    expect(await readSyncConfig()).toBeNull();
    await joinWith('the other passphrase');
    expect(await screen.findByText(/Connected to/)).toBeTruthy();
    expect((await readKeyring())?.kid).toBe(keyring.kid);
    expect(await lockStatus()).toBe('unlocked');
    expect(await readSyncConfig()).toMatchObject({ dbUrl: ADDRESS, user: 'ada' });
  });

  it('joins with the recovery key instead of the passphrase', async () => {
    const { keyring, recoveryKey } = await createKeyring(
      'the other passphrase',
      Date.parse('2026-11-01T09:00:00Z'),
      100_000,
    );
    serverKeyring = { _id: 'fail-well:keyring', _rev: '1-a', keyring };
    render(<SyncCard />);
    fireEvent.input(await screen.findByRole('textbox', { name: 'Database address' }), {
      target: { value: ADDRESS },
    });
    fireEvent.input(screen.getByRole('textbox', { name: 'User name' }), {
      target: { value: 'ada' },
    });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: PASSWORD } });
    fireEvent.click(screen.getByRole('button', { name: 'Use the recovery key instead' }));
    const field = screen.getByRole('textbox', { name: 'Recovery key' });
    fireEvent.input(field, { target: { value: 'not a key' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join and sync' }));
    expect(await screen.findByText(/32 letters and digits/)).toBeTruthy();
    expect(await readKeyring()).toBeNull();
    fireEvent.input(field, { target: { value: recoveryKey } });
    fireEvent.click(screen.getByRole('button', { name: 'Join and sync' }));
    expect(await screen.findByText(/Connected to/)).toBeTruthy();
    expect((await readKeyring())?.kid).toBe(keyring.kid);
    expect(await lockStatus()).toBe('unlocked');
  });

  it('a device with a lock of its own joins: what it holds moves under the joined key', async () => {
    await unlockedJournal();
    const ownKid = (await readKeyring())?.kid;
    const { keyring } = await createKeyring(
      'the other passphrase',
      Date.parse('2026-11-01T09:00:00Z'),
      100_000,
    );
    serverKeyring = { _id: 'fail-well:keyring', _rev: '1-a', keyring };
    render(<SyncCard />);
    fireEvent.click(
      await screen.findByRole('button', { name: /^Already syncing on another device\?/ }),
    );
    expect(screen.queryByRole('button', { name: 'Test and connect' })).toBeNull();
    fireEvent.input(screen.getByRole('textbox', { name: 'Database address' }), {
      target: { value: ADDRESS },
    });
    fireEvent.input(screen.getByRole('textbox', { name: 'User name' }), {
      target: { value: 'ada' },
    });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: PASSWORD } });
    fireEvent.input(screen.getByLabelText("That journal's passphrase"), {
      target: { value: 'the other passphrase' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Join and sync' }));
    expect(await screen.findByText(/Connected to/, {}, { timeout: 10_000 })).toBeTruthy();

    expect((await readKeyring())?.kid).toBe(keyring.kid);
    expect(await lockStatus()).toBe('unlocked');
    const [row] = await rowsById(['r-1']);
    expect(row?.sealed?.kid).toBe(keyring.kid);
    expect(row?.sealed?.kid).not.toBe(ownKid);
    expect((await getReflection('r-1'))?.answers.learned).toBe('lesson');
    // Nothing is left under the old key, so it is not kept.
    expect(await fakeBrowser.storage.local.get(FORMER_KEY)).toEqual({});
    await expect(checkSecret({ passphrase: 'the other passphrase' })).resolves.toBeTruthy();
    await expect(checkSecret({ passphrase: 'a long passphrase' })).rejects.toThrow();
    expect(await countPending()).toBe(1);
  });

  it('says what is wrong with the address, asks for nothing and saves nothing', async () => {
    await unlockedJournal();
    await fillIn('http://couch.example.com/journal', PASSWORD);
    expect(await screen.findByText(/Use https:\/\/ for a server on another computer/)).toBeTruthy();
    expect(await readSyncConfig()).toBeNull();
    expect(extras.granted.size).toBe(0);
  });

  it('a refused permission or a wrong password saves nothing and says so', async () => {
    await unlockedJournal();
    extras.answer.grant = false;
    await fillIn(ADDRESS, PASSWORD);
    expect(await screen.findByText(/needs your permission to reach this server/)).toBeTruthy();
    cleanup();
    extras.answer.grant = true;
    serverKeyring = null;
    await fillIn(ADDRESS, 'wrong');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Test and connect' })).toBeTruthy(),
    );
    expect(await readSyncConfig()).toBeNull();
    expect(sent).toEqual([]);
  });

  it('connects: the permission for exactly that server, the password sealed, the journal queued, a run asked for', async () => {
    await unlockedJournal();
    await fillIn(ADDRESS, PASSWORD);
    expect(await screen.findByText('Connected to https://couch.example.com/journal.')).toBeTruthy();
    expect([...extras.granted]).toEqual(['https://couch.example.com/*']);
    const config = await readSyncConfig();
    expect(config).toMatchObject({ dbUrl: ADDRESS, user: 'ada', paused: false });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(PASSWORD);
    await waitFor(() =>
      expect(sent).toContainEqual({ type: 'fail-well:sync-now', allowDeletes: false }),
    );
    expect(await countPending()).toBe(1);
  });

  it('counts as connected only once the whole journal is queued (a tab closed sooner sends nothing short)', async () => {
    await unlockedJournal();
    for (let n = 2; n <= 400; n++) {
      await saveReflection(
        createReflection(
          { template: 'quick', answers: { learned: `lesson ${n}` }, tags: [], sting: null },
          `r-${n}`,
          Date.parse('2026-11-02T09:00:00Z') + n,
        ),
      );
    }
    // An outbox emptied as if a sync had sent it all: connecting must queue it again.
    await forgetSync();
    expect(await countPending()).toBe(0);
    const queuedWhenConnected: number[] = [];
    const stop = watchSyncConfig((config) => {
      if (config) void countPending().then((n) => queuedWhenConnected.push(n));
    });
    await fillIn(ADDRESS, PASSWORD);
    expect(await screen.findByText(/Connected to/)).toBeTruthy();
    await waitFor(() => expect(queuedWhenConnected).toHaveLength(1));
    stop();
    expect(queuedWhenConnected).toEqual([400]);
  });

  it('shows the last run in plain words, asks before a mass delete, pauses and disconnects', async () => {
    await unlockedJournal();
    await fillIn(ADDRESS, PASSWORD);
    await screen.findByText(/Connected to/);
    await writeSyncStatus({
      ...IDLE_STATUS,
      problem: 'unauthorized',
      ask: { deleting: 30, of: 40 },
    });
    expect(await screen.findByText(/would delete 30 of the 40 reflections/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete them here too' }));
    await waitFor(() =>
      expect(sent).toContainEqual({ type: 'fail-well:sync-now', allowDeletes: true }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Pause sync' }));
    expect(await screen.findByText(/Paused: nothing is sent or fetched/)).toBeTruthy();
    expect((await readSyncConfig())?.paused).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(await screen.findByRole('textbox', { name: 'Database address' })).toBeTruthy();
    expect(await readSyncConfig()).toBeNull();
    await waitFor(async () => expect(await countPending()).toBe(0));
    expect(extras.granted.size).toBe(0);
  });

  it('a stored config is kept while locked, with the controls still there', async () => {
    await unlockedJournal();
    await fillIn(ADDRESS, PASSWORD);
    await screen.findByText(/Connected to/);
    const config = await readSyncConfig();
    cleanup();
    await fakeBrowser.storage.session.clear();
    if (config) await saveSyncConfig(config);
    render(<SyncCard />);
    expect(await screen.findByText(/Connected to/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Sync now' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });
});
