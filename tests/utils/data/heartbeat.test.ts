import { describe, expect, it } from 'vitest';
import {
  type Heartbeat,
  type HeartbeatFacts,
  isBackupFileName,
  nextHeartbeat,
  offersRescue,
  parseHeartbeat,
} from '../../../utils/data/heartbeat';
import { richReflection } from '../../helpers/reflections';

const beat: Heartbeat = {
  v: 1,
  count: 40,
  newestUpdatedAt: 1_000,
  backupAt: 900,
  backupFile: 'fail-well-backup-2026-12-02.json',
};
const facts: HeartbeatFacts = {
  rows: 41,
  live: 40,
  newestUpdatedAt: 1_000,
  lastBackup: { at: 900, name: 'fail-well-backup-2026-12-02.json' },
};

describe('the heartbeat holds no word a person wrote', () => {
  it('is made of numbers and the extension’s own file name only', () => {
    const next = nextHeartbeat(null, facts) as Heartbeat;
    expect(Object.keys(next).sort()).toEqual([
      'backupAt',
      'backupFile',
      'count',
      'newestUpdatedAt',
      'v',
    ]);
    for (const [key, value] of Object.entries(next)) {
      if (key === 'backupFile') expect(isBackupFileName(value as string)).toBe(true);
      else expect(typeof value === 'number' || value === null).toBe(true);
    }
  });

  it('carries no text of a reflection, even with every field filled', () => {
    const written = JSON.stringify(nextHeartbeat(null, { ...facts, live: 1, rows: 1 }));
    const r = richReflection(3);
    for (const text of [...Object.values(r.answers), ...r.tags, r.context?.title, r.context?.url]) {
      expect(written).not.toContain(text as string);
    }
  });

  it.each([
    'fail-well-backup-2026-12-02.json',
    'fail-well-backup-2026-12-02 (3).json',
    'fail-well-backup-2026-12-02.encrypted.json',
  ])('accepts its own name %s', (name) => {
    expect(isBackupFileName(name)).toBe(true);
  });

  it.each([
    'my secret diary.json',
    'fail-well-backup-2026-12-02.json.exe',
    'Fail Well/fail-well-backup-2026-12-02.json',
    'fail-well-backup-I was fired.json',
    'fail-well-2026-12-02.json',
  ])('refuses any other name %s', (name) => {
    expect(isBackupFileName(name)).toBe(false);
    expect(nextHeartbeat(null, { ...facts, lastBackup: { at: 1, name } })?.backupFile).toBeNull();
    expect(parseHeartbeat({ ...beat, backupFile: name })).toBeNull();
  });

  it('a stored heartbeat with extra fields is read without them', () => {
    expect(parseHeartbeat({ ...beat, note: 'words' })).toEqual(beat);
  });

  it.each([
    null,
    'x',
    { ...beat, v: 2 },
    { ...beat, count: -1 },
    { ...beat, count: 1.5 },
    { ...beat, backupAt: 'soon' },
  ])('refuses %j', (raw) => {
    expect(parseHeartbeat(raw)).toBeNull();
  });
});

describe('nextHeartbeat: when to write', () => {
  it.each<[string, Heartbeat | null, Partial<HeartbeatFacts>, Partial<Heartbeat> | null]>([
    ['nothing stored: write', null, {}, { count: 40 }],
    ['unchanged: no write', beat, {}, null],
    [
      'a new reflection: write',
      beat,
      { rows: 42, live: 41, newestUpdatedAt: 2_000 },
      { count: 41, newestUpdatedAt: 2_000 },
    ],
    [
      'a new backup: write',
      beat,
      { lastBackup: { at: 2_000, name: 'fail-well-backup-2026-12-03.json' } },
      { backupAt: 2_000, backupFile: 'fail-well-backup-2026-12-03.json' },
    ],
    ['the log lost: the last known backup stays', beat, { lastBackup: null }, null],
    [
      'an empty database while it remembers reflections: keep the evidence',
      beat,
      { rows: 0, live: 0, newestUpdatedAt: null },
      null,
    ],
    [
      'an empty database never used: write zero',
      null,
      { rows: 0, live: 0, newestUpdatedAt: null, lastBackup: null },
      { count: 0 },
    ],
    [
      'only soft-deleted rows left: write zero (the person deleted them)',
      beat,
      { rows: 3, live: 0 },
      { count: 0 },
    ],
  ])('%s', (_name, stored, change, written) => {
    const next = nextHeartbeat(stored, { ...facts, ...change });
    if (written === null) expect(next).toBeNull();
    else expect(next).toMatchObject(written);
  });
});

describe('offersRescue', () => {
  it.each<[Heartbeat | null, number, boolean]>([
    [beat, 0, true],
    [beat, 1, false],
    [{ ...beat, count: 0 }, 0, false],
    [null, 0, false],
  ])('%j with %i rows → %s', (heartbeat, rows, offer) => {
    expect(offersRescue(heartbeat, rows)).toBe(offer);
  });
});
