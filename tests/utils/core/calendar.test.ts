import { describe, expect, it } from 'vitest';
import { fixedZone, startOfLocalDay, type TimeZone } from '../../../utils/core/calendar';

const at = (iso: string) => Date.parse(iso);
const UTC = fixedZone(0);

describe('startOfLocalDay', () => {
  // Berlin-like zone: UTC+1 in winter, UTC+2 from 2026-03-29 01:00 UTC.
  const berlin: TimeZone = (ms) => (ms >= at('2026-03-29T01:00:00Z') ? 120 : 60);
  it.each<[string, TimeZone, string, string]>([
    ['UTC', UTC, '2026-11-25', '2026-11-25T00:00:00.000Z'],
    ['UTC-5', fixedZone(-300), '2026-11-25', '2026-11-25T05:00:00.000Z'],
    ['Berlin winter', berlin, '2026-01-10', '2026-01-09T23:00:00.000Z'],
    ['Berlin, the day after the switch', berlin, '2026-03-30', '2026-03-29T22:00:00.000Z'],
  ])('%s: %s starts at %s', (_, zone, iso, expected) => {
    const day = Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    expect(new Date(startOfLocalDay(day, zone)).toISOString()).toBe(expected);
  });
});
