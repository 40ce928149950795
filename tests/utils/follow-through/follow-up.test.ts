import { describe, expect, it } from 'vitest';
import {
  answerFollowUp,
  appliedRate,
  dueFollowUps,
  followUpDueAt,
  isClosed,
  openCommitments,
} from '../../../utils/follow-through/follow-up';
import {
  DEFAULT_FOLLOW_UP_SETTINGS,
  type FollowUpSettings,
  parseFollowUpSettings,
  planFollowUps,
  replanFollowUps,
} from '../../../utils/follow-through/follow-up-plan';
import type { FollowUp } from '../../../utils/reflections/reflection';
import {
  createReflection,
  type FollowUpOutcome,
  type Reflection,
} from '../../../utils/reflections/reflection';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1, 9);

function withCommitment(id: string, createdAt = T0, over: Partial<Reflection> = {}): Reflection {
  const answers = { learned: 'Read the diff', nextTime: 'Run it locally first' };
  return {
    ...createReflection({ template: 'quick', answers, tags: [], sting: null }, id, createdAt),
    followUps: planFollowUps(answers, createdAt, DEFAULT_FOLLOW_UP_SETTINGS),
    ...over,
  };
}

describe('planFollowUps', () => {
  it('plans 1, 7 and 30 days after writing', () => {
    expect(
      planFollowUps({ nextTime: 'x' }, T0, DEFAULT_FOLLOW_UP_SETTINGS).map(
        (f) => (f.dueAt - T0) / DAY,
      ),
    ).toEqual([1, 7, 30]);
  });

  it.each([
    [{ learned: 'x' }, DEFAULT_FOLLOW_UP_SETTINGS],
    [{ nextTime: '   ' }, DEFAULT_FOLLOW_UP_SETTINGS],
    [{ nextTime: 'x' }, { ...DEFAULT_FOLLOW_UP_SETTINGS, enabled: false }],
  ])('plans nothing for %j', (answers, settings) => {
    expect(planFollowUps(answers, T0, settings)).toEqual([]);
  });
});

describe('replanFollowUps: editing "next time" on the review page', () => {
  const NOW = T0 + 40 * DAY; // the edit, long after writing
  const open = (days: number): FollowUp => ({
    dueAt: T0 + days * DAY,
    answeredAt: null,
    outcome: null,
    note: '',
  });
  const done = (days: number, outcome: FollowUpOutcome): FollowUp => ({
    dueAt: T0 + days * DAY,
    answeredAt: T0 + days * DAY,
    outcome,
    note: '',
  });
  const fromNow = (days: number): FollowUp => ({ ...open(0), dueAt: NOW + days * DAY });
  const off = { ...DEFAULT_FOLLOW_UP_SETTINGS, enabled: false };

  it.each<
    [string, string | undefined, FollowUp[], string | undefined, FollowUp[], FollowUpSettings?]
  >([
    [
      'written where there was none: planned from the edit',
      '',
      [],
      'Ask first',
      [fromNow(1), fromNow(7), fromNow(30)],
    ],
    ['a template without "next time": nothing', undefined, [], undefined, []],
    ['only spaces written: nothing', '', [], '   ', []],
    ['written while follow-ups are off: nothing', '', [], 'Ask first', [], off],
    ['emptied: the unanswered checks go', 'Ask first', [open(1), open(7), open(30)], '', []],
    [
      'emptied: answered checks stay as history',
      'Ask first',
      [done(1, 'partly'), open(7), open(30)],
      ' ',
      [done(1, 'partly')],
    ],
    [
      'reworded: the same plan',
      'Ask first',
      [done(1, 'partly'), open(7)],
      'Ask before merging',
      [done(1, 'partly'), open(7)],
    ],
    ['unchanged: the same plan', 'Ask first', [open(1)], 'Ask first', [open(1)]],
    [
      'written again after emptying: history and a new plan',
      '',
      [done(1, 'not-yet')],
      'Pair on it',
      [done(1, 'not-yet'), fromNow(1), fromNow(7), fromNow(30)],
    ],
    [
      'written again after it was applied: stays closed',
      '',
      [done(1, 'applied')],
      'Something new',
      [done(1, 'applied')],
    ],
  ])('%s', (_name, before, followUps, after, expected, settings = DEFAULT_FOLLOW_UP_SETTINGS) => {
    const answers: Record<string, string> = before === undefined ? {} : { nextTime: before };
    expect(replanFollowUps({ answers, followUps }, after, NOW, settings)).toEqual(expected);
  });
});

describe('parseFollowUpSettings', () => {
  it.each([
    [undefined, DEFAULT_FOLLOW_UP_SETTINGS],
    [{ afterDays: [30, 3, 3, 0, -1, 'x'] }, { ...DEFAULT_FOLLOW_UP_SETTINGS, afterDays: [3, 30] }],
    [{ afterDays: [] }, DEFAULT_FOLLOW_UP_SETTINGS],
    [
      { afterDays: [1, 2, 3, 4, 5, 6, 7] },
      { ...DEFAULT_FOLLOW_UP_SETTINGS, afterDays: [1, 2, 3, 4, 5] },
    ],
    [
      { enabled: false, retryDays: 500 },
      { ...DEFAULT_FOLLOW_UP_SETTINGS, enabled: false, retryDays: 90 },
    ],
  ])('repairs %j', (raw, expected) => {
    expect(parseFollowUpSettings(raw)).toEqual(expected);
  });
});

describe('answering', () => {
  const answer = (r: Reflection, outcome: FollowUpOutcome, at: number) =>
    answerFollowUp(r, outcome, ` note ${outcome} `, at, DEFAULT_FOLLOW_UP_SETTINGS);

  it('is due one day after writing, and not before', () => {
    const r = withCommitment('a');
    expect(dueFollowUps([r], T0 + DAY - 1)).toEqual([]);
    expect(dueFollowUps([r], T0 + DAY)).toEqual([r]);
  });

  it('"applied" closes the commitment and keeps the note', () => {
    const r = answer(withCommitment('a'), 'applied', T0 + DAY + 5);
    expect(isClosed(r)).toBe(true);
    expect(followUpDueAt(r, T0 + DAY + 5)).toBeNull();
    expect(r.followUps).toEqual([
      { dueAt: T0 + DAY, answeredAt: T0 + DAY + 5, outcome: 'applied', note: 'note applied' },
    ]);
  });

  it('"no longer relevant" closes it too', () => {
    expect(
      followUpDueAt(answer(withCommitment('a'), 'no-longer-relevant', T0 + DAY), T0 + DAY),
    ).toBeNull();
  });

  it('"partly" moves on to the next planned check', () => {
    expect(followUpDueAt(answer(withCommitment('a'), 'partly', T0 + DAY), T0 + DAY)).toBe(
      T0 + 7 * DAY,
    );
  });

  it('"not yet" asks again a week later when nothing sooner is planned', () => {
    let r = withCommitment('a');
    r = answer(r, 'partly', T0 + DAY); // next: day 7
    r = answer(r, 'not-yet', T0 + 7 * DAY); // next: day 14 (sooner than day 30)
    expect(followUpDueAt(r, T0 + 7 * DAY)).toBe(T0 + 14 * DAY);
    r = answer(r, 'not-yet', T0 + 14 * DAY); // day 30 is 16 days away: retry at day 21
    expect(followUpDueAt(r, T0 + 14 * DAY)).toBe(T0 + 21 * DAY);
  });

  it('"not yet" on the last check keeps asking', () => {
    const r = withCommitment('a', T0, {
      followUps: [{ dueAt: T0, answeredAt: null, outcome: null, note: '' }],
    });
    expect(followUpDueAt(answer(r, 'not-yet', T0 + 1), T0 + 1)).toBe(T0 + 1 + 7 * DAY);
  });

  it.each<[string, number, number | null]>([
    ['before day 1: day 1 comes next', T0 + DAY - 1, T0 + DAY],
    ['day 1 due', T0 + DAY, T0 + DAY],
    ['day 1 ignored, day 7 due: day 7, not day 1', T0 + 7 * DAY, T0 + 7 * DAY],
    ['all three ignored: day 30', T0 + 40 * DAY, T0 + 30 * DAY],
  ])('asks about the latest check due: %s', (_name, now, dueAt) => {
    expect(followUpDueAt(withCommitment('a'), now)).toBe(dueAt);
    expect(dueFollowUps([withCommitment('a')], now).length).toBe(
      dueAt !== null && dueAt <= now ? 1 : 0,
    );
  });

  it.each<[FollowUpOutcome, (number | null)[][]]>([
    ['applied', [[7, 8]]],
    [
      'partly',
      [
        [7, 8],
        [30, null],
      ],
    ],
    [
      'not-yet',
      [
        [7, 8],
        [30, null],
        [15, null], // the retry is appended; nothing reads the list in order
      ],
    ],
    ['no-longer-relevant', [[7, 8]]],
  ])('answering day 7 after ignoring day 1 (%s) folds day 1 away', (outcome, checks) => {
    const r = answer(withCommitment('a'), outcome, T0 + 8 * DAY);
    expect(
      r.followUps.map((f) => [(f.dueAt - T0) / DAY, f.answeredAt && (f.answeredAt - T0) / DAY]),
    ).toEqual(checks);
    expect(r.followUps.filter((f) => f.outcome !== null).map((f) => f.outcome)).toEqual([outcome]);
  });

  it('one answer to a folded reminder counts once in the applied rate', () => {
    const r = answer(withCommitment('a'), 'applied', T0 + 31 * DAY);
    expect(appliedRate([r])).toEqual({ applied: 1, answered: 1, rate: 1 });
  });

  it('an earlier answered check stays as history when a later one is folded', () => {
    let r = answer(withCommitment('a'), 'partly', T0 + DAY);
    r = answer(r, 'not-yet', T0 + 40 * DAY); // day 7 ignored, day 30 answered: retry at day 47
    expect(r.followUps.map((f) => [f.outcome, (f.dueAt - T0) / DAY])).toEqual([
      ['partly', 1],
      ['not-yet', 30],
      [null, 47],
    ]);
  });

  it('lists open commitments soonest first, without deleted or closed ones', () => {
    const late = withCommitment('late', T0 + 3 * DAY);
    const soon = withCommitment('soon', T0);
    const closed = answer(withCommitment('closed'), 'applied', T0 + DAY);
    const deleted = withCommitment('deleted', T0, { deletedAt: T0 });
    expect(openCommitments([late, closed, deleted, soon], T0).map((r) => r.id)).toEqual([
      'soon',
      'late',
    ]);
  });
});

describe('appliedRate', () => {
  const answered = (id: string, outcomes: [FollowUpOutcome, number][]): Reflection =>
    withCommitment(id, T0, {
      followUps: outcomes.map(([outcome, at]) => ({
        dueAt: at,
        answeredAt: at,
        outcome,
        note: '',
      })),
    });

  it('is applied ÷ answered, leaving "no longer relevant" out', () => {
    const rs = [
      answered('a', [['applied', T0 + DAY]]),
      answered('b', [
        ['not-yet', T0 + DAY],
        ['partly', T0 + 7 * DAY],
      ]),
      answered('c', [['no-longer-relevant', T0 + DAY]]),
      withCommitment('unanswered'),
    ];
    expect(appliedRate(rs)).toEqual({ applied: 1, answered: 3, rate: 1 / 3 });
  });

  it('counts only answers inside the period', () => {
    const rs = [
      answered('a', [['applied', T0 + DAY]]),
      answered('b', [['not-yet', T0 + 10 * DAY]]),
    ];
    expect(appliedRate(rs, T0, T0 + 2 * DAY)).toEqual({ applied: 1, answered: 1, rate: 1 });
    expect(appliedRate(rs, T0 + 2 * DAY)).toEqual({ applied: 0, answered: 1, rate: 0 });
  });

  it('is null with nothing answered', () => {
    expect(appliedRate([withCommitment('a')]).rate).toBeNull();
  });
});
