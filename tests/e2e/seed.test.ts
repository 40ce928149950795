import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  normalizeTags,
  TRIGGERS,
  validateReflection,
} from '../../utils/reflections/reflection';
import { TEMPLATE_IDS } from '../../utils/reflections/templates';
import { generateReflections, inputOf, prng, SEED_NOW } from './seed';

const FIVE_YEARS = 5 * 365 * 86_400_000;

describe('prng', () => {
  it.each([[1], [42], [2 ** 31]])('seed %d gives the same sequence twice, in [0, 1)', (seed) => {
    const a = prng(seed);
    const b = prng(seed);
    const first = Array.from({ length: 1000 }, a);
    expect(Array.from({ length: 1000 }, b)).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('differs between seeds', () => {
    expect(prng(1)()).not.toBe(prng(2)());
  });
});

describe('generateReflections', () => {
  const records = generateReflections(2_000, { seed: 7 });

  it('is deterministic: the same seed gives the same records, another seed others', () => {
    expect(generateReflections(2_000, { seed: 7 })).toEqual(records);
    expect(generateReflections(50, { seed: 8 })).not.toEqual(records.slice(0, 50));
    // A smaller count is a prefix: seeding 1,000 then 10,000 stays consistent.
    expect(generateReflections(100, { seed: 7 })).toEqual(records.slice(0, 100));
  });

  it('passes the popup’s validation for every record', () => {
    const failures = records.filter(
      (record) =>
        validateReflection(inputOf(record)) !== null ||
        JSON.stringify(record.tags) !== JSON.stringify(normalizeTags(record.tags)),
    );
    expect(failures).toEqual([]);
  });

  it('gives unique UUIDs and dates within five years before now', () => {
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    for (const r of records) {
      expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(r.createdAt).toBeGreaterThan(SEED_NOW - FIVE_YEARS);
      expect(r.createdAt).toBeLessThanOrEqual(SEED_NOW);
      expect(r.updatedAt).toBeGreaterThanOrEqual(r.createdAt);
      expect(r.review?.nextDueAt).toBeGreaterThan(r.createdAt);
    }
  });

  it('covers every template and trigger, pinned, stung, deleted, and varied lengths and tags', () => {
    expect(new Set(records.map((r) => r.template))).toEqual(new Set(TEMPLATE_IDS));
    expect(new Set(records.map((r) => r.trigger))).toEqual(new Set(TRIGGERS));
    expect(records.some((r) => r.pinned)).toBe(true);
    expect(new Set(records.map((r) => r.sting))).toEqual(new Set([null, 1, 2, 3, 4, 5]));
    expect(records.some((r) => r.deletedAt !== null)).toBe(true);
    expect(records.some((r) => r.context !== null)).toBe(true);
    expect(records.some((r) => r.followUps.some((f) => f.outcome !== null))).toBe(true);
    const lengths = records.flatMap((r) => Object.values(r.answers).map((text) => text.length));
    expect(Math.min(...lengths)).toBeLessThan(80);
    expect(Math.max(...lengths)).toBeGreaterThan(600);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(LIMITS.answerChars);
    expect(new Set(records.flatMap((r) => r.tags)).size).toBeGreaterThan(30);
    expect(records.some((r) => r.tags.length === 0)).toBe(true);
  });
});
