import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../utils/core/markdown';

describe('escapeMarkdown', () => {
  it.each([
    ['plain words.', 'plain words.'],
    ['a_b*c`d', 'a\\_b\\*c\\`d'],
    ['# not a heading', '\\# not a heading'],
    ['- not a list', '\\- not a list'],
    ['1. not a list', '1\\. not a list'],
    ['> not a quote', '\\> not a quote'],
    ['a | b', 'a \\| b'],
    ['line one\nline two', 'line one  \nline two'],
    ['well-known 3.5 - fine', 'well-known 3.5 - fine'],
  ])('%j → %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});
