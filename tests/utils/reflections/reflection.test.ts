import { describe, expect, it } from 'vitest';
import {
  createReflection,
  LIMITS,
  normalizeTag,
  normalizeTags,
  parseTagText,
  type ReflectionInput,
  validateReflection,
} from '../../../utils/reflections/reflection';
import { useLanguage } from '../../i18n-fake';

const input = (over: Partial<ReflectionInput> = {}): ReflectionInput => ({
  template: 'quick',
  answers: { happened: 'Merged without review', learned: 'Slow down', nextTime: 'Ask for review' },
  tags: [],
  sting: null,
  ...over,
});

describe('tag normalisation', () => {
  it.each([
    ['  Code Review ', 'code-review'],
    ['MEETINGS', 'meetings'],
    ['a\t b', 'a-b'],
    ['   ', ''],
    ['ünïcödé', 'ünïcödé'],
  ])('normalizeTag(%j) is %j', (raw, expected) => {
    expect(normalizeTag(raw)).toBe(expected);
  });

  it('drops empties and duplicates, keeping first-seen order', () => {
    expect(normalizeTags(['B', 'a', ' b ', '', 'A'])).toEqual(['b', 'a']);
  });

  it('splits typed text on commas', () => {
    expect(parseTagText('deploys, Friday , ,deploys')).toEqual(['deploys', 'friday']);
  });
});

describe('validateReflection', () => {
  it('accepts one non-empty answer', () => {
    expect(validateReflection(input({ answers: { learned: 'x' } }))).toBeNull();
  });

  it.each([
    [{}, 'Write a few words in any answer to save.'],
    [{ happened: '   ', learned: '\n' }, 'Write a few words in any answer to save.'],
  ])('asks for words when answers are %j', (answers, message) => {
    expect(validateReflection(input({ answers }))?.form).toBe(message);
  });

  it('allows exactly the answer limit and names the excess past it', () => {
    expect(
      validateReflection(input({ answers: { learned: 'a'.repeat(LIMITS.answerChars) } })),
    ).toBeNull();
    const errors = validateReflection(
      input({ answers: { learned: 'a'.repeat(LIMITS.answerChars + 1) } }),
    );
    expect(errors?.answers.learned).toMatch(/^This answer is 1 character over the 5,000 limit/);
  });

  // The plural follows the UI language's rules, not `=== 1` (once "1 characters over").
  it.each([
    ['en', 1, 'This answer is 1 character over the 5,000 limit.'],
    ['en', 2, 'This answer is 2 characters over the 5,000 limit.'],
    ['en', 1234, 'This answer is 1,234 characters over the 5,000 limit.'],
    ['de', 1, 'Diese Antwort ist 1 Zeichen über der Grenze von 5.000.'],
    ['de', 2, 'Diese Antwort ist 2 Zeichen über der Grenze von 5.000.'],
  ])('in %s, %i past the limit says "%s"', (language, over, start) => {
    useLanguage(language);
    const learned = 'a'.repeat(LIMITS.answerChars + over);
    expect(validateReflection(input({ answers: { learned } }))?.answers.learned).toContain(start);
  });

  it('limits the number and length of tags', () => {
    const many = Array.from({ length: LIMITS.tags + 2 }, (_, i) => `t${i}`);
    expect(validateReflection(input({ tags: many }))?.tags).toBe(
      'Up to 20 tags, please — remove 2.',
    );
    expect(validateReflection(input({ tags: ['x'.repeat(41)] }))?.tags).toMatch(
      /up to 40 characters/,
    );
    expect(validateReflection(input({ tags: ['x'.repeat(40)] }))).toBeNull();
  });
});

describe('createReflection', () => {
  it('builds the full record with defaults and drops blank answers', () => {
    const r = createReflection(
      input({ answers: { happened: 'It broke', learned: '  ' }, tags: ['Deploys'], sting: 3 }),
      'id-1',
      1_700_000_000_000,
    );
    expect(r).toEqual({
      id: 'id-1',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
      template: 'quick',
      answers: { happened: 'It broke' },
      tags: ['deploys'],
      sting: 3,
      trigger: 'manual',
      context: null,
      followUps: [],
      share: null,
      pinned: false,
      review: { count: 0, nextDueAt: 1_700_000_000_000 + 7 * 86_400_000, retired: false },
      deletedAt: null,
    });
  });

  it('keeps what was typed exactly, HTML included', () => {
    const text = '<img src=x onerror=alert(1)> <script>alert(2)</script> مرحبا 🎉';
    expect(createReflection(input({ answers: { learned: text } }), 'a', 1).answers.learned).toBe(
      text,
    );
  });
});
