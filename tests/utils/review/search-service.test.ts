import { describe, expect, it } from 'vitest';
import type { SearchAnswer, SearchDoc } from '../../../utils/review/search-protocol';
import { createSearchService } from '../../../utils/review/search-service';

/** The worker's message handler run in-process, with tasks and the clock in the test's hands. */
function harness() {
  const answers: SearchAnswer[] = [];
  const receipts: number[] = [];
  const tasks: (() => void)[] = [];
  let time = 0;
  const service = createSearchService({
    answer: (reply) => {
      if (reply.type === 'hits') answers.push(reply);
      else receipts.push(answers.length);
    },
    later: (work) => tasks.push(work),
    // Each look at the clock costs a millisecond, so slices end after a few steps.
    clock: () => time++,
  });
  return {
    answers,
    /** One entry per batch indexed: how many answers had been given by then. */
    receipts,
    send: (message: unknown) => service.handle(message),
    /** Run one waiting task (what the worker's event loop does between messages). */
    step: () => tasks.shift()?.(),
    flush: () => {
      while (tasks.length > 0) tasks.shift()?.();
    },
    /** The last answer as [id, keys, complete]. */
    last: () => {
      const a = answers.at(-1) as SearchAnswer;
      return [a.id, [...a.keys], a.complete];
    },
  };
}

const doc = (id: number, learned: string, createdAt = id): SearchDoc => ({
  id,
  createdAt,
  answers: { learned },
  tags: [],
  deletedAt: null,
});

describe('search service (the worker’s message handler)', () => {
  it('answers from what is indexed so far while a build runs, then again when complete', () => {
    const h = harness();
    const docs = Array.from({ length: 1000 }, (_, i) => doc(i, i % 2 ? 'deploy' : 'review'));
    h.send({ type: 'add', docs });
    h.send({ type: 'done' });
    h.step(); // one slice of the backlog
    h.send({ type: 'search', id: 1, query: 'depl' });
    h.step(); // the next slice was queued first
    h.step(); // the answer
    const [id, partial, complete] = h.last();
    expect(id).toBe(1);
    expect(complete).toBe(false);
    expect((partial as number[]).length).toBeGreaterThan(0);
    expect((partial as number[]).length).toBeLessThan(500);
    h.flush();
    // Once every document is in, the same query is answered again, complete, unasked.
    const [againId, keys, done] = h.last();
    expect([againId, done]).toEqual([1, true]);
    expect(keys).toHaveLength(500);
    expect((keys as number[]).slice(0, 2)).toEqual([999, 997]); // equal scores: newest first
  });

  it('sends a receipt for each batch once it is indexed, an empty one too', () => {
    const h = harness();
    h.send({ type: 'add', docs: Array.from({ length: 1000 }, (_, i) => doc(i, 'x')) });
    h.send({ type: 'add', docs: [] });
    h.step();
    expect(h.receipts).toEqual([]); // a slice does not finish 1,000 documents
    h.flush();
    expect(h.receipts).toHaveLength(2);
  });

  it('answers only the latest of several waiting queries', () => {
    const h = harness();
    h.send({ type: 'add', docs: [doc(1, 'deploy'), doc(2, 'rollback')] });
    h.send({ type: 'done' });
    h.flush();
    h.send({ type: 'search', id: 1, query: 'd' });
    h.send({ type: 'search', id: 2, query: 'de' });
    h.send({ type: 'search', id: 3, query: 'roll' });
    h.flush();
    expect(h.answers.map((a) => a.id)).toEqual([3]);
    expect(h.last()).toEqual([3, [2], true]);
  });

  it('follows edits and deletes, and forgets everything on reset', () => {
    const h = harness();
    h.send({ type: 'add', docs: [doc(1, 'deploy'), doc(2, 'deploy again')] });
    h.send({ type: 'done' });
    h.send({ type: 'search', id: 1, query: 'deploy' });
    h.flush();
    expect(h.last()).toEqual([1, [2, 1], true]);
    h.send({ type: 'add', docs: [{ ...doc(2, 'deploy again'), deletedAt: 5 }, doc(1, 'backup')] });
    h.flush();
    // The edit re-answers the open query by itself.
    expect(h.last()).toEqual([1, [], true]);
    h.send({ type: 'reset' });
    h.send({ type: 'search', id: 2, query: 'backup' });
    h.flush();
    expect(h.last()).toEqual([2, [], false]);
  });

  it.each([
    null,
    'search',
    { type: 'search', id: '1', query: 'x' },
    { type: 'search', id: 1 },
    { type: 'add', docs: [{ id: 'a', createdAt: 1, answers: {}, tags: [], deletedAt: null }] },
    {
      type: 'add',
      docs: [{ id: 1, createdAt: 1, answers: { learned: 5 }, tags: [], deletedAt: null }],
    },
    { type: 'drop-table' },
  ])('ignores a message that is not one: %j', (message) => {
    const h = harness();
    h.send(message);
    h.flush();
    expect(h.answers).toEqual([]);
  });
});
