import { describe, expect, it, vi } from 'vitest';
import { createReflection, type Reflection } from '../../../utils/reflections/reflection';
import {
  createSearchClient,
  type SearchHits,
  type SearchWorker,
} from '../../../utils/review/search-client';
import type { SearchRequest } from '../../../utils/review/search-protocol';
import { createSearchService } from '../../../utils/review/search-service';

const make = (id: string, at: number, learned: string): Reflection =>
  createReflection({ template: 'quick', answers: { learned }, tags: [], sting: null }, id, at);

/**
 * A stand-in Worker running the real service, whose answers are held until `deliver`, so a
 * test decides in which order they reach the page.
 */
function fakeWorker() {
  const held: unknown[] = [];
  const worker: SearchWorker & { deliver(): void; sent: SearchRequest[] } = {
    sent: [],
    onmessage: null,
    onerror: null,
    terminate: vi.fn(),
    postMessage(message) {
      this.sent.push(message);
      // Structured clone, as postMessage does.
      service.handle(structuredClone(message));
    },
    deliver() {
      for (const data of held.splice(0)) worker.onmessage?.({ data } as MessageEvent);
    },
  };
  const tasks: (() => void)[] = [];
  const service = createSearchService({
    answer: (answer) => held.push(answer),
    later: (work) => tasks.push(work),
    clock: () => 0,
  });
  const run = () => {
    while (tasks.length > 0) tasks.shift()?.();
  };
  return { worker, run };
}

const ids = (client: ReturnType<typeof createSearchClient>, hits: SearchHits | undefined) =>
  [...(hits?.keys ?? [])].map((key) => client.row(key)?.id);

describe('search client', () => {
  it('drops an answer to an older keystroke that arrives after the newer one', () => {
    const { worker, run } = fakeWorker();
    const seen: SearchHits[] = [];
    const client = createSearchClient({ spawn: () => worker, onHits: (h) => seen.push(h) });
    client.add([make('a', 1, 'deploy'), make('b', 2, 'review')]);
    client.done();
    run();
    client.search('d');
    run(); // the worker answers "d"…
    client.search('re'); // …but the person typed on before it arrived
    worker.deliver();
    run();
    worker.deliver();
    expect(seen.map((h) => [h.query, ids(client, h)])).toEqual([['re', ['b']]]);
    expect(client.inWorker).toBe(true);
    // Only the searchable text crosses to the worker.
    const add = worker.sent[0] as Extract<SearchRequest, { type: 'add' }>;
    expect(Object.keys(add.docs[0] ?? {}).sort()).toEqual([
      'answers',
      'createdAt',
      'deletedAt',
      'id',
      'tags',
    ]);
  });

  it('keeps at most two batches in the worker’s queue, so a query never waits behind them all', () => {
    const { worker, run } = fakeWorker();
    let last: SearchHits | undefined;
    const client = createSearchClient({ spawn: () => worker, onHits: (h) => (last = h) });
    for (let i = 0; i < 6; i++) client.add([make(`r${i}`, i, `deploy ${i}`)]);
    client.done();
    client.search('deploy');
    expect(worker.sent.map((m) => m.type)).toEqual(['add', 'add', 'search']);
    // Receipts let the rest through, one batch per receipt, `done` last.
    for (let i = 0; i < 6; i++) {
      run();
      worker.deliver();
    }
    expect(worker.sent.map((m) => m.type)).toEqual([
      'add',
      'add',
      'search',
      'add',
      'add',
      'add',
      'add',
      'done',
    ]);
    expect(last?.complete).toBe(true);
    expect(ids(client, last)).toHaveLength(6);
  });

  it('keeps a reflection’s key across edits and answers with the latest version', () => {
    const { worker, run } = fakeWorker();
    let last: SearchHits | undefined;
    const client = createSearchClient({ spawn: () => worker, onHits: (h) => (last = h) });
    client.add([make('a', 1, 'deploy')]);
    client.done();
    client.search('deploy');
    run();
    worker.deliver();
    const edited = { ...make('a', 1, 'deploy slowly'), updatedAt: 9 };
    client.add([edited]);
    run();
    worker.deliver();
    expect([...(last?.keys ?? [])]).toEqual([0]);
    expect(client.row(0)).toBe(edited);
  });

  it('searches in the page when no Worker can be started', async () => {
    let last: SearchHits | undefined;
    const client = createSearchClient({
      spawn: () => {
        throw new ReferenceError('Worker is not defined');
      },
      onHits: (h) => (last = h),
    });
    client.add([make('a', 1, 'deploy'), make('b', 2, 'review')]);
    client.done();
    client.search('rev');
    await vi.waitFor(() => expect(last?.complete).toBe(true));
    expect(ids(client, last)).toEqual(['b']);
    expect(client.inWorker).toBe(false);
  });

  it('carries on in the page, with everything sent so far, when the worker breaks', async () => {
    const { worker, run } = fakeWorker();
    let last: SearchHits | undefined;
    const client = createSearchClient({ spawn: () => worker, onHits: (h) => (last = h) });
    client.add([make('a', 1, 'deploy'), make('b', 2, 'deploy review')]);
    client.done();
    client.search('deploy');
    run();
    worker.onerror?.({ message: 'Script error' } as ErrorEvent);
    await vi.waitFor(() => expect(last?.complete).toBe(true));
    expect(ids(client, last)).toEqual(['b', 'a']);
    expect(client.inWorker).toBe(false);
  });
});
