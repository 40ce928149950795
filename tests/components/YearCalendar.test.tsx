// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { YearCalendar } from '../../components/YearCalendar';
import { fixedZone, isoToDay, startOfLocalDay } from '../../utils/core/calendar';
import { yearCalendar } from '../../utils/review/year-calendar';
import { richReflection } from '../helpers/reflections';

const ZONE = fixedZone(13 * 60 + 45);
const at = (iso: string, hour: number) =>
  startOfLocalDay(isoToDay(iso) as number, ZONE) + hour * 3_600_000;
// A Wednesday.
const NOW = at('2027-03-31', 9);

afterEach(cleanup);

function renderCalendar() {
  const weeks = yearCalendar(
    [
      richReflection(1, { createdAt: at('2027-03-24', 8), sting: 4, followUps: [] }),
      richReflection(2, { createdAt: at('2027-03-24', 20), sting: 2, followUps: [] }),
      richReflection(3, {
        createdAt: at('2027-03-20', 10),
        sting: null,
        followUps: [{ dueAt: at('2027-03-30', 9), answeredAt: null, outcome: null, note: '' }],
      }),
    ],
    NOW,
    ZONE,
  );
  render(<YearCalendar weeks={weeks} dayHref={(iso) => `#/lessons?from=${iso}&to=${iso}`} />);
  return screen.getByRole('grid', { name: 'Your year' });
}

describe('the year calendar', () => {
  it('names every day with what happened on it, and links it to that day’s list', () => {
    renderCalendar();
    const busy = screen.getByRole('link', {
      name: 'Wednesday, March 24, 2027: 2 reflections, sting 4',
    });
    expect(busy.getAttribute('href')).toBe('#/lessons?from=2027-03-24&to=2027-03-24');
    expect(busy.className).toContain('day-s4');
    screen.getByRole('link', { name: 'Saturday, March 20, 2027: 1 reflection' });
    const due = screen.getByRole('link', {
      name: 'Tuesday, March 30, 2027: no reflections, 1 follow-up due',
    });
    expect(due.className).toContain('due');
    // Days after today are drawn to close the week but open nothing.
    expect(screen.queryByRole('link', { name: /April 1, 2027/ })).toBeNull();
    expect(
      screen.getByText(
        'Days with a reflection in the last 12 months: 2. Arrow keys move by day and week; Enter opens a day.',
      ),
    ).toBeTruthy();
  });

  it('keeps one Tab stop, today, and moves it with the arrow keys by day and week', () => {
    const grid = renderCalendar();
    const stops = [...grid.querySelectorAll('a')].filter((a) => a.tabIndex === 0);
    expect(stops.map((a) => a.textContent)).toEqual(['Wednesday, March 31, 2027: no reflections']);
    (stops[0] as HTMLElement).focus();
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowLeft' });
    expect(document.activeElement?.textContent).toMatch(/^Wednesday, March 24, 2027/);
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toMatch(/^Thursday, March 25, 2027/);
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    expect(document.activeElement?.textContent).toMatch(/^Tuesday, March 23, 2027/);
    // Not past today.
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight' });
    expect(document.activeElement?.textContent).toMatch(/^Wednesday, March 31, 2027/);
    fireEvent.keyDown(document.activeElement as Element, { key: 'Home' });
    expect(document.activeElement?.textContent).toMatch(/^Monday, March 30, 2026/);
    expect([...grid.querySelectorAll('a')].filter((a) => a.tabIndex === 0)).toHaveLength(1);
  });
});
