import { describe, expect, it } from 'vitest';
import { matchesSitePattern, matchingPattern } from '../../../utils/core/url-pattern';

describe('matchesSitePattern', () => {
  it.each([
    ['https://meet.google.com/abc-defg-hij', 'meet.google.com', true],
    ['https://calendar.google.com/', 'meet.google.com', false],
    ['https://us02web.zoom.us/j/123', '*.zoom.us', true],
    ['https://zoom.us/', '*.zoom.us', true],
    ['https://notzoom.us/', '*.zoom.us', false],
    ['https://ci.example.com/builds/42', 'ci.example.com/builds/*', true],
    ['https://ci.example.com/builds/42', 'ci.example.com/builds', true],
    ['https://ci.example.com/settings', 'ci.example.com/builds/*', false],
    ['http://localhost:8080/ci/run', 'localhost:8080/ci', true],
    ['https://MEET.google.com/x', 'meet.google.com', true],
    ['https://meet.google.com.evil.test/', 'meet.google.com', false],
    ['chrome://settings', 'settings', false],
    ['not a url', 'meet.google.com', false],
  ])('%s vs %s → %s', (url, pattern, expected) => {
    expect(matchesSitePattern(url, pattern)).toBe(expected);
  });

  it('finds the first matching pattern', () => {
    expect(matchingPattern('https://a.example.com/', ['b.example.com', '*.example.com'])).toBe(
      '*.example.com',
    );
    expect(matchingPattern(undefined, ['*.example.com'])).toBeNull();
  });
});
