import { describe, expect, it } from 'vitest';
import { syntheticReflections } from '../../../bench/synthetic';
import { createReflection, type Reflection } from '../../../utils/reflections/reflection';
import { SearchIndex } from '../../../utils/review/search-index';

function make(id: string, createdAt: number, answers: Record<string, string>, tags: string[] = []) {
  return createReflection({ template: 'quick', answers, tags, sting: null }, id, createdAt);
}

describe('SearchIndex ranking', () => {
  const docs = [
    make('old-lesson', 1000, { learned: 'Deploy with a checklist', happened: 'x' }),
    make('new-happened', 3000, { happened: 'The deploy broke', learned: 'Slow down' }),
    make('new-lesson', 2000, { learned: 'Deploy with a checklist', happened: 'y' }),
    make('prefix-only', 4000, { learned: 'Deployment freezes help' }),
    make('tagged', 500, { learned: 'Nothing here' }, ['deploy']),
  ];
  const index = new SearchIndex();
  for (const doc of docs) index.add(doc);

  it.each([
    // Exact words in the lesson and in tags weigh most; equal scores go newest first.
    ['deploy', ['new-lesson', 'old-lesson', 'tagged', 'new-happened', 'prefix-only']],
    // Only prefixes: a closer word wins, and a lesson still outweighs another answer.
    ['depl', ['new-lesson', 'old-lesson', 'tagged', 'prefix-only', 'new-happened']],
    ['deploym', ['prefix-only']],
    ['deploy checklist', ['new-lesson', 'old-lesson']],
    ['checklist deploy', ['new-lesson', 'old-lesson']],
    ['deploy nowhere', []],
    ['', []],
    ['DEPLOY  CHECK', ['new-lesson', 'old-lesson']],
  ])('%j → %j', (query, ids) => {
    expect(index.search(query).ids).toEqual(ids);
  });

  it('returns the query words for highlighting', () => {
    expect(index.search('Deploy check').terms).toEqual(['deploy', 'check']);
  });
});

describe('SearchIndex updates', () => {
  it('follows saves, edits, deletes and restores', () => {
    const index = new SearchIndex();
    const first = make('a', 1, { learned: 'Backups before migrations' });
    index.add(first);
    index.add(make('b', 2, { learned: 'Ask early' }));
    expect(index.search('backup').ids).toEqual(['a']);
    expect(index.size).toBe(2);

    const edited: Reflection = { ...first, answers: { learned: 'Rehearse the rollback' } };
    index.add(edited);
    expect(index.search('backup').ids).toEqual([]);
    expect(index.search('rollback').ids).toEqual(['a']);
    expect(index.size).toBe(2);

    index.add({ ...edited, deletedAt: 5 });
    expect(index.search('rollback').ids).toEqual([]);
    expect(index.has('a')).toBe(false);

    index.add(edited);
    expect(index.search('roll').ids).toEqual(['a']);

    index.remove('b');
    expect(index.search('ask').ids).toEqual([]);
    expect(index.size).toBe(1);
  });

  it('finds words added after the first search (the sorted word list stays correct)', () => {
    const index = new SearchIndex();
    index.add(make('a', 1, { learned: 'alpha' }));
    expect(index.search('alp').ids).toEqual(['a']);
    for (let i = 0; i < 100; i++) index.add(make(`n${i}`, 10 + i, { learned: `word${i} zulu` }));
    index.add(make('z', 500, { learned: 'aardvark' }));
    expect(index.search('aard').ids).toEqual(['z']);
    expect(index.search('word42').ids).toEqual(['n42']);
    expect(index.search('zul').ids).toHaveLength(100);
  });
});

describe('SearchIndex ordering of many hits', () => {
  const docs = syntheticReflections(0, 1500, Date.UTC(2026, 10, 29)) as unknown as Reflection[];
  // Same createdAt for a pair, so the tie rule (older document number first) is exercised.
  const twin = { ...(docs[10] as Reflection), id: 'twin' };
  const build = (bucketFrom: number) => {
    const index = new SearchIndex(bucketFrom);
    for (const r of [...docs, twin]) index.add(r);
    index.remove((docs[3] as Reflection).id);
    return index;
  };
  const sorted = build(Number.POSITIVE_INFINITY);
  const bucketed = build(0);

  it.each(['d', 'de', 'deploy', 'deploy r', 're', 'the a', 'kal', 'rushed review', 'zzz'])(
    'score buckets give the same order as sorting: "%s"',
    (query) => {
      const expected = sorted.search(query).ids;
      expect(bucketed.search(query).ids).toEqual(expected);
      // Searching again (scratch arrays reused) changes nothing.
      expect(bucketed.search(query).ids).toEqual(expected);
    },
  );

  it('keeps the order right after an edit between searches', () => {
    const edited = { ...(docs[0] as Reflection), answers: { learned: 'deploy deploy deploy' } };
    for (const index of [sorted, bucketed]) {
      index.search('dep');
      index.add(edited);
    }
    expect(bucketed.search('dep').ids).toEqual(sorted.search('dep').ids);
    expect(bucketed.search('dep').ids[0]).toBe(edited.id);
  });
});

describe('SearchIndex while it is being built', () => {
  const docs = syntheticReflections(0, 1200, Date.UTC(2026, 10, 29)) as unknown as Reflection[];

  it('searches between slices rank exactly like the same changes made without searching', () => {
    // Buckets from 0 hits, so every search walks the date order that slices merge into.
    const growing = new SearchIndex(0);
    const log: ((index: SearchIndex) => void)[] = [];
    for (let from = 0; from < docs.length; from += 300) {
      const edited = { ...(docs[from] as Reflection), answers: { learned: 'deploy again' } };
      const gone = (docs[from + 1] as Reflection).id;
      // A slice, then an edit and a delete: both retire a number in the date order.
      const step = (index: SearchIndex) => {
        for (const r of docs.slice(from, from + 300)) index.add(r);
        index.add(edited);
        index.remove(gone);
      };
      step(growing);
      log.push(step);
      const replayed = new SearchIndex(Number.POSITIVE_INFINITY);
      for (const change of log) change(replayed);
      for (const query of ['d', 're', 'deploy a']) {
        expect(growing.search(query).ids).toEqual(replayed.search(query).ids);
      }
    }
  });
});
