import { describe, expect, it } from 'vitest';
import { characters, clip } from '../../../utils/core/clip';
import { lessonFromBefore, nudgeWording } from '../../../utils/nudges/nudge-wording';
import { followUpWording } from '../../../utils/nudges/reminder-wording';

const FAMILY = '👨‍👩‍👧'; // three people joined by zero-width joiners: one grapheme, 8 UTF-16 units
const CODER = '👩🏽‍💻'; // skin tone and ZWJ: one grapheme, 7 units
const FLAG = '🇩🇪'; // two regional indicators: one grapheme, 4 units
const ACCENT = 'e\u0301'; // e + combining acute: one grapheme, 2 units

describe('clip', () => {
  it.each([
    // [text, max, atWord, expected]
    ['short', 10, false, 'short'],
    ['exactly ten', 11, false, 'exactly ten'],
    ['abcdefghij', 5, false, 'abcd…'],
    [`abc${FAMILY}def`, 5, false, `abc${FAMILY}…`],
    [`abcd${FAMILY}`, 5, false, `abcd${FAMILY}`], // five graphemes fit, though 12 units
    [`${CODER}${CODER}${CODER}`, 3, false, `${CODER}${CODER}${CODER}`],
    [`${CODER}${CODER}${CODER}${CODER}`, 3, false, `${CODER}${CODER}…`],
    [`${FLAG}${FLAG}${FLAG}`, 2, false, `${FLAG}…`],
    [`caf${ACCENT}s and more`, 5, false, `caf${ACCENT}…`],
    ['🙈🙈🙈🙈🙈🙈', 4, false, '🙈🙈🙈…'],
    ['ship the fix before lunch', 16, true, 'ship the fix…'],
    ['shipthefixbeforelunch', 10, true, 'shipthefi…'],
  ] as const)('clip(%j, %i, %s) → %j', (text, max, atWord, expected) => {
    expect(clip(text, max, atWord)).toBe(expected);
  });

  it.each([
    // Without Intl.Segmenter: whole code points, so never half a surrogate pair.
    ['🙈🙈🙈🙈🙈🙈', 4, '🙈🙈🙈…'],
    ['ab😀cd😀ef', 4, 'ab😀…'],
  ] as const)('without a segmenter, clip(%j, %i) → %j', (text, max, expected) => {
    const clipped = clip(text, max, false, false);
    expect(clipped).toBe(expected);
    expect(clipped).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no lone high surrogate
  });

  it('never leaves a lone surrogate, whatever the limit', () => {
    const text = `${FAMILY}${CODER}${FLAG}🙈x`.repeat(3);
    for (let max = 1; max <= 20; max++) {
      for (const segmenter of [true, false]) {
        const clipped = clip(text, max, false, segmenter);
        expect(clipped).toBe(clipped.toWellFormed());
        expect(characters(clipped, segmenter).length).toBeLessThanOrEqual(max);
      }
    }
  });
});

describe('notification text is cut between characters, never through one', () => {
  // Each cut lands right after the 59th / 119th / 199th unit: the middle of an emoji's pair.
  const title = `${'a'.repeat(58)}🙈🙈🙈`;
  const nextTime = `${'b'.repeat(118)}🔥🔥🔥`;
  const learned = `${'c'.repeat(198)}👩🏽‍💻👩🏽‍💻👩🏽‍💻`;

  it.each([
    ['a nudge naming the page', () => nudgeWording('site', 0, { title }).title, '🙈…'],
    [
      'a follow-up reminder',
      () => followUpWording([{ id: 'r', dueAt: 0, nextTime }]).message,
      '🔥…',
    ],
    [
      'the lesson from before',
      () => lessonFromBefore(learned).message,
      `${'c'.repeat(198)}👩🏽‍💻…`,
    ],
  ] as const)('%s', (_name, make, ending) => {
    const message = make();
    expect(message).toBe(message.toWellFormed());
    expect(message).toContain(ending);
  });
});
