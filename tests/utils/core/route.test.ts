import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from '../../../utils/core/route';

describe('route', () => {
  it.each([
    ['', { section: 'lessons', params: {} }],
    ['#', { section: 'lessons', params: {} }],
    ['#/data', { section: 'data', params: {} }],
    [
      '#/lessons?q=deploy%20fail&tag=ops',
      { section: 'lessons', params: { q: 'deploy fail', tag: 'ops' } },
    ],
    ['#lessons?q=', { section: 'lessons', params: {} }],
    ['#/nudges/extra?x=1&x=2', { section: 'nudges', params: { x: '1' } }],
  ])('parses %j', (hash, expected) => {
    expect(parseRoute(hash, 'lessons')).toEqual(expected);
  });

  it('round-trips, dropping empty params and sorting keys', () => {
    const hash = formatRoute({ section: 'lessons', params: { tag: 'a b', q: 'x&y', from: '' } });
    expect(hash).toBe('#/lessons?q=x%26y&tag=a+b');
    expect(parseRoute(hash, 'lessons')).toEqual({
      section: 'lessons',
      params: { q: 'x&y', tag: 'a b' },
    });
  });
});
