import { describe, expect, it } from 'vitest';
import { bool, clampInt, isRecord, oneOf, ownRecord } from '../../../utils/core/parse';

describe('parse helpers', () => {
  it.each([
    [{}, true],
    [[], false],
    [null, false],
    ['x', false],
  ])('isRecord(%j) is %s', (value, expected) => {
    expect(isRecord(value)).toBe(expected);
  });

  it('keeps only own properties', () => {
    const crafted = Object.create({ inherited: true }) as Record<string, unknown>;
    crafted.own = 1;
    expect(ownRecord(crafted)).toEqual({ own: 1 });
    expect(Object.getPrototypeOf(ownRecord(JSON.parse('{"__proto__": {"x": 1}}')))).toBe(
      Object.prototype,
    );
  });

  it.each([
    [3.6, 4],
    [-5, 0],
    [500, 10],
    [Number.NaN, 7],
    ['3', 7],
  ])('clampInt(%j, 0, 10) is %j', (value, expected) => {
    expect(clampInt(value, 0, 10, 7)).toBe(expected);
  });

  it('oneOf and bool fall back on anything else', () => {
    expect(oneOf('b', ['a', 'b'], 'a')).toBe('b');
    expect(oneOf('c', ['a', 'b'], 'a')).toBe('a');
    expect(bool(false, true)).toBe(false);
    expect(bool('false', true)).toBe(true);
  });
});
