import { describe, expect, it } from 'vitest';
import { backupWording, followUpWording, sinceText } from '../../../utils/nudges/reminder-wording';
import { useLanguage } from '../../i18n-fake';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30, 12);

describe('followUpWording', () => {
  it('quotes the commitment', () => {
    expect(followUpWording([{ id: 'a', dueAt: 0, nextTime: 'Read the tests first' }])).toEqual({
      title: 'Did you apply it?',
      message: 'You planned: “Read the tests first”. Click to say how it went.',
    });
  });

  it('quotes the most overdue one and counts the rest', () => {
    const { message } = followUpWording([
      { id: 'a', dueAt: 0, nextTime: 'Read the tests first' },
      { id: 'b', dueAt: 1, nextTime: 'Ask before merging' },
      { id: 'c', dueAt: 2, nextTime: 'Sleep on big replies' },
    ]);
    expect(message).toBe(
      'You planned: “Read the tests first”. And 2 more to look back on. Click to say how it went.',
    );
  });

  it('cuts a long commitment at a word and flattens line breaks', () => {
    const long = `Write it down\nthen ${'really '.repeat(40)}do it`;
    const { message } = followUpWording([{ id: 'a', dueAt: 0, nextTime: long }]);
    expect(message).toMatch(/^You planned: “Write it down then really (really )*really…”\./);
    expect(message.length).toBeLessThan(180);
  });
});

describe('backupWording', () => {
  it.each<[string, number | null, string]>([
    [
      'never exported',
      null,
      'Your reflections have not been exported yet. One click keeps them safe.',
    ],
    [
      '8 days ago',
      NOW - 8 * DAY,
      'Your last export was 8 days ago. One click keeps your reflections safe.',
    ],
    [
      '3 weeks ago',
      NOW - 22 * DAY,
      'Your last export was 3 weeks ago. One click keeps your reflections safe.',
    ],
  ])('%s', (_name, lastExportAt, message) => {
    expect(backupWording(lastExportAt, NOW)).toEqual({ title: 'Time for a backup', message });
  });
});

describe('in German (du, warm)', () => {
  it('asks about the commitment and the backup in the user’s language', () => {
    useLanguage('de', 'de-DE');
    expect(
      followUpWording([
        { id: 'a', dueAt: 0, nextTime: 'Erst die Tests lesen' },
        { id: 'b', dueAt: 1, nextTime: 'Vor dem Mergen fragen' },
      ]),
    ).toEqual({
      title: 'Hast du es umgesetzt?',
      message:
        'Du hattest dir vorgenommen: „Erst die Tests lesen“. Und 1 weitere zum Zurückblicken. Klick hier und erzähl, wie es lief.',
    });
    expect(backupWording(null, NOW).message).toBe(
      'Deine Reflexionen wurden noch nicht exportiert. Ein Klick, und sie sind sicher.',
    );
    expect(backupWording(NOW - 8 * DAY, NOW).message).toBe(
      'Dein letzter Export war vor 8 Tagen. Ein Klick, und deine Reflexionen sind sicher.',
    );
  });
});

describe('sinceText', () => {
  it.each<[number, string, string]>([
    [1, 'en', 'yesterday'],
    [8, 'en', '8 days ago'],
    [15, 'en', '2 weeks ago'],
    [65, 'en', '2 months ago'],
    [22, 'de', 'vor 3 Wochen'],
  ])('%i days in %s → %s', (days, language, text) => {
    expect(sinceText(NOW - days * DAY, NOW, language)).toBe(text);
  });
});
