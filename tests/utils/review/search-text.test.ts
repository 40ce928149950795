import { describe, expect, it } from 'vitest';
import { normalizeText, queryTerms, tokenize } from '../../../utils/review/search-text';

describe('tokenize', () => {
  it.each([
    ['Deploy on Friday!', ['deploy', 'on', 'friday']],
    ['code-review, rushed', ['code', 'review', 'rushed']],
    ['Café résumé', ['cafe', 'resume']],
    ['  ', []],
    ['v2 release 10x', ['v2', 'release', '10x']],
  ])('%j → %j', (text, words) => {
    expect(tokenize(text)).toEqual(words);
  });

  it('drops repeated query words', () => {
    expect(queryTerms('deploy Deploy friday')).toEqual(['deploy', 'friday']);
  });
});

describe('normalizeText', () => {
  it.each([
    ['Café', 'cafe'],
    ['ÄRGER über Fehler', 'arger uber fehler'],
    ['plain ascii', 'plain ascii'],
  ])('%j → %j', (text, normal) => {
    expect(normalizeText(text)).toBe(normal);
  });
});
