import { describe, expect, it } from 'vitest';
import { instantOf } from '../../../utils/core/wall-clock';
import { describeNextNudge } from '../../../utils/nudges/nudge-time';
import { useLanguage } from '../../i18n-fake';

const BERLIN = 'Europe/Berlin';

/** The instant of a Berlin wall-clock time, "2026-11-30 17:30". */
function local(text: string): number {
  const [date = '', time = '00:00'] = text.split(' ');
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [h, m] = time.split(':').map(Number) as [number, number];
  return instantOf({ year, month, day }, h * 60 + m, BERLIN);
}

// Monday 30 November 2026, 10:00 in Berlin.
const now = local('2026-11-30 10:00');
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('describeNextNudge', () => {
  it.each([
    ['2026-11-30 17:30', 'en', 'today 17:30'],
    ['2026-12-01 09:05', 'en', 'tomorrow 09:05'],
    ['2026-12-03 17:30', 'en', 'Thu 17:30'],
    ['2026-12-14 17:30', 'en', 'Dec 14, 17:30'],
    ['2026-12-14 17:30', 'en-GB', '14 Dec, 17:30'],
    ['2026-12-03 17:30', 'de', 'Do., 17:30'],
    ['2026-12-14 07:00', 'de', '14. Dez., 07:00'],
  ])('%s in %s reads “%s”', (at, locale, expected) => {
    expect(plain(describeNextNudge(local(at), now, BERLIN, locale))).toBe(expected);
  });

  it('says today and tomorrow in German when the UI is German', () => {
    useLanguage('de');
    expect(describeNextNudge(local('2026-11-30 17:30'), now, BERLIN)).toBe('heute 17:30');
    expect(describeNextNudge(local('2026-12-01 09:05'), now, BERLIN)).toBe('morgen 09:05');
  });
});
