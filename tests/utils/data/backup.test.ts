import { describe, expect, it } from 'vitest';
import { type BackupEvery, backupDue, parseBackupEvery } from '../../../utils/data/backup';
import { DEFAULT_SETTINGS, parseSettings } from '../../../utils/settings/settings';

const DAY = 86_400_000;
const NOW = 1_800_000_000_000;

describe('backupDue', () => {
  it.each<[string, number | null, BackupEvery, boolean, boolean]>([
    ['off, never exported', null, 'off', true, false],
    ['off, long ago', NOW - 400 * DAY, 'off', true, false],
    ['weekly, never exported', null, 'weekly', true, true],
    ['weekly, never exported, nothing stored', null, 'weekly', false, false],
    ['weekly, 6 days ago', NOW - 6 * DAY, 'weekly', true, false],
    ['weekly, exactly 7 days ago', NOW - 7 * DAY, 'weekly', true, true],
    ['weekly, 8 days ago', NOW - 8 * DAY, 'weekly', true, true],
    ['monthly, 8 days ago', NOW - 8 * DAY, 'monthly', true, false],
    ['monthly, 29 days ago', NOW - 29 * DAY, 'monthly', true, false],
    ['monthly, 30 days ago', NOW - 30 * DAY, 'monthly', true, true],
    ['monthly, exported "in the future" (clock moved back)', NOW + DAY, 'monthly', true, false],
  ])('%s → %s', (_name, lastExportAt, every, hasReflections, due) => {
    expect(backupDue(lastExportAt, every, NOW, hasReflections)).toBe(due);
  });
});

describe('the backup setting', () => {
  it.each([
    ['weekly', 'weekly'],
    ['monthly', 'monthly'],
    ['daily', 'off'],
    [7, 'off'],
    [undefined, 'off'],
  ])('reads %j as %s', (raw, expected) => {
    expect(parseBackupEvery(raw)).toBe(expected);
  });

  it('is part of the settings, off by default', () => {
    expect(DEFAULT_SETTINGS.backupEvery).toBe('off');
    expect(parseSettings({ backupEvery: 'monthly' }).backupEvery).toBe('monthly');
  });
});
