// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Lessons } from '../../../entrypoints/options/sections/Lessons';
import { getReflection } from '../../../utils/reflections/db-store';
import { createReflection, type Reflection } from '../../../utils/reflections/reflection';
import { localTime } from '../../helpers/clock';
import { reviewStateOver } from '../../helpers/review-state';
import { useLanguage } from '../../i18n-fake';

// Local noon, so the dates shown are the same in every zone.
const NOW = localTime(2026, 11, 25);
const HOUR = 3_600_000;

function make(id: string, hoursAgo: number, learned: string, tags: string[] = []): Reflection {
  return createReflection(
    { template: 'quick', answers: { happened: `happened ${id}`, learned }, tags, sting: 2 },
    id,
    NOW - hoursAgo * HOUR,
  );
}

async function setup(reflections: Reflection[]) {
  const state = await reviewStateOver(reflections, NOW);
  render(<Lessons state={state} />);
  await state.start();
  return state;
}

const list = () => screen.getByRole('list', { name: 'Reflections' });
const lessons = () =>
  within(list())
    .getAllByRole('article')
    .map((a) => a.querySelector('.lesson')?.textContent);

beforeEach(() => {
  history.replaceState(null, '', '#/lessons');
});
afterEach(cleanup);

describe('Lessons', () => {
  it('explains the extension and offers a first reflection when there is none', async () => {
    await setup([]);
    expect(await screen.findByRole('heading', { name: 'Turn setbacks into lessons' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Write your first reflection' })).toBeTruthy();
  });

  it('speaks German when the browser does', async () => {
    useLanguage('de', 'de-DE');
    await setup([make('a', 30, 'Erste Lektion'), make('b', 1, 'Zweite Lektion', ['ops'])]);
    await screen.findByText('2 Reflexionen, neueste zuerst');
    expect(screen.getByRole('searchbox', { name: 'Reflexionen durchsuchen' })).toBeTruthy();
    const first = within(screen.getByRole('list', { name: 'Reflexionen' })).getAllByRole(
      'article',
    )[0] as HTMLElement;
    expect(within(first).getByText('Schmerz 2/5')).toBeTruthy();
    expect(within(first).getByText('Aus eigenem Antrieb')).toBeTruthy();
    expect(
      within(first).getByRole('button', { name: /^Reflexion vom 25\.11\.2026, .* bearbeiten$/ }),
    ).toBeTruthy();
    fireEvent.input(screen.getByRole('searchbox', { name: 'Reflexionen durchsuchen' }), {
      target: { value: 'zweite' },
    });
    await screen.findByText('1 Reflexion passt');
  });

  it('lists reflections newest first with lesson, tags, sting and trigger', async () => {
    await setup([
      make('a', 30, 'Oldest lesson'),
      make('b', 1, 'Newest lesson', ['ops']),
      make('c', 5, 'Middle lesson'),
    ]);
    await screen.findByText('3 reflections, newest first');
    expect(lessons()).toEqual(['Newest lesson', 'Middle lesson', 'Oldest lesson']);
    const first = within(list()).getAllByRole('article')[0] as HTMLElement;
    expect(within(first).getByText('ops')).toBeTruthy();
    expect(within(first).getByText('Sting 2/5')).toBeTruthy();
    expect(within(first).getByText('On my own')).toBeTruthy();
    fireEvent.click(within(first).getByRole('button', { name: 'Read all answers' }));
    expect(within(first).getByText('happened b')).toBeTruthy();
  });

  it('search and filters narrow the list and go into the URL', async () => {
    await setup([
      make('a', 3, 'Deploy on a quiet day', ['ops']),
      make('b', 2, 'Ask before deploying', ['meetings']),
      make('c', 1, 'Write it down'),
    ]);
    await screen.findByText('3 reflections, newest first');
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search reflections' }), {
      target: { value: 'depl' },
    });
    await screen.findByText('2 reflections match');
    // The address catches up once typing pauses (not on every keystroke).
    await waitFor(() => expect(location.hash).toBe('#/lessons?q=depl'));
    // The match is marked, as text.
    expect(within(list()).getAllByText('Deploy')[0]?.tagName).toBe('MARK');

    fireEvent.change(screen.getByRole('combobox', { name: 'Tag' }), { target: { value: 'ops' } });
    await screen.findByText('1 reflection matches');
    expect(lessons()).toEqual(['Deploy on a quiet day']);
    expect(location.hash).toBe('#/lessons?q=depl&tags=ops');

    fireEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    await screen.findByText('3 reflections, newest first');
  });

  it('edits in place with the popup’s validation, and saves', async () => {
    await setup([make('a', 1, 'First try')]);
    await screen.findByText('1 reflection, newest first');
    fireEvent.click(screen.getByRole('button', { name: /^Edit reflection/ }));
    const form = screen.getByRole('form', { name: /^Edit reflection/ });
    const happened = within(form).getByRole('textbox', { name: 'What happened?' });
    const learned = within(form).getByRole('textbox', { name: 'What did I learn?' });
    fireEvent.input(happened, { target: { value: '' } });
    fireEvent.input(learned, { target: { value: '   ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(form).findByText('Write a few words in any answer to save.')).toBeTruthy();

    fireEvent.input(learned, { target: { value: 'x'.repeat(5001) } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(form).findByText(/1 character over the 5,000 limit/)).toBeTruthy();

    fireEvent.input(learned, { target: { value: 'Second, better try' } });
    fireEvent.click(within(form).getByRole('radio', { name: '5 — a lot' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect(lessons()).toEqual(['Second, better try']);
    const stored = await getReflection('a');
    expect(stored?.answers).toEqual({ learned: 'Second, better try' });
    expect(stored?.sting).toBe(5);
    expect(stored?.updatedAt).toBeGreaterThan(stored?.createdAt as number);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Changes saved.'));
  });

  it('records who was affected, shown as an open item until ticked', async () => {
    await setup([make('a', 1, 'Tell people sooner')]);
    await screen.findByText('1 reflection, newest first');
    fireEvent.click(screen.getByRole('button', { name: /^Edit reflection/ }));
    let form = screen.getByRole('form', { name: /^Edit reflection/ });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Who was affected?' }), {
      target: { value: ' Sam from support ' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect((await getReflection('a'))?.share).toEqual({
      affected: 'Sam from support',
      told: false,
      toldAt: null,
    });
    expect(screen.getByText('To tell: Sam from support')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /^Edit reflection/ }));
    form = screen.getByRole('form', { name: /^Edit reflection/ });
    fireEvent.click(
      within(form).getByRole('checkbox', { name: 'I have told them / made it right' }),
    );
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    expect((await getReflection('a'))?.share).toEqual({
      affected: 'Sam from support',
      told: true,
      toldAt: NOW,
    });
    expect(screen.queryByText('To tell: Sam from support')).toBeNull();
  });

  it('deletes with an Undo that really restores', async () => {
    await setup([make('a', 2, 'Keep me'), make('b', 1, 'Delete me')]);
    await screen.findByText('2 reflections, newest first');
    fireEvent.click(
      screen.getAllByRole('button', { name: /^Delete reflection/ })[0] as HTMLElement,
    );
    await screen.findByText('1 reflection, newest first');
    expect(lessons()).toEqual(['Keep me']);
    expect((await getReflection('b'))?.deletedAt).toBe(NOW);

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('2 reflections, newest first');
    expect(lessons()).toEqual(['Delete me', 'Keep me']);
    expect((await getReflection('b'))?.deletedAt).toBeNull();
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Reflection restored.'),
    );
  });

  it('pins and unpins', async () => {
    await setup([make('a', 1, 'Pin me')]);
    await screen.findByText('1 reflection, newest first');
    fireEvent.click(screen.getByRole('button', { name: /^Pin reflection/ }));
    await waitFor(async () => expect((await getReflection('a'))?.pinned).toBe(true));
    expect(screen.getByRole('article', { name: /, pinned$/ })).toBeTruthy();
  });

  describe('edited on two devices', () => {
    const twoVersions = (id: string, hoursAgo: number, mine: string, theirs: string) => ({
      ...make(id, hoursAgo, mine),
      answers: { happened: `happened ${id}`, learned: mine, nextTime: `next ${id}` },
      conflicts: [{ field: 'answers.learned', versions: [mine, theirs] as [string, string] }],
    });

    it('asks which version to keep, keeps it, and asks no more', async () => {
      await setup([twoVersions('a', 1, 'Laptop words', 'Home words'), make('b', 2, 'Calm one')]);
      const panel = await screen.findByRole('region', {
        name: 'Edited on two devices — keep which?',
      });
      const choice = within(panel).getByRole('group', { name: /^What did I learn\?/ });
      expect(within(choice).getByText('Laptop words')).toBeTruthy();
      expect(within(choice).getByText('Home words')).toBeTruthy();
      fireEvent.click(
        within(choice).getByRole('button', {
          name: 'Keep this one: Home words (What did I learn?)',
        }),
      );
      await waitFor(() =>
        expect(screen.queryByRole('region', { name: /^Edited on two devices/ })).toBeNull(),
      );
      const stored = await getReflection('a');
      expect(stored?.answers.learned).toBe('Home words');
      expect(stored?.answers.nextTime).toBe('next a');
      expect(stored?.conflicts).toBeUndefined();
      expect(lessons()).toEqual(['Home words', 'Calm one']);
      await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Kept\./));
    });

    it('rewriting the answer in the editor settles it; another answer edited does not', async () => {
      await setup([twoVersions('a', 1, 'Laptop words', 'Home words')]);
      await screen.findByRole('region', { name: /^Edited on two devices/ });
      const edit = async (label: string, value: string) => {
        fireEvent.click(screen.getByRole('button', { name: /^Edit reflection/ }));
        const form = screen.getByRole('form', { name: /^Edit reflection/ });
        fireEvent.input(within(form).getByRole('textbox', { name: label }), {
          target: { value },
        });
        fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
        await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
      };
      await edit('What happened?', 'A calmer account');
      expect((await getReflection('a'))?.conflicts).toHaveLength(1);
      expect(screen.getByRole('region', { name: /^Edited on two devices/ })).toBeTruthy();

      await edit('What did I learn?', 'Both, really');
      const stored = await getReflection('a');
      expect(stored?.answers.learned).toBe('Both, really');
      expect(stored?.conflicts).toBeUndefined();
      expect(screen.queryByRole('region', { name: /^Edited on two devices/ })).toBeNull();
    });

    it('shows three lessons at a time and says how many more wait', async () => {
      await setup([1, 2, 3, 4, 5].map((n) => twoVersions(`r${n}`, n, `mine ${n}`, `theirs ${n}`)));
      const panel = await screen.findByRole('region', { name: /^Edited on two devices/ });
      expect(within(panel).getAllByRole('group')).toHaveLength(3);
      expect(within(panel).getByText('2 more lessons wait after these.')).toBeTruthy();
    });
  });
});
