import { describe, expect, it } from 'vitest';
import {
  isTimeZone,
  readDate,
  readInstant,
  readTime,
} from '../../../../utils/data/importers/dates';

describe('readTime', () => {
  it.each([
    ['21:30', 21 * 60 + 30],
    ['09:05', 9 * 60 + 5],
    ['9:41 pm', 21 * 60 + 41],
    ['12:00 am', 0],
    ['12:15 PM', 12 * 60 + 15],
    ['7 a.m.', 7 * 60],
    ['23:59:59', 23 * 60 + 59],
  ])('%s', (text, minutes) => expect(readTime(text)).toBe(minutes));

  it.each(['24:00', '13:00 pm', '9:60', 'noon', ''])('%s is no time', (text) =>
    expect(readTime(text)).toBeNull(),
  );
});

describe('readDate', () => {
  it.each([
    ['2024-03-05', { year: 2024, month: 3, day: 5 }],
    ['2024_03_05', { year: 2024, month: 3, day: 5 }],
    ['05.03.2024', { year: 2024, month: 3, day: 5 }],
    ['2024-02-29 Retro', { year: 2024, month: 2, day: 29 }],
  ])('%s', (text, date) => expect(readDate(text)?.date).toEqual(date));

  it.each(['2023-02-29', '2024-13-01', '31.04.2024', 'March 5', ''])('%s is no date', (text) =>
    expect(readDate(text)).toBeNull(),
  );
});

describe('readInstant', () => {
  it.each([
    [
      'an exact UTC time',
      '2023-03-04T23:30:00Z',
      'Europe/Berlin',
      undefined,
      '2023-03-04T23:30:00.000Z',
    ],
    [
      'an offset',
      '2023-03-05T12:30:00+13:00',
      'Europe/Berlin',
      undefined,
      '2023-03-04T23:30:00.000Z',
    ],
    [
      'a wall time in Berlin',
      '2024-03-05 14:30',
      'Europe/Berlin',
      undefined,
      '2024-03-05T13:30:00.000Z',
    ],
    [
      'a wall time in Chatham',
      '2024-03-05T14:30',
      'Pacific/Chatham',
      undefined,
      '2024-03-05T00:45:00.000Z',
    ],
    ['a German date with time', '05.03.2024 14:30', 'UTC', undefined, '2024-03-05T14:30:00.000Z'],
    ['a bare date: noon', '2024-03-05', 'America/New_York', undefined, '2024-03-05T17:00:00.000Z'],
    ['a separate time', '2024-02-11', 'Asia/Tokyo', '9:41 pm', '2024-02-11T12:41:00.000Z'],
  ])('%s', (_name, text, zone, time, iso) => {
    expect(new Date(readInstant(text, zone, time) as number).toISOString()).toBe(iso);
  });

  it.each(['soon', '2024-03-05 25:00', '2024-02-30'])('%s is no instant', (text) =>
    expect(readInstant(text, 'UTC')).toBeNull(),
  );
});

describe('isTimeZone', () => {
  it.each([
    ['Europe/Berlin', true],
    ['Pacific/Chatham', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['', false],
    [42, false],
  ])('%s → %s', (zone, known) => expect(isTimeZone(zone)).toBe(known));
});
