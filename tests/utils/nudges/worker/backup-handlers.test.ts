/**
 * The worker's automatic backups against an in-memory downloads manager: what is written,
 * kept, removed and recorded, and the one nudge of a run of failures. The file is built as
 * the offscreen document builds it (the builder is real; only the browser's hand-off is not).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { autoBackupItem, readBackupLog } from '../../../../utils/data/auto-backup-store';
import { buildBackupBlob } from '../../../../utils/data/backup-file-store';
import { readHeartbeat } from '../../../../utils/data/heartbeat-store';
import { runBackupCheck } from '../../../../utils/nudges/worker/backup-handlers';
import { handleDownloadChanged } from '../../../../utils/nudges/worker/trigger-handlers';
import { saveReflection } from '../../../../utils/reflections/db-store';
import { DEFAULT_SETTINGS } from '../../../../utils/settings/settings';
import { setSettings } from '../../../../utils/settings/settings-store';
import { richReflection } from '../../../helpers/reflections';

vi.mock('../../../../utils/nudges/worker/backup-blob', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  backupUrl: async (meta: Parameters<typeof buildBackupBlob>[0]) => {
    const { blob, count } = await buildBackupBlob(meta);
    return { url: `blob:test/${meta.createdAt}`, count, bytes: blob.size, release: async () => {} };
  },
}));

const DAY = 86_400_000;
const T0 = Date.parse('2026-12-02T10:00:00Z');
/** Noon on the machine's own clock: outside the default quiet hours in any zone. */
const LOCAL_NOON = new Date(2026, 11, 2, 12, 0).getTime();

interface Item {
  id: number;
  filename: string;
  state: string;
  error?: string;
  byExtensionId?: string;
}

/** Downloads as the browser keeps them: files on disk and the list of entries. */
function fakeDownloads(options: { fail?: string; throws?: boolean } = {}) {
  const items = new Map<number, Item>();
  const onDisk = new Set<string>();
  let next = 1;
  const api = {
    async download({ filename }: { filename: string }) {
      if (options.throws) throw new Error('Download failed');
      const id = next++;
      let name = `/home/me/Downloads/${filename}`;
      for (let n = 1; onDisk.has(name); n++)
        name = `/home/me/Downloads/${filename.replace('.json', ` (${n}).json`)}`;
      const failed = options.fail !== undefined;
      if (!failed) onDisk.add(name);
      items.set(id, {
        id,
        filename: name,
        state: failed ? 'interrupted' : 'complete',
        byExtensionId: fakeBrowser.runtime.id,
        ...(failed ? { error: options.fail } : {}),
      });
      return id;
    },
    async search({ id }: { id: number }) {
      const item = items.get(id);
      return item ? [item] : [];
    },
    async removeFile(id: number) {
      const item = items.get(id);
      if (item) onDisk.delete(item.filename);
    },
    async erase({ id }: { id: number }) {
      items.delete(id);
      return [id];
    },
  };
  (browser as unknown as { downloads: typeof api }).downloads = api;
  return { onDisk, items };
}

async function switchOn(keep = 8) {
  await autoBackupItem.setValue({ enabled: true, every: 'daily', keep });
}

beforeEach(async () => {
  await setSettings(DEFAULT_SETTINGS);
});

describe('automatic backups in the worker', () => {
  it('writes nothing while switched off, and nothing for an empty journal', async () => {
    const { onDisk } = fakeDownloads();
    expect(await runBackupCheck(T0, 'UTC')).toBe('off');
    await switchOn();
    expect(await runBackupCheck(T0, 'UTC')).toBe('empty');
    expect(onDisk.size).toBe(0);
  });

  it('writes a due backup, skips an unchanged journal, and keeps the newest N by download id', async () => {
    const { onDisk } = fakeDownloads();
    await switchOn();
    for (const n of [1, 2, 3]) await saveReflection(richReflection(n));
    expect(await runBackupCheck(T0, 'UTC')).toBe('written');
    expect([...onDisk]).toEqual(['/home/me/Downloads/Fail Well/fail-well-backup-2026-12-02.json']);
    expect(await readHeartbeat()).toEqual({
      v: 1,
      count: 3,
      newestUpdatedAt: richReflection(3).updatedAt,
      backupAt: T0,
      backupFile: 'fail-well-backup-2026-12-02.json',
    });
    // The same day: not due. The next day, unchanged: nothing written.
    expect(await runBackupCheck(T0 + 3_600_000, 'UTC')).toBe('not-due');
    expect(await runBackupCheck(T0 + DAY, 'UTC')).toBe('unchanged');
    expect(onDisk.size).toBe(1);
    // Eight changed days later there are nine files written and eight kept: the first is gone.
    for (let day = 1; day <= 8; day++) {
      await saveReflection(richReflection(10 + day));
      expect(await runBackupCheck(T0 + day * DAY, 'UTC')).toBe('written');
    }
    expect(onDisk.size).toBe(8);
    expect(onDisk.has('/home/me/Downloads/Fail Well/fail-well-backup-2026-12-02.json')).toBe(false);
    const log = await readBackupLog();
    expect(log.files.map((f) => f.id)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(log.files.at(-1)).toMatchObject({
      count: 11,
      path: expect.stringContaining('2026-12-10'),
    });
  });

  it('waits while records move to a new key, but not for more than three days', async () => {
    const { onDisk } = fakeDownloads();
    await switchOn();
    await saveReflection(richReflection(1));
    expect(await runBackupCheck(T0, 'UTC')).toBe('written');
    await saveReflection(richReflection(2));
    // A key change or a join left a former key: its rows would not open from the file.
    await fakeBrowser.storage.local.set({ 'lock:former': { v: 1 } });
    expect(await runBackupCheck(T0 + DAY, 'UTC')).toBe('moving');
    expect(onDisk.size).toBe(1);
    expect(await runBackupCheck(T0 + 3 * DAY, 'UTC')).toBe('written');
    await saveReflection(richReflection(3));
    await fakeBrowser.storage.local.remove('lock:former');
    expect(await runBackupCheck(T0 + 4 * DAY, 'UTC')).toBe('written');
  });

  it('names the file by the day in the person’s zone', async () => {
    const { onDisk } = fakeDownloads();
    await switchOn();
    await saveReflection(richReflection(1));
    await runBackupCheck(Date.parse('2026-12-02T23:30:00Z'), 'Pacific/Chatham');
    expect([...onDisk]).toEqual(['/home/me/Downloads/Fail Well/fail-well-backup-2026-12-03.json']);
  });

  it('reports a failed write once, not once per attempt, and a success ends it', async () => {
    fakeDownloads({ fail: 'FILE_NO_SPACE' });
    await switchOn();
    await saveReflection(richReflection(1));
    expect(await runBackupCheck(T0, 'UTC')).toEqual({ failed: 'no-space' });
    expect(Object.keys(await browser.notifications.getAll())).toEqual([
      'fail-well-reminder:backup',
    ]);
    await browser.notifications.clear('fail-well-reminder:backup');
    expect(await runBackupCheck(T0 + 1_800_000, 'UTC')).toEqual({ failed: 'no-space' });
    expect(await browser.notifications.getAll()).toEqual({});
    expect((await readBackupLog()).failure).toEqual({ at: T0 + 1_800_000, reason: 'no-space' });

    fakeDownloads();
    expect(await runBackupCheck(T0 + 3_600_000, 'UTC')).toBe('written');
    expect((await readBackupLog()).failure).toBeNull();
  });

  it('says when the permission is gone', async () => {
    (browser as unknown as { downloads?: unknown }).downloads = undefined;
    await switchOn();
    await saveReflection(richReflection(1));
    expect(await runBackupCheck(T0, 'UTC')).toEqual({ failed: 'permission' });
    expect((await readBackupLog()).failure?.reason).toBe('permission');
  });

  it('never takes its own interrupted backup for a failed download of the person', async () => {
    const { items } = fakeDownloads({ fail: 'FILE_FAILED' });
    // The "a download failed" nudge is on, with its permission granted.
    browser.permissions.getAll = async () => ({ permissions: ['downloads' as const], origins: [] });
    await setSettings({
      ...DEFAULT_SETTINGS,
      nudges: {
        ...DEFAULT_SETTINGS.nudges,
        failure: { ...DEFAULT_SETTINGS.nudges.failure, downloads: true },
      },
    });
    const own = await browser.downloads.download({ url: 'blob:x', filename: 'Fail Well/a.json' });
    const delta = (id: number) => ({
      id,
      state: { current: 'interrupted' },
      error: { current: 'FILE_FAILED' },
    });
    expect(await handleDownloadChanged(delta(own), LOCAL_NOON)).toBe('off');
    expect(await browser.action.getBadgeText({})).toBe('');
    // The same failure of a download the person started does nudge.
    const theirs = await browser.downloads.download({ url: 'https://x.example/a', filename: 'a' });
    const item = items.get(theirs) as Item;
    items.set(theirs, { ...item, byExtensionId: undefined });
    expect(await handleDownloadChanged(delta(theirs), LOCAL_NOON)).toBeNull();
    expect(await browser.action.getBadgeText({})).not.toBe('');
  });
});
