import { describe, expect, it } from 'vitest';
import { messageGetter } from '../../../utils/i18n/message-format';

const getMessage = messageGetter({
  shareTags: { message: 'Tags: $TAGS$', placeholders: { tags: { content: '$1' } } },
  price: { message: 'Costs $$$AMOUNT$', placeholders: { amount: { content: '$1' } } },
});

describe('messageGetter (the fallback getMessage)', () => {
  it.each<[string, string, string]>([
    ['plain words', 'ci, rushed', 'Tags: ci, rushed'],
    ['a "$$" someone typed stays as typed', 'bash, $$', 'Tags: bash, $$'],
    ['a placeholder-like word someone typed is not filled in', '$TAGS$ $1', 'Tags: $TAGS$ $1'],
  ])('%s', (_name, typed, shown) => {
    expect(getMessage('shareTags', [typed])).toBe(shown);
  });

  it('"$$" in the catalogue is one dollar sign', () => {
    expect(getMessage('price', ['5'])).toBe('Costs $5');
  });
});
