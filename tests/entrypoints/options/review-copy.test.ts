import { describe, expect, it } from 'vitest';
import { createReviewCopy } from '../../../entrypoints/options/review-copy';
import type { Reflection } from '../../../utils/reflections/reflection';
import { richReflection } from '../../helpers/reflections';

/** Reflection n, created n hours after a fixed moment: a higher n is newer. */
const r = (n: number, over: Partial<Reflection> = {}) => richReflection(n, over);
const ids = (list: readonly Reflection[]) => list.map((x) => x.id.slice(-2));

/** A copy whose full read found these reflections, in the database's key order. */
function readCopy(...found: Reflection[]) {
  const copy = createReviewCopy();
  copy.beginRead();
  for (const x of found) copy.add(x);
  copy.finishRead();
  return copy;
}

describe('the review copy before the full read', () => {
  it('serves the first page, and puts a new save in its place by date', () => {
    const copy = createReviewCopy();
    copy.setFirstPage([r(5), r(3)]);
    const before = copy.firstPage();
    copy.apply(r(4));
    expect(copy.isComplete()).toBe(false);
    expect(ids(copy.newestFirst())).toEqual(['05', '04', '03']);
    // A new array, so a signal holding the first page sees the change.
    expect(copy.firstPage()).not.toBe(before);
  });

  it('drops a deleted reflection from the first page but still finds it for "Undo"', () => {
    const copy = createReviewCopy();
    copy.setFirstPage([r(5), r(3)]);
    copy.apply(r(5, { deletedAt: 1 }));
    expect(ids(copy.newestFirst())).toEqual(['03']);
    expect(copy.get(r(5).id)?.deletedAt).toBe(1);
  });

  it('looks a reflection of the first page up before the read reaches it', () => {
    const copy = createReviewCopy();
    copy.setFirstPage([r(7)]);
    expect(copy.lookup(r(7).id)?.id).toBe(r(7).id);
    expect(copy.get(r(7).id)).toBeUndefined();
  });
});

describe('the review copy once read', () => {
  it('holds the live reflections newest first, whatever order they were read in', () => {
    const copy = readCopy(r(2), r(9), r(4, { deletedAt: 1 }), r(6));
    expect(copy.isComplete()).toBe(true);
    expect(ids(copy.newestFirst())).toEqual(['09', '06', '02']);
    expect(copy.get(r(4).id)?.deletedAt).toBe(1);
  });

  it.each<[string, Reflection, string[]]>([
    ['a new one lands by date', r(5), ['09', '06', '05', '02']],
    ['an edit keeps one place', r(6, { pinned: true }), ['09', '06', '02']],
    ['a delete leaves the list', r(6, { deletedAt: 1 }), ['09', '02']],
    ['a restore comes back in place', r(4), ['09', '06', '04', '02']],
  ])('%s', (_name, change, expected) => {
    const copy = readCopy(r(2), r(9), r(4, { deletedAt: 1 }), r(6));
    copy.apply(change);
    expect(ids(copy.newestFirst())).toEqual(expected);
    expect(copy.get(change.id)).toBe(change);
  });

  it('reopened by a bulk change, it serves the first page again until the re-read ends', () => {
    const copy = readCopy(r(2), r(9));
    copy.setFirstPage([r(9)]);
    copy.reopen();
    expect(ids(copy.newestFirst())).toEqual(['09']);
    // What was read stays findable until the re-read begins.
    expect(copy.get(r(2).id)?.id).toBe(r(2).id);
    copy.beginRead();
    expect(copy.get(r(2).id)).toBeUndefined();
  });

  it('lists tags most used first, ties in alphabetical order, deleted ones left out', () => {
    const copy = readCopy(
      r(1, { tags: ['ops', 'deploy'] }),
      r(2, { tags: ['deploy', 'ops'] }),
      r(3, { tags: ['ops'] }),
      r(4, { tags: ['zebra'], deletedAt: 1 }),
      r(5, { tags: ['alpha'] }),
    );
    expect(copy.tags()).toEqual(['ops', 'deploy', 'alpha']);
  });
});
