import { describe, expect, it } from 'vitest';
import {
  type AutoBackupSettings,
  type BackupFile,
  backupDueNow,
  backupPath,
  baseName,
  DEFAULT_AUTO_BACKUP,
  EMPTY_BACKUP_LOG,
  failureOfInterrupt,
  type JournalFingerprint,
  KEEP_MAX,
  lastBackup,
  parseAutoBackupSettings,
  parseBackupLog,
  parseKeepInput,
  recordFailure,
  recordWritten,
  sameJournal,
} from '../../../utils/data/auto-backup';

const daily: AutoBackupSettings = { enabled: true, every: 'daily', keep: 8 };
const weekly: AutoBackupSettings = { ...daily, every: 'weekly' };
const at = (iso: string) => Date.parse(iso);

describe('backupPath: the date in the person zone, in the Fail Well folder', () => {
  it.each([
    ['2026-12-02T23:30:00Z', 'UTC', 'Fail Well/fail-well-backup-2026-12-02.json'],
    // 23:30 UTC is already the next morning in Chatham (UTC+13:45) …
    ['2026-12-02T23:30:00Z', 'Pacific/Chatham', 'Fail Well/fail-well-backup-2026-12-03.json'],
    // … and still the evening before in New York.
    ['2026-12-03T03:00:00Z', 'America/New_York', 'Fail Well/fail-well-backup-2026-12-02.json'],
    ['2026-12-31T12:00:00Z', 'Pacific/Kiritimati', 'Fail Well/fail-well-backup-2027-01-01.json'],
  ])('%s in %s → %s', (iso, zone, path) => {
    expect(backupPath(at(iso), zone)).toBe(path);
  });

  it('says a locked journal’s backup is encrypted', () => {
    expect(backupPath(at('2026-12-02T10:00:00Z'), 'UTC', true)).toBe(
      'Fail Well/fail-well-backup-2026-12-02.encrypted.json',
    );
  });

  it.each([
    [
      '/home/a/Downloads/Fail Well/fail-well-backup-2026-12-02.json',
      'fail-well-backup-2026-12-02.json',
    ],
    ['C:\\Users\\a\\Downloads\\Fail Well\\x (1).json', 'x (1).json'],
    ['plain.json', 'plain.json'],
  ])('baseName(%s) is %s', (path, name) => {
    expect(baseName(path)).toBe(name);
  });
});

describe('backupDueNow: by calendar days in the zone', () => {
  it.each<[string, AutoBackupSettings, string | null, string, string, boolean]>([
    ['off is never due', { ...daily, enabled: false }, null, '2026-12-02T10:00:00Z', 'UTC', false],
    ['the first is due at once', daily, null, '2026-12-02T10:00:00Z', 'UTC', true],
    ['daily: not twice a day', daily, '2026-12-02T00:10:00Z', '2026-12-02T23:50:00Z', 'UTC', false],
    [
      'daily: the next day, even a few minutes less than 24 h later',
      daily,
      '2026-12-02T09:10:00Z',
      '2026-12-03T09:05:00Z',
      'UTC',
      true,
    ],
    [
      'daily: the day turns in the person’s zone, not in UTC',
      daily,
      '2026-12-02T10:00:00Z',
      '2026-12-02T11:00:00Z',
      'Pacific/Chatham',
      true,
    ],
    [
      'weekly: six days is not yet',
      weekly,
      '2026-12-02T10:00:00Z',
      '2026-12-08T23:00:00Z',
      'UTC',
      false,
    ],
    ['weekly: seven days is', weekly, '2026-12-02T10:00:00Z', '2026-12-09T00:30:00Z', 'UTC', true],
    [
      'weekly across the spring-forward night',
      weekly,
      '2027-03-22T12:00:00Z',
      '2027-03-29T06:00:00Z',
      'Europe/Berlin',
      true,
    ],
    [
      'a clock set back is not due',
      daily,
      '2026-12-05T10:00:00Z',
      '2026-12-02T10:00:00Z',
      'UTC',
      false,
    ],
  ])('%s', (_name, settings, last, now, zone, due) => {
    expect(backupDueNow(settings, last === null ? null : at(last), at(now), zone)).toBe(due);
  });
});

const print: JournalFingerprint = {
  rows: 10,
  deleted: 1,
  newestUpdatedAt: 1_000,
  checkins: 2,
  locked: false,
};

describe('sameJournal: what counts as a change', () => {
  it.each<[string, Partial<JournalFingerprint>, boolean]>([
    ['nothing', {}, true],
    ['a new reflection', { rows: 11, newestUpdatedAt: 2_000 }, false],
    ['an edit', { newestUpdatedAt: 2_000 }, false],
    ['a purge (rows gone, nothing newer)', { rows: 9, deleted: 0 }, false],
    ['a soft delete counted', { deleted: 2 }, false],
    ['a calm-day check-in', { checkins: 3 }, false],
    ['the lock switched on', { locked: true }, false],
  ])('%s → same: %s', (_name, change, same) => {
    expect(sameJournal(print, { ...print, ...change })).toBe(same);
  });

  it('no backup yet is never the same', () => {
    expect(sameJournal(null, print)).toBe(false);
  });
});

const file = (id: number, day: number): BackupFile => ({
  id,
  path: `/d/Fail Well/fail-well-backup-2026-12-${String(day).padStart(2, '0')}.json`,
  at: at(`2026-12-${String(day).padStart(2, '0')}T10:00:00Z`),
  count: 5,
});

describe('recordWritten: keeping the newest N, removing only files of the log', () => {
  it.each([
    [8, 8, []],
    [8, 9, [1]],
    [3, 9, [1, 2, 3, 4, 5, 6]],
    [1, 2, [1]],
  ])('keep %i after %i files → remove ids %j', (keep, written, removed) => {
    let log = EMPTY_BACKUP_LOG;
    const gone: number[] = [];
    for (let n = 1; n <= written; n++) {
      const next = recordWritten(log, file(n, n), print, keep, file(n, n).at);
      log = next.log;
      gone.push(...next.remove.map((f) => f.id));
    }
    expect(gone).toEqual(removed);
    expect(log.files.map((f) => f.id)).toEqual(
      Array.from(
        { length: Math.min(keep, written) },
        (_, i) => written - Math.min(keep, written) + i + 1,
      ),
    );
    expect(lastBackup(log)?.id).toBe(written);
  });

  it('a smaller N removes the surplus at the next write', () => {
    let log = EMPTY_BACKUP_LOG;
    for (let n = 1; n <= 8; n++) log = recordWritten(log, file(n, n), print, 8, 0).log;
    const next = recordWritten(log, file(9, 9), print, 2, 0);
    expect(next.remove.map((f) => f.id)).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });

  it('a success ends a failure and remembers the fingerprint', () => {
    const failed = recordFailure(EMPTY_BACKUP_LOG, 'write', 5).log;
    const next = recordWritten(failed, file(1, 1), print, 8, 6).log;
    expect(next).toMatchObject({
      failure: null,
      failureNudged: false,
      fingerprint: print,
      checkedAt: 6,
    });
  });
});

describe('recordFailure: one nudge per run of failures', () => {
  it('nudges the first failure only, until a success', () => {
    const first = recordFailure(EMPTY_BACKUP_LOG, 'permission', 1);
    const second = recordFailure(first.log, 'permission', 2);
    const third = recordFailure(second.log, 'no-space', 3);
    expect([first.nudge, second.nudge, third.nudge]).toEqual([true, false, false]);
    expect(third.log.failure).toEqual({ at: 3, reason: 'no-space' });
    const healed = recordWritten(third.log, file(1, 1), print, 8, 4).log;
    expect(recordFailure(healed, 'write', 5).nudge).toBe(true);
  });

  it.each([
    ['FILE_NO_SPACE', 'no-space'],
    ['FILE_TOO_LARGE', 'no-space'],
    ['FILE_ACCESS_DENIED', 'write'],
    ['NETWORK_FAILED', 'write'],
    [undefined, 'write'],
  ])('an interruption %s is %s', (error, reason) => {
    expect(failureOfInterrupt(error)).toBe(reason);
  });
});

describe('parsing what is stored', () => {
  it.each<[unknown, AutoBackupSettings]>([
    [undefined, DEFAULT_AUTO_BACKUP],
    [
      { enabled: true, every: 'weekly', keep: 3 },
      { enabled: true, every: 'weekly', keep: 3 },
    ],
    [
      { enabled: 'yes', every: 'hourly', keep: -4 },
      { enabled: false, every: 'daily', keep: 1 },
    ],
    [
      { enabled: true, keep: 1e9 },
      { enabled: true, every: 'daily', keep: KEEP_MAX },
    ],
    [{ keep: 2.6 }, { enabled: false, every: 'daily', keep: 3 }],
  ])('settings %j → %j', (raw, settings) => {
    expect(parseAutoBackupSettings(raw)).toEqual(settings);
  });

  it.each([
    ['8', 8],
    [' 12 ', 12],
    ['0', null],
    ['61', null],
    ['3.5', null],
    ['', null],
    ['eight', null],
  ])('keep typed as %j → %j', (text, keep) => {
    const parsed = parseKeepInput(text);
    expect(parsed.ok ? parsed.keep : null).toBe(keep);
  });

  it('drops broken log entries and keeps good ones', () => {
    const log = parseBackupLog({
      files: [file(1, 1), { id: 'x' }, null, { ...file(2, 2), count: -1 }],
      fingerprint: { rows: 'many' },
      failure: { at: 3, reason: 'gremlins' },
      failureNudged: true,
      pending: { ...file(3, 3), fingerprint: print },
    });
    expect(log.files).toEqual([file(1, 1)]);
    expect(log.fingerprint).toBeNull();
    expect(log.failure).toBeNull();
    expect(log.failureNudged).toBe(false);
    expect(log.pending).toEqual({ ...file(3, 3), fingerprint: print });
    expect(parseBackupLog('nonsense')).toEqual(EMPTY_BACKUP_LOG);
  });
});
