// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Insights } from '../../../entrypoints/options/sections/Insights';
import { fixedZone } from '../../../utils/core/calendar';
import { createReflection, type Reflection } from '../../../utils/reflections/reflection';
import { reviewStateOver } from '../../helpers/review-state';
import { useLanguage } from '../../i18n-fake';

const DAY = 86_400_000;
// Five past midnight on New Year's Day in UTC+13:45 (Chatham in summer): a new month, a new
// year, and still 31 December in UTC.
const ZONE = fixedZone(13 * 60 + 45);
const NEW_YEAR = Date.parse('2027-01-01T00:05:00+13:45');

function tagged(id: string, daysAgo: number, tag: string): Reflection {
  return createReflection(
    { template: 'quick', answers: { learned: `lesson ${id}` }, tags: [tag], sting: null },
    id,
    NEW_YEAR - daysAgo * DAY,
  );
}

async function setup(reflections: Reflection[]) {
  const state = await reviewStateOver(reflections, NEW_YEAR, ZONE);
  render(<Insights state={state} />);
  await state.start();
  return screen.findByRole('heading', { level: 2 });
}

afterEach(cleanup);

describe('Insights: recurring themes', () => {
  it('on the 1st of a month, still sees the themes of last week, and says the window', async () => {
    await setup([
      tagged('a', 1, 'rushed-review'),
      tagged('b', 3, 'rushed-review'),
      tagged('c', 6, 'rushed-review'),
      // 30 local days back is outside the window (today is day 1 of 30).
      tagged('d', 30.5, 'rushed-review'),
    ]);
    const themes = screen.getByRole('region', { name: 'Recurring themes' });
    expect(
      within(themes).getByText('Third reflection tagged “rushed-review” in the last 30 days'),
    ).toBeTruthy();
  });

  it('leaves out what is older than the window', async () => {
    await setup([
      tagged('a', 1, 'rushed-review'),
      tagged('b', 3, 'rushed-review'),
      tagged('c', 31, 'rushed-review'),
    ]);
    expect(screen.queryByRole('region', { name: 'Recurring themes' })).toBeNull();
  });

  it('names the window in German', async () => {
    useLanguage('de', 'de-DE');
    await setup([tagged('a', 1, 'eile'), tagged('b', 2, 'eile'), tagged('c', 29, 'eile')]);
    expect(
      screen.getByText('Dritte Reflexion mit dem Schlagwort „eile“ in den letzten 30 Tagen'),
    ).toBeTruthy();
  });
});
