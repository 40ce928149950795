// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FollowThrough } from '../../../entrypoints/options/sections/FollowThrough';
import { getReflection } from '../../../utils/reflections/db-store';
import { createReflection, type Reflection } from '../../../utils/reflections/reflection';
import { getSettings } from '../../../utils/settings/settings-store';

import { localTime } from '../../helpers/clock';
import { reviewStateOver } from '../../helpers/review-state';

// Local noon, so the dates shown are the same in every zone.
const NOW = localTime(2026, 11, 25);
const DAY = 86_400_000;

function commitment(id: string, daysAgo: number, nextTime: string, dueIn: number): Reflection {
  return {
    ...createReflection(
      { template: 'quick', answers: { learned: `lesson ${id}`, nextTime }, tags: [], sting: null },
      id,
      NOW - daysAgo * DAY,
    ),
    followUps: [{ dueAt: NOW + dueIn * DAY, answeredAt: null, outcome: null, note: '' }],
  };
}

async function setup(reflections: Reflection[]) {
  const state = await reviewStateOver(reflections, NOW);
  render(<FollowThrough state={state} />);
  await state.start();
  await screen.findByRole('heading', { name: 'Follow-through', level: 2 });
  return state;
}

afterEach(cleanup);

describe('FollowThrough', () => {
  it('asks about a due commitment and stores the outcome and note', async () => {
    await setup([commitment('a', 7, 'Ask for the rollback plan', -1)]);
    const due = screen.getByRole('article', { name: 'Did you apply it?' });
    expect(within(due).getByText('You wrote last week:')).toBeTruthy();
    expect(within(due).getByText('Ask for the rollback plan')).toBeTruthy();
    fireEvent.input(within(due).getByRole('textbox', { name: 'A short note (optional)' }), {
      target: { value: 'Only half the time' },
    });
    fireEvent.click(within(due).getByRole('button', { name: 'Partly' }));
    await waitFor(async () => {
      const stored = await getReflection('a');
      expect(stored?.followUps[0]).toMatchObject({
        outcome: 'partly',
        note: 'Only half the time',
        answeredAt: NOW,
      });
    });
    expect(
      await screen.findByText('Nothing to check on right now.', { exact: false }),
    ).toBeTruthy();
    // The answer counts in the applied rate: answered, not applied.
    expect(
      screen.getByText('0 of 1 answered follow-ups applied in the last 6 months', { exact: false }),
    ).toBeTruthy();
  });

  it('"not yet" keeps the commitment open and says when it comes back', async () => {
    await setup([commitment('b', 1, 'Write the test first', -0.5)]);
    fireEvent.click(screen.getByRole('button', { name: 'Not yet' }));
    const open = await screen.findByRole('region', { name: 'Open commitments' });
    await waitFor(() => expect(within(open).getByText('Write the test first')).toBeTruthy());
    expect(within(open).getByText('comes back Dec 2, 2026')).toBeTruthy();
  });

  it('answers the latest due check, folding an ignored earlier one, as the reminder asked', async () => {
    // Day 1 was ignored, day 7 came due this morning, day 30 is still to come.
    const r = commitment('f', 7, 'Read the diff before approving', 0);
    r.followUps = [
      { dueAt: NOW - 6 * DAY, answeredAt: null, outcome: null, note: '' },
      { dueAt: NOW - 0.1 * DAY, answeredAt: null, outcome: null, note: '' },
      { dueAt: NOW + 23 * DAY, answeredAt: null, outcome: null, note: '' },
    ];
    await setup([r]);
    fireEvent.click(screen.getByRole('button', { name: 'Partly' }));
    await waitFor(async () =>
      expect((await getReflection('f'))?.followUps).toEqual([
        { dueAt: NOW - 0.1 * DAY, answeredAt: NOW, outcome: 'partly', note: '' },
        { dueAt: NOW + 23 * DAY, answeredAt: null, outcome: null, note: '' },
      ]),
    );
    // Nothing is left due: the ignored day-1 check does not come back as a second card.
    expect(
      await screen.findByText('Nothing to check on right now.', { exact: false }),
    ).toBeTruthy();
    const open = screen.getByRole('region', { name: 'Open commitments' });
    expect(within(open).getByText('comes back Dec 18, 2026')).toBeTruthy();
    // One answer, counted once.
    expect(
      screen.getByText('0 of 1 answered follow-ups applied in the last 6 months', { exact: false }),
    ).toBeTruthy();
  });

  it('lists people still to tell, and ticking one stores it', async () => {
    const r = {
      ...commitment('c', 3, 'Tell the team sooner', 10),
      share: { affected: 'Sam', told: false, toldAt: null },
    };
    await setup([r]);
    const box = screen.getByRole('checkbox', {
      name: /^I have told Sam \/ made it right/,
    });
    fireEvent.click(box);
    await waitFor(async () =>
      expect((await getReflection('c'))?.share).toEqual({
        affected: 'Sam',
        told: true,
        toldAt: NOW,
      }),
    );
    expect(await screen.findByText('Nobody waiting to hear from you.')).toBeTruthy();
  });

  it('a reminder’s address focuses its card once, and later writes leave the focus alone', async () => {
    location.hash = '#/follow-through?focus=a';
    try {
      await setup([
        commitment('a', 7, 'Ask for the rollback plan', -1),
        {
          ...commitment('b', 8, 'Pair on the migration', -2),
          share: { affected: 'Sam', told: false, toldAt: null },
        },
      ]);
      const cards = screen.getAllByRole('article', { name: 'Did you apply it?' });
      const cardA = cards.find((c) => c.textContent?.includes('Ask for the rollback plan'));
      await waitFor(() => expect(document.activeElement).toBe(cardA));

      // The user moves on: ticks "told Sam" (a write that rebuilds the page's view)…
      const box = screen.getByRole('checkbox', { name: /^I have told Sam/ });
      box.focus();
      fireEvent.click(box);
      await waitFor(async () => expect((await getReflection('b'))?.share?.told).toBe(true));
      // …and goes on to write a note on the other card: the keyboard stays there.
      const cardB = cards.find((c) => c.textContent?.includes('Pair on the migration'));
      const note = within(cardB as HTMLElement).getByRole('textbox', {
        name: 'A short note (optional)',
      });
      note.focus();
      fireEvent.click(within(cardB as HTMLElement).getByRole('button', { name: 'Partly' }));
      await waitFor(async () =>
        expect((await getReflection('b'))?.followUps[0]?.outcome).toBe('partly'),
      );
      await screen.findByText('Nobody waiting to hear from you.');
      expect(document.activeElement).not.toBe(cardA);
    } finally {
      location.hash = '';
    }
  });

  it('explains bad follow-up days in plain words and saves good ones', async () => {
    await setup([]);
    const days = screen.getByRole('textbox', { name: 'Ask after these days' });
    fireEvent.input(days, { target: { value: '1, seven' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(
      await screen.findByText('Use whole numbers of days separated by commas, e.g. 1, 7, 30.'),
    ).toBeTruthy();
    // What was typed stays.
    expect((days as HTMLInputElement).value).toBe('1, seven');
    expect((await getSettings()).followUps.afterDays).toEqual([1, 7, 30]);

    fireEvent.input(days, { target: { value: '14, 2' } });
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Gently point out self-blame while I write' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    const saved = await getSettings();
    expect(saved.followUps.afterDays).toEqual([2, 14]);
    expect(saved.selfBlameHints).toBe(false);
  });
});
