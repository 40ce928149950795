import { describe, expect, it } from 'vitest';
import { highlight, snippet, textMatches } from '../../../utils/review/search-highlight';

describe('highlight', () => {
  it.each([
    [
      'Deploy on Friday',
      ['dep'],
      [
        { text: 'Deploy', match: true },
        { text: ' on Friday', match: false },
      ],
    ],
    [
      'I <b>deployed</b> it',
      ['deploy'],
      [
        { text: 'I <b>', match: false },
        { text: 'deployed', match: true },
        { text: '</b> it', match: false },
      ],
    ],
    ['Café', ['cafe'], [{ text: 'Café', match: true }]],
    ['nothing', ['x'], [{ text: 'nothing', match: false }]],
    ['text', [], [{ text: 'text', match: false }]],
    ['', ['x'], []],
  ])('%j with %j', (text, terms, segments) => {
    expect(highlight(text, terms)).toEqual(segments);
  });

  it('joins back to the original text, so nothing is lost or parsed', () => {
    const text = 'A <script>x</script> & deploy';
    expect(
      highlight(text, ['script', 'deploy'])
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });

  it('cuts a snippet around the first match', () => {
    const text = `${'lorem '.repeat(40)}the deploy failed ${'ipsum '.repeat(40)}`;
    const cut = snippet(text, ['deploy'], 30);
    expect(cut).toContain('deploy');
    expect(cut.startsWith('…')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThan(80);
    expect(snippet('short deploy', ['deploy'])).toBe('short deploy');
  });
});

describe('textMatches', () => {
  it.each([
    ['Deploy on Friday', ['fri'], true],
    ['Deploy on Friday', ['day'], false],
    ['', ['x'], false],
  ])('%j with %j → %j', (text, terms, expected) => {
    expect(textMatches(text, terms)).toBe(expected);
  });
});
