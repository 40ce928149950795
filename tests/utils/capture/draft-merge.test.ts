import { describe, expect, it } from 'vitest';
import { type Draft, emptyDraft } from '../../../utils/capture/draft';
import {
  caretAfter,
  mergeDrafts,
  mergeText,
  sameContent,
} from '../../../utils/capture/draft-merge';

const draft = (patch: Partial<Draft> = {}): Draft => ({ ...emptyDraft('quick', 0), ...patch });

describe('mergeText', () => {
  it.each([
    ['same text', 'Missed it', 'Missed it', 'Missed it'],
    ['mine empty', '', 'Missed it', 'Missed it'],
    ['theirs empty', 'Missed it', '', 'Missed it'],
    ['theirs blank', 'Missed it', '  ', 'Missed it'],
    ['they typed on', 'Missed', 'Missed the stand-up', 'Missed the stand-up'],
    ['I typed on', 'Missed the stand-up', 'Missed', 'Missed the stand-up'],
    ['they added in front', 'the stand-up', 'I missed the stand-up', 'I missed the stand-up'],
    ['both typed different words', 'Overslept', 'Missed the bus', 'Missed the bus\nOverslept'],
    [
      'the same two, merged the other way',
      'Missed the bus',
      'Overslept',
      'Missed the bus\nOverslept',
    ],
  ])('%s: %j + %j → %j', (_, mine, theirs, merged) => {
    expect(mergeText(mine, theirs)).toBe(merged);
  });
});

describe('mergeDrafts', () => {
  const base = draft({ answers: { happened: 'Missed', learned: 'Set an alarm' }, rev: 3 });
  it.each<[string, Partial<Draft>, Partial<Draft>, Draft | null, Partial<Draft>]>([
    [
      'each side typed in another answer: both kept',
      { answers: { happened: 'Missed the stand-up' } },
      { answers: { learned: 'Set two alarms' } },
      null,
      { answers: { happened: 'Missed the stand-up', learned: 'Set two alarms' } },
    ],
    [
      'both typed in one answer: the longer, which holds the other',
      { answers: { happened: 'Missed the stand-up' } },
      { answers: { happened: 'Missed the' } },
      null,
      { answers: { happened: 'Missed the stand-up' } },
    ],
    [
      'both typed different text in one answer: both texts kept',
      { answers: { happened: 'Overslept' } },
      { answers: { happened: 'Missed the bus' } },
      null,
      { answers: { happened: 'Missed the bus\nOverslept' } },
    ],
    [
      'with a base, a deletion the other side made is taken (I did not touch that answer)',
      { answers: { happened: 'Missed', learned: 'Set an alarm' } },
      { answers: { happened: 'Missed', learned: 'Set' } },
      base,
      { answers: { happened: 'Missed', learned: 'Set' } },
    ],
    [
      'with a base, what I typed since stays, what they typed since comes in',
      { answers: { happened: 'Missed the stand-up', learned: 'Set an alarm' } },
      { answers: { happened: 'Missed', learned: 'Set an alarm at 8' } },
      base,
      { answers: { happened: 'Missed the stand-up', learned: 'Set an alarm at 8' } },
    ],
    [
      'a staged nudge brings its trigger and page; the typed answers stay',
      { answers: { happened: 'Talked over the demo' } },
      {
        trigger: 'site',
        context: { title: 'Sprint review', url: 'https://meet.example.com/sprint' },
        attachPage: true,
      },
      draft(),
      {
        answers: { happened: 'Talked over the demo' },
        trigger: 'site',
        context: { title: 'Sprint review', url: 'https://meet.example.com/sprint' },
        attachPage: true,
      },
    ],
    [
      'without a base: their trigger and page, my template, sting and tags of both',
      { template: 'aar', sting: 2, tags: ['meetings'], tagText: 'dem' },
      { trigger: 'context-menu', context: { url: 'https://example.com' }, tags: ['demo'] },
      null,
      {
        template: 'aar',
        sting: 2,
        tags: ['meetings', 'demo'],
        tagText: 'dem',
        trigger: 'context-menu',
        context: { url: 'https://example.com' },
      },
    ],
    [
      'a manual trigger does not replace a nudge’s',
      { trigger: 'schedule' },
      { trigger: 'manual', sting: 4 },
      null,
      { trigger: 'schedule', sting: 4 },
    ],
    [
      'the draft was saved elsewhere (theirs is empty): untouched answers go, new typing stays',
      { answers: { happened: 'Missed', learned: 'Set an alarm, and a second one' } },
      {},
      base,
      { answers: { happened: '', learned: 'Set an alarm, and a second one' } },
    ],
  ])('%s', (_, mine, theirs, from, expected) => {
    const merged = mergeDrafts(draft(mine), draft(theirs), from);
    expect(sameContent(merged, draft(expected))).toBe(true);
    expect(merged).toMatchObject(expected);
  });

  it('never drops the text of an answer, whichever side merges', () => {
    const a = draft({ answers: { happened: 'Overslept', nextTime: 'Alarm' } });
    const b = draft({ answers: { happened: 'Missed the bus', learned: 'Leave early' } });
    for (const merged of [mergeDrafts(a, b), mergeDrafts(b, a)]) {
      for (const text of ['Overslept', 'Alarm', 'Missed the bus', 'Leave early']) {
        expect(Object.values(merged.answers).join('\n')).toContain(text);
      }
    }
    // Both pages reach the same draft, so they stop merging.
    expect(sameContent(mergeDrafts(a, b), mergeDrafts(b, a))).toBe(true);
  });

  it('counts on from the newer revision', () => {
    expect(mergeDrafts(draft({ rev: 4 }), draft({ rev: 7 })).rev).toBe(7);
  });
});

describe('caretAfter', () => {
  it.each([
    ['text added after the caret', 'Missed', 'Missed the bus', 6, 6],
    ['text added before the caret', 'the bus', 'Missed the bus', 7, 14],
    ['text added before, caret mid-word', 'the bus', 'Missed the bus', 3, 10],
    ['both changed around it', 'abc', 'xbz', 2, 2],
    ['text got shorter', 'abcdef', 'ab', 5, 2],
  ])('%s', (_, before, after, caret, expected) => {
    expect(caretAfter(before, after, caret)).toBe(expected);
  });
});
