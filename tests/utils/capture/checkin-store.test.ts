import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { addCheckin, checkIn, dayKey, loadCheckins } from '../../../utils/capture/checkin-store';
import { importCheckins } from '../../../utils/data/transfer-store';

describe('check-ins', () => {
  it.each([
    [Date.UTC(2026, 10, 29, 23, 30), 'UTC', '2026-11-29'],
    [Date.UTC(2026, 10, 29, 23, 30), 'Europe/Berlin', '2026-11-30'],
    [Date.UTC(2026, 10, 29, 3, 0), 'America/Los_Angeles', '2026-11-28'],
  ])('dayKey(%d, %s) is %s', (ms, tz, day) => {
    expect(dayKey(ms, tz)).toBe(day);
  });

  it('keeps each day once, in order, and forgets beyond two years', () => {
    expect(addCheckin(['2026-11-02', '2026-11-01'], '2026-11-02')).toEqual([
      '2026-11-01',
      '2026-11-02',
    ]);
    const many = Array.from({ length: 730 }, (_, i) => `2024-${String(i).padStart(6, '0')}`);
    expect(addCheckin(many, '2026-11-29')).toHaveLength(730);
    expect(addCheckin(many, '2026-11-29').at(-1)).toBe('2026-11-29');
  });

  it('stores a check-in for today, once', async () => {
    const now = Date.now();
    await checkIn(now);
    await checkIn(now);
    expect(await loadCheckins()).toEqual([dayKey(now)]);
  });
});

describe('importing check-ins', () => {
  it('merges imported days with the stored ones, and twice changes nothing', async () => {
    await browser.storage.local.set({ checkins: ['2026-11-02', '2026-11-29'] });
    expect(await importCheckins(['2026-11-29', '2026-10-01'])).toBe(1);
    expect(await importCheckins(['2026-11-29', '2026-10-01'])).toBe(0);
    expect(await loadCheckins()).toEqual(['2026-10-01', '2026-11-02', '2026-11-29']);
  });
});
