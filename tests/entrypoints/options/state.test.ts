import { describe, expect, it, vi } from 'vitest';
import { createReviewState, PURGE_AFTER_MS } from '../../../entrypoints/options/state';
import { fixedZone } from '../../../utils/core/calendar';
import { answerFollowUp } from '../../../utils/follow-through/follow-up';
import {
  countReflections,
  deleteReflection,
  getReflection,
  type ReadReport,
  saveReflection,
  updateReflection,
} from '../../../utils/reflections/db-store';
import { createReflection, type Reflection } from '../../../utils/reflections/reflection';
import { reviewStateOver } from '../../helpers/review-state';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const DAY = 86_400_000;

function make(id: string, at: number, learned: string): Reflection {
  return createReflection(
    { template: 'quick', answers: { learned }, tags: [], sting: null },
    id,
    at,
  );
}

async function ready(reflections: Reflection[]) {
  const state = await reviewStateOver(reflections, NOW);
  await state.start();
  return state;
}

const ids = (state: Awaited<ReturnType<typeof ready>>) => state.newestFirst().map((r) => r.id);
/** The ids a search finds once its answer is complete (in Node, the in-page search service). */
async function found(state: Awaited<ReturnType<typeof ready>>, q: string) {
  const before = state.searchHits.value;
  state.search(q);
  await vi.waitFor(() => {
    const hits = state.searchHits.value;
    expect(hits !== before && hits?.query === q && hits.complete).toBe(true);
  });
  return [...(state.searchHits.value?.keys ?? [])].map((key) => state.searchRow(key)?.id);
}

describe('review state', () => {
  it('applies a save another page announces before any view has mounted', async () => {
    // main.tsx starts reading before it renders the App (it waits for settings and messages).
    const state = await ready([make('a', NOW - 1000, 'first')]);
    await saveReflection(make('b', NOW, 'written in the popup meanwhile'));
    await vi.waitFor(() => expect(ids(state)).toEqual(['b', 'a']));
    state.stop();
  });

  it('an edit that writes "next time" plans its follow-ups; emptying it drops the unanswered ones', async () => {
    const state = await ready([make('a', NOW - 40 * DAY, 'Rushed the review')]);
    const edit = (nextTime: string) =>
      state.saveEdit('a', {
        answers: { learned: 'Rushed the review', nextTime },
        tags: [],
        sting: null,
      });
    expect(await edit('Read the diff twice')).toBeNull();
    expect((await getReflection('a'))?.followUps.map((f) => (f.dueAt - NOW) / DAY)).toEqual([
      1, 7, 30,
    ]);

    await updateReflection(
      'a',
      (r) => answerFollowUp(r, 'partly', '', NOW + DAY, { retryDays: 7 }),
      NOW + DAY,
    );
    expect(await edit('')).toBeNull();
    expect((await getReflection('a'))?.followUps).toEqual([
      { dueAt: NOW + DAY, answeredAt: NOW + DAY, outcome: 'partly', note: '' },
    ]);
    state.stop();
  });

  it('reads every reflection in batches, newest first, and indexes them', async () => {
    const many = Array.from({ length: 4500 }, (_, i) =>
      make(`r${i}`, NOW - i * 1000, `lesson ${i}`),
    );
    const state = await ready(many);
    expect(state.phase.value).toBe('ready');
    expect(state.readCount.value).toBe(4500);
    expect(ids(state).slice(0, 3)).toEqual(['r0', 'r1', 'r2']);
    expect(ids(state)).toHaveLength(4500);
    expect(await found(state, '4499')).toEqual(['r4499']);
  });

  it('tells what the read found only once every reflection is read and indexed', async () => {
    for (const r of [make('a', NOW - 1000, 'one'), make('b', NOW, 'two')]) await saveReflection(r);
    const seen: { phase: string; count: number; report: ReadReport }[] = [];
    const state = createReviewState({
      zone: fixedZone(0),
      now: () => NOW,
      yieldToPage: () => Promise.resolve(),
      afterRead: (report) =>
        seen.push({ phase: state.phase.value, count: state.readCount.value, report }),
    });
    await state.start();
    // The lock is off: nothing is sealed, so there is nothing to compact.
    expect(seen).toEqual([{ phase: 'ready', count: 2, report: { sealedToPublicKey: [] } }]);
    state.stop();
  });

  it('follows saves, edits and deletes made by other pages', async () => {
    const state = await ready([make('a', NOW - 1000, 'first words')]);
    await saveReflection(make('b', NOW, 'from the popup'));
    await state.onChange({ type: 'saved', ids: ['b'] });
    expect(ids(state)).toEqual(['b', 'a']);
    expect(await found(state, 'popup')).toEqual(['b']);

    await updateReflection('a', (r) => ({ ...r, answers: { learned: 'edited elsewhere' } }), NOW);
    await state.onChange({ type: 'updated', ids: ['a'] });
    expect(await found(state, 'first')).toEqual([]);
    expect(await found(state, 'elsewhere')).toEqual(['a']);

    await deleteReflection('b', NOW);
    await state.onChange({ type: 'deleted', ids: ['b'] });
    expect(ids(state)).toEqual(['a']);
    expect(await found(state, 'popup')).toEqual([]);
  });

  it('re-reads everything after a bulk change (an import)', async () => {
    const state = await ready([make('a', NOW - 1000, 'before')]);
    await saveReflection(make('imported', NOW - 5000, 'came in an import'));
    await state.onChange({ type: 'bulk' });
    expect(ids(state)).toEqual(['a', 'imported']);
    expect(await found(state, 'import')).toEqual(['imported']);
  });

  it('purges reflections soft-deleted more than 30 days ago on load, keeps recent ones', async () => {
    await saveReflection({ ...make('old', NOW - 1e10, 'x'), deletedAt: NOW - PURGE_AFTER_MS - 1 });
    await saveReflection({ ...make('recent', NOW - 1e10, 'y'), deletedAt: NOW - 1000 });
    const state = await ready([make('live', NOW, 'z')]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await countReflections()).toBe(2);
    expect(ids(state)).toEqual(['live']);
  });

  it('reads nothing until a section asks (the Data section never does), then once', async () => {
    const state = await reviewStateOver([make('a', NOW - 1000, 'kept')], NOW);
    // An import announced while only the Data section is open: nothing to refresh yet.
    await state.onChange({ type: 'bulk' });
    expect(state.phase.value).toBe('loading');
    expect(state.newestFirst()).toEqual([]);

    state.ensureStarted();
    state.ensureStarted();
    await vi.waitFor(() => expect(state.phase.value).toBe('ready'));
    expect(ids(state)).toEqual(['a']);
    expect(state.readCount.value).toBe(1);
    expect(await found(state, 'kept')).toEqual(['a']);
  });
});
