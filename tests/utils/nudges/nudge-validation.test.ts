import { describe, expect, it } from 'vitest';
import {
  parseSitePatterns,
  parseTimeList,
  sitePatternProblem,
  timeProblem,
  weekdaysProblem,
} from '../../../utils/nudges/nudge-validation';

describe('validation in plain words', () => {
  it.each([
    ['17:30', null],
    ['9:05', null],
    ['25:00', "“25:00” isn't a time of day. Use 24-hour hours and minutes, like 17:30."],
    ['17:60', "“17:60” isn't a time of day. Use 24-hour hours and minutes, like 17:30."],
    ['', 'Type a time, like 17:30.'],
  ])('time “%s”', (text, problem) => {
    expect(timeProblem(text)).toBe(problem);
  });

  it('a list of times names the first bad one, and keeps good ones sorted and unique', () => {
    expect(parseTimeList('17:30, 09:00 17:30')).toEqual({
      times: ['09:00', '17:30'],
      problem: null,
    });
    expect(parseTimeList('09:00, 25:00').problem).toMatch(/25:00/);
    expect(parseTimeList('  ').problem).toBe('Add at least one time, like 17:30.');
  });

  it('an empty weekday set', () => {
    expect(weekdaysProblem([])).toBe('Pick at least one day, or switch the schedule off.');
    expect(weekdaysProblem([1])).toBeNull();
  });

  it.each([
    ['meet.google.com', null],
    ['*.zoom.us', null],
    ['https://ci.example.com/builds/*', null],
    ['localhost:8080/ci', null],
    ['meet google', 'has a space'],
    ['file:///etc/passwd', "isn't a web address"],
    ['/just/a/path', "doesn't start with a site name"],
    ['', 'Type a site'],
  ])('site pattern “%s”', (pattern, problem) => {
    const found = sitePatternProblem(pattern);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });

  it('site patterns, one per line', () => {
    expect(parseSitePatterns('meet.google.com\n\n ci.example.com/builds/* \n')).toEqual({
      patterns: ['meet.google.com', 'ci.example.com/builds/*'],
      problem: null,
    });
    expect(parseSitePatterns('meet.google.com\nbad pattern').problem).toMatch(/bad pattern/);
  });
});
