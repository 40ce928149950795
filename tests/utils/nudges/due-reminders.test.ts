import { describe, expect, it } from 'vitest';
import type { BackupEvery } from '../../../utils/data/backup';
import {
  asDueFollowUps,
  type DueFollowUp,
  dueReminders,
  followUpKey,
  NO_REMINDERS_SENT,
  type RemindersSent,
  rememberFollowUps,
} from '../../../utils/nudges/due-reminders';
import { createReflection } from '../../../utils/reflections/reflection';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30, 12);

const a: DueFollowUp = { id: 'a', dueAt: NOW - 3 * DAY, nextTime: 'Read the tests first' };
const b: DueFollowUp = { id: 'b', dueAt: NOW - DAY, nextTime: 'Ask before merging' };
const bLater: DueFollowUp = { ...b, dueAt: NOW - 2 * 3_600_000 }; // "not yet" planned a new check

const sentA: RemindersSent = { followUps: { [followUpKey(a)]: NOW - 2 * DAY }, backupAt: null };
const off = { every: 'off' as BackupEvery, lastExportAt: null, hasReflections: true };

describe('dueReminders: which follow-ups to remind of', () => {
  it.each<[string, DueFollowUp[], boolean, RemindersSent, string[]]>([
    ['nothing due', [], true, NO_REMINDERS_SENT, []],
    ['two due, none sent: both, most overdue first', [a, b], true, NO_REMINDERS_SENT, ['a', 'b']],
    ['one already sent: only the other', [a, b], true, sentA, ['b']],
    ['all already sent: none', [a], true, sentA, []],
    ['follow-ups switched off: none', [a, b], false, NO_REMINDERS_SENT, []],
    [
      'the day-1 check ignored, the day-7 one due: a new reminder',
      [{ ...a, dueAt: NOW - 2 * 3_600_000 }],
      true,
      sentA,
      ['a'],
    ],
    [
      'a new check after "not yet" is a new reminder',
      [bLater],
      true,
      { followUps: { [followUpKey(b)]: NOW - DAY }, backupAt: null },
      ['b'],
    ],
  ])('%s', (_name, due, on, sent, ids) => {
    expect(dueReminders(due, on, off, sent, NOW).followUps.map((f) => f.id)).toEqual(ids);
  });
});

describe('dueReminders: the backup reminder, once per period', () => {
  it.each<[string, BackupEvery, number | null, boolean, number | null, boolean]>([
    ['off: never', 'off', null, true, null, false],
    ['weekly, never exported, never reminded: due', 'weekly', null, true, null, true],
    ['weekly, no reflections: never', 'weekly', null, false, null, false],
    ['weekly, exported 3 days ago: not due', 'weekly', NOW - 3 * DAY, true, null, false],
    ['weekly, exported 8 days ago: due', 'weekly', NOW - 8 * DAY, true, null, true],
    ['weekly, reminded yesterday: not again', 'weekly', NOW - 8 * DAY, true, NOW - DAY, false],
    [
      'weekly, reminded 7 days ago, still no export: again',
      'weekly',
      null,
      true,
      NOW - 7 * DAY,
      true,
    ],
    ['monthly, reminded 8 days ago: not again', 'monthly', null, true, NOW - 8 * DAY, false],
    [
      'monthly, exported 31 days ago, reminded 30: again',
      'monthly',
      NOW - 31 * DAY,
      true,
      NOW - 30 * DAY,
      true,
    ],
    [
      'exported after the reminder, period not over: not due',
      'weekly',
      NOW - 2 * DAY,
      true,
      NOW - 9 * DAY,
      false,
    ],
  ])('%s', (_name, every, lastExportAt, hasReflections, backupAt, due) => {
    const plan = dueReminders(
      [],
      true,
      { every, lastExportAt, hasReflections },
      { followUps: {}, backupAt },
      NOW,
    );
    expect(plan.backup).toBe(due);
  });
});

describe('rememberFollowUps', () => {
  it('adds the ones sent now and forgets the ones no longer due', () => {
    const sent = {
      followUps: { [followUpKey(a)]: NOW - 2 * DAY, 'gone@1': NOW - 9 * DAY },
      backupAt: NOW - DAY,
    };
    expect(rememberFollowUps(sent, [a, b], [b], NOW)).toEqual({
      followUps: { [followUpKey(a)]: NOW - 2 * DAY, [followUpKey(b)]: NOW },
      backupAt: NOW - DAY,
    });
  });

  it('an answered follow-up (no longer due) leaves no trace', () => {
    expect(rememberFollowUps(sentA, [], [], NOW).followUps).toEqual({});
  });
});

describe('asDueFollowUps', () => {
  it('takes the latest check due (an ignored earlier one folded into it) and the commitment', () => {
    const r = {
      ...createReflection(
        {
          template: 'quick',
          answers: { nextTime: '  Pair on the deploy  ' },
          tags: [],
          sting: null,
        },
        'r1',
        NOW - 8 * DAY,
      ),
      followUps: [
        { dueAt: NOW + 20 * DAY, answeredAt: null, outcome: null, note: '' },
        { dueAt: NOW - DAY, answeredAt: null, outcome: null, note: '' },
        { dueAt: NOW - 7 * DAY, answeredAt: null, outcome: null, note: '' },
      ],
    };
    expect(asDueFollowUps([r], NOW)).toEqual([
      { id: 'r1', dueAt: NOW - DAY, nextTime: 'Pair on the deploy' },
    ]);
  });
});
