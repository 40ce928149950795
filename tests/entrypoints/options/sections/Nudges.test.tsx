// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../../entrypoints/background';
import { Nudges } from '../../../../entrypoints/options/sections/Nudges';
import { instantOf } from '../../../../utils/core/wall-clock';
import { getNudgeState } from '../../../../utils/nudges/nudge-state-store';
import { getSettings } from '../../../../utils/settings/settings-store';

import { type FakeExtras, installFakeExtras } from '../../../helpers/fake-extras';
import { useLanguage } from '../../../i18n-fake';

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

/** `count` valid site patterns, one per line, each exactly 200 characters (the longest allowed). */
const longSites = (count: number) =>
  Array.from({ length: count }, (_, i) => {
    const host = `ci${i}.example.com/`;
    return host + 'a'.repeat(200 - host.length);
  }).join('\n');

/** The browser refuses the next write the way a real quota does: asynchronously. */
const refuseNextWrite = (message: string) =>
  vi.spyOn(fakeBrowser.storage.sync, 'set').mockImplementationOnce(async () => {
    throw new Error(message);
  });

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

  it('a site list too long for the browser to keep says by how much, keeps the text, stores nothing', async () => {
    render(<Nudges />);
    await screen.findByText('Next nudge: today 17:30');
    // 50 sites of 200 characters pass one by one, but not together: about 10.9 KB of 8 KB.
    type('Sites, one per line', longSites(50));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^These settings are too long to keep — shorten the list of sites by about \d,\d{3} characters\./,
    );
    expect(screen.getByLabelText('Sites, one per line')).toHaveProperty('value', longSites(50));
    expect(await fakeBrowser.storage.sync.get('settings')).toEqual({});
    expect(screen.queryByText(/Settings saved/)).toBeNull();

    // Shortened enough, it is kept and the message goes.
    type('Sites, one per line', longSites(30));
    await waitFor(async () => expect((await getSettings()).nudges.site.patterns).toHaveLength(30));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('a write the browser refuses is said in words and the switch shows what is kept', async () => {
    render(<Nudges />);
    const idle = await screen.findByRole('checkbox', {
      name: 'Nudge me when I’m back from a break',
    });
    refuseNextWrite('Resource::kMaxWriteOperationsPerMinute quota exceeded');
    fireEvent.click(idle);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Settings changed very often just now, and your browser asks for a pause. Wait a minute, then change it again — what you typed is still here.',
    );
    await waitFor(() => expect(idle).toHaveProperty('checked', false));
    expect((await getSettings()).nudges.idle.enabled).toBe(false);
    expect(screen.queryByText(/Settings saved/)).toBeNull();

    // The next change goes through, and the message goes with it.
    fireEvent.click(idle);
    await waitFor(async () => expect((await getSettings()).nudges.idle.enabled).toBe(true));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('says it in German too', async () => {
    useLanguage('de');
    render(<Nudges />);
    await screen.findByText(/^Nächste Erinnerung/);
    fireEvent.input(screen.getByLabelText('Websites, eine pro Zeile'), {
      target: { value: longSites(50) },
    });
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^Diese Einstellungen sind zu lang zum Speichern – kürze die Liste der Websites um etwa \d\.\d{3} Zeichen\./,
    );
  });

  it('snooze and pause are one click away, and so is turning nudges back on', async () => {
    // The page asks the background, which owns the nudge engine: start it as the browser would.
    background.main();
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
