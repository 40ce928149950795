// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Nudges } from '../../../../entrypoints/options/sections/Nudges';
import { getNudgeState } from '../../../../utils/nudge-state';
import { getSettings } from '../../../../utils/settings';
import { instantOf } from '../../../../utils/wall-clock';
import { type FakeExtras, installFakeExtras } from '../../../helpers/fake-extras';

let extras: FakeExtras;

beforeEach(() => {
  extras = installFakeExtras();
  // Monday 30 November 2026, 10:00 on this machine's clock.
  vi.setSystemTime(instantOf({ year: 2026, month: 11, day: 30 }, 600));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const type = (label: string, text: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value: text } });

describe('Nudges settings', () => {
  it('shows when the next nudge comes: the default is today 17:30', async () => {
    render(<Nudges />);
    expect(await screen.findByText('Next nudge: today 17:30')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Nudge me on a schedule' })).toHaveProperty(
      'checked',
      true,
    );
    expect(
      screen.getByRole('checkbox', { name: 'Nudge me when I’m back from a break' }),
    ).toHaveProperty('checked', false);
  });

  it('a time like 25:00 gets a plain message and is not saved; a good one applies at once', async () => {
    render(<Nudges />);
    await screen.findByText('Next nudge: today 17:30');
    type('Times of day (24-hour, separated by commas)', '09:00, 25:00');
    expect(screen.getByText(/“25:00” isn't a time of day/)).toBeTruthy();
    expect((await getSettings()).nudges.schedule.times).toEqual(['17:30']);

    type('Times of day (24-hour, separated by commas)', '12:00, 18:45');
    await waitFor(async () =>
      expect((await getSettings()).nudges.schedule.times).toEqual(['12:00', '18:45']),
    );
    expect(await screen.findByText('Next nudge: today 12:00')).toBeTruthy();
  });

  it('an empty weekday set is explained and the last good set is kept', async () => {
    render(<Nudges />);
    await screen.findByText('Next nudge: today 17:30');
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
      fireEvent.click(screen.getByRole('checkbox', { name: day }));
    }
    expect(screen.getByText('Pick at least one day, or switch the schedule off.')).toBeTruthy();
    // Friday was the last one left when the set became empty.
    await waitFor(async () => expect((await getSettings()).nudges.schedule.weekdays).toEqual([5]));
  });

  it('a refused permission leaves "leaving a listed site" off and says why', async () => {
    render(<Nudges />);
    const toggle = await screen.findByRole('checkbox', {
      name: 'Nudge me when I leave one of these sites',
    });
    extras.answer.grant = false;
    fireEvent.click(toggle);
    expect((await screen.findByRole('alert')).textContent).toMatch(/This stays off/);
    expect(toggle).toHaveProperty('checked', false);
    expect((await getSettings()).nudges.site.enabled).toBe(false);

    extras.answer.grant = true;
    fireEvent.click(toggle);
    await waitFor(async () => expect((await getSettings()).nudges.site.enabled).toBe(true));
    expect(extras.granted.has('tabs')).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a bad site pattern is explained; nothing typed is lost', async () => {
    render(<Nudges />);
    await screen.findByText('Next nudge: today 17:30');
    type('Sites, one per line', 'meet.google.com\nmy ci page');
    expect(screen.getByText(/“my ci page” has a space in it/)).toBeTruthy();
    expect(screen.getByLabelText('Sites, one per line')).toHaveProperty(
      'value',
      'meet.google.com\nmy ci page',
    );
    expect((await getSettings()).nudges.site.patterns).toEqual([]);
  });

  it('snooze and pause are one click away, and so is turning nudges back on', async () => {
    render(<Nudges />);
    fireEvent.click(await screen.findByRole('button', { name: 'Snooze 1 hour' }));
    expect(await screen.findByText('Snoozed until today 11:00.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Turn nudges back on' }));
    await waitFor(async () => expect((await getNudgeState()).snooze).toBeNull());
    fireEvent.click(await screen.findByRole('button', { name: 'Pause until I turn them back on' }));
    expect(await screen.findByText('Nudges are paused until you turn them back on.')).toBeTruthy();
    expect(screen.getByText('No scheduled nudge coming up.')).toBeTruthy();
  });
});
