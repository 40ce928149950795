import { describe, expect, it } from 'vitest';
import { fixedZone } from '../../../utils/core/calendar';
import { createReflection, type Reflection } from '../../../utils/reflections/reflection';
import {
  applyView,
  compileFilter,
  EMPTY_FILTER,
  filterFromParams,
  filterToParams,
  hasFilters,
  LINEAR_SCAN,
  type ViewFilter,
} from '../../../utils/review/filter';
import { SearchIndex } from '../../../utils/review/search-index';

const utc = fixedZone(0);
const at = (iso: string) => Date.parse(iso);

function make(id: string, iso: string, patch: Partial<Reflection> = {}): Reflection {
  return {
    ...createReflection(
      { template: 'quick', answers: { learned: `lesson ${id}` }, tags: [], sting: null },
      id,
      at(iso),
    ),
    ...patch,
  };
}

describe('filter params', () => {
  it('round-trips every field', () => {
    const filter: ViewFilter = {
      q: 'deploy friday',
      tags: ['ops', 'rushed'],
      from: '2026-01-01',
      to: '2026-02-28',
      template: 'aar',
      trigger: 'idle',
      sting: 3,
      pinned: true,
    };
    expect(filterFromParams(filterToParams(filter))).toEqual(filter);
  });

  it.each([
    [{}, EMPTY_FILTER],
    [{ from: '2026-02-31', to: 'soon' }, EMPTY_FILTER],
    [{ template: 'nope', trigger: 'magic', sting: '9', pinned: 'yes' }, EMPTY_FILTER],
    [{ tags: 'a,,b,a' }, { ...EMPTY_FILTER, tags: ['a', 'b'] }],
    [{ sting: '2' }, { ...EMPTY_FILTER, sting: 2 }],
  ])('reads %j safely', (params, expected) => {
    expect(filterFromParams(params)).toEqual(expected);
  });

  it('knows when filters (not search) are set', () => {
    expect(hasFilters({ ...EMPTY_FILTER, q: 'x' })).toBe(false);
    expect(hasFilters({ ...EMPTY_FILTER, pinned: true })).toBe(true);
  });
});

describe('compileFilter', () => {
  const r = make('r', '2026-03-10T23:30:00Z', {
    tags: ['ops', 'rushed'],
    template: 'aar',
    trigger: 'idle',
    sting: 3,
    pinned: true,
  });
  it.each<[string, Partial<ViewFilter>, boolean]>([
    ['no filters', {}, true],
    ['one tag', { tags: ['ops'] }, true],
    ['all tags needed', { tags: ['ops', 'meetings'] }, false],
    ['template', { template: 'aar' }, true],
    ['other template', { template: 'quick' }, false],
    ['trigger', { trigger: 'idle' }, true],
    ['other trigger', { trigger: 'manual' }, false],
    ['sting at least 3', { sting: 3 }, true],
    ['sting at least 4', { sting: 4 }, false],
    ['pinned', { pinned: true }, true],
    ['inside the dates', { from: '2026-03-10', to: '2026-03-10' }, true],
    ['after the range', { to: '2026-03-09' }, false],
    ['before the range', { from: '2026-03-11' }, false],
  ])('%s', (_, patch, expected) => {
    expect(compileFilter({ ...EMPTY_FILTER, ...patch }, utc)(r)).toBe(expected);
  });

  it.each([
    // 23:30 UTC on the 10th is already the 11th in UTC+1, still the 10th in UTC-5.
    [60, '2026-03-11', true],
    [60, '2026-03-10', false],
    [-300, '2026-03-10', true],
  ])('dates are local days (offset %i, day %s)', (offset, day, expected) => {
    expect(compileFilter({ ...EMPTY_FILTER, from: day, to: day }, fixedZone(offset))(r)).toBe(
      expected,
    );
  });

  it('never shows deleted reflections', () => {
    expect(compileFilter(EMPTY_FILTER, utc)({ ...r, deletedAt: 1 })).toBe(false);
  });
});

describe('applyView', () => {
  const items = [
    make('c', '2026-03-03T10:00:00Z', { answers: { learned: 'deploy slowly' }, tags: ['ops'] }),
    make('b', '2026-03-02T10:00:00Z', { answers: { happened: 'a deploy broke' } }),
    make('a', '2026-03-01T10:00:00Z', { answers: { learned: 'ask first' }, tags: ['ops'] }),
  ];
  // Keyed by position, as the search client keys reflections by a number.
  const index = new SearchIndex<number>();
  for (const [key, r] of items.entries()) index.add({ ...r, id: key });
  const hitsFor = (q: string) => ({ keys: Int32Array.from(index.search(q).ids), terms: [q] });
  const ids = (filter: Partial<ViewFilter>, withIndex = true) =>
    applyView(
      items,
      { ...EMPTY_FILTER, ...filter },
      utc,
      withIndex ? hitsFor(filter.q ?? '') : null,
      (key) => items[key],
    ).items.map((r) => r.id);

  it.each<[Partial<ViewFilter>, string[]]>([
    [{}, ['c', 'b', 'a']],
    [{ tags: ['ops'] }, ['c', 'a']],
    [{ q: 'depl' }, ['c', 'b']],
    [{ q: 'deploy', tags: ['ops'] }, ['c']],
    [{ q: 'ask', to: '2026-03-01' }, ['a']],
    [{ q: 'zzz' }, []],
  ])('%j → %j', (filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });

  it('highlights the words the shown hits were found for, while a newer query is on its way', () => {
    const view = applyView(
      items,
      { ...EMPTY_FILTER, q: 'deploy sl' },
      utc,
      hitsFor('depl'),
      (key) => items[key],
    );
    expect(view.items.map((r) => r.id)).toEqual(['c', 'b']);
    expect(view.terms).toEqual(['depl']);
  });

  it('before the first answer, matches only the newest LINEAR_SCAN one by one', () => {
    const many = Array.from({ length: LINEAR_SCAN + 10 }, (_, i) =>
      make(`m${i}`, '2026-03-03T10:00:00Z', { answers: { learned: 'deploy' } }),
    );
    const view = applyView(many, { ...EMPTY_FILTER, q: 'dep' }, utc, null, () => undefined);
    expect(view.items).toHaveLength(LINEAR_SCAN);
  });

  it('matches word prefixes before the index is ready, newest first', () => {
    expect(ids({ q: 'depl' }, false)).toEqual(['c', 'b']);
    expect(ids({ q: 'ops ask' }, false)).toEqual(['a']);
  });
});
