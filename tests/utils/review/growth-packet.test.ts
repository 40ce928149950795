import { describe, expect, it } from 'vitest';
import { fixedZone, isoToDay, startOfLocalDay } from '../../../utils/core/calendar';
import { customRange } from '../../../utils/follow-through/follow-through';
import {
  DEFAULT_PACKET_FIELDS,
  growthPacket,
  type PACKET_FIELDS,
  packetMarkdown,
} from '../../../utils/review/growth-packet';
import { richReflection } from '../../helpers/reflections';

const ZONE = fixedZone(-5 * 60);
const at = (iso: string, hour = 12) =>
  startOfLocalDay(isoToDay(iso) as number, ZONE) + hour * 3_600_000;
const range = (from: string, to: string) => {
  const r = customRange(from, to, ZONE);
  if ('error' in r) throw new Error(r.error);
  return r;
};
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function lesson(n: number, iso: string, over: Parameters<typeof richReflection>[1] = {}) {
  return richReflection(n, {
    createdAt: at(iso),
    answers: {
      happened: `Happened ${n}`,
      learned: `Learned ${n}`,
      nextTime: `Next ${n}`,
      feelings: `Felt ${n}`,
    },
    tags: [`t${n}`],
    sting: 3,
    followUps: [],
    share: null,
    ...over,
  });
}

const JOURNAL = [
  // The day before the period, at 23:59 local: outside.
  lesson(1, '2027-02-28', { createdAt: at('2027-02-28', 23.99) }),
  lesson(2, '2027-03-01', {
    createdAt: at('2027-03-01', 0.01),
    followUps: [
      { dueAt: at('2027-03-02'), answeredAt: at('2027-03-02'), outcome: 'partly', note: '' },
      { dueAt: at('2027-03-08'), answeredAt: at('2027-03-09'), outcome: 'applied', note: '' },
    ],
    share: { affected: 'The on-call team', told: true, toldAt: at('2027-03-03') },
  }),
  lesson(3, '2027-03-15', {
    tags: ['ops'],
    followUps: [
      { dueAt: at('2027-03-16'), answeredAt: at('2027-03-16'), outcome: 'not-yet', note: '' },
    ],
    share: { affected: 'Priya', told: false, toldAt: null },
  }),
  lesson(4, '2027-03-20', {
    tags: ['ops'],
    followUps: [{ dueAt: at('2027-04-20'), answeredAt: null, outcome: null, note: '' }],
  }),
  lesson(5, '2027-03-25', { deletedAt: at('2027-03-26') }),
  // The last day of the period, late: inside. The day after: outside.
  lesson(6, '2027-03-31', { createdAt: at('2027-03-31', 23.9), answers: { learned: 'Learned 6' } }),
  lesson(7, '2027-04-01', { createdAt: at('2027-04-01', 0.01) }),
];

describe('the growth packet', () => {
  const packet = growthPacket(JOURNAL, range('2027-03-01', '2027-03-31'), [], ZONE);

  it('holds the period’s lessons, oldest first, and nothing outside it or deleted', () => {
    expect(packet.lessons.map((l) => l.learned)).toEqual([
      'Learned 2',
      'Learned 3',
      'Learned 4',
      'Learned 6',
    ]);
    expect([packet.fromIso, packet.toIso]).toEqual(['2027-03-01', '2027-03-31']);
  });

  it('says how each commitment went: the latest look back, or that one is to come', () => {
    expect(packet.lessons.map((l) => [l.nextTime, l.status])).toEqual([
      ['Next 2', 'applied'],
      ['Next 3', 'not-yet'],
      ['Next 4', 'open'],
      ['', null],
    ]);
    // Answered looks back: applied, partly, not yet.
    expect(packet.rate).toEqual({ applied: 1, answered: 3, rate: 1 / 3 });
  });

  it('lists who was told, and only them', () => {
    expect(packet.told).toEqual([
      { affected: 'The on-call team', createdAt: at('2027-03-01', 0.01), toldAt: at('2027-03-03') },
    ]);
  });

  it('finds themes across the period', () => {
    expect(packet.themes).toContainEqual({ kind: 'tag', name: 'ops', count: 2 });
  });

  it.each([
    [['ops'], ['Learned 3', 'Learned 4']],
    [
      ['t2', 'ops'],
      ['Learned 2', 'Learned 3', 'Learned 4'],
    ],
    [['nothing-like-it'], []],
  ])('with tags %j keeps %j', (tags, learned) => {
    const chosen = growthPacket(JOURNAL, range('2027-03-01', '2027-03-31'), tags, ZONE);
    expect(chosen.lessons.map((l) => l.learned)).toEqual(learned);
  });
});

describe('the packet as Markdown', () => {
  const packet = growthPacket(JOURNAL, range('2027-03-01', '2027-03-31'), [], ZONE);
  const md = (fields: readonly (typeof PACKET_FIELDS)[number][]) =>
    packetMarkdown(packet, fields, isoDay, '1 Mar – 31 Mar 2027');

  it('leaves feelings and sting out by default, and has every other part', () => {
    const text = md(DEFAULT_PACKET_FIELDS);
    expect(text).not.toMatch(/Felt|Sting/);
    for (const part of [
      '# What I learned',
      '## Lessons learned',
      'What happened: Happened 2',
      '## Commitments and how they went',
      '- Next 2 — applied',
      '- Next 4 — look back still to come',
      'Applied in 1 of 3 look backs (33%).',
      'The on-call team (told on 2027-03-03)',
      'Tags: ops',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain('Learned 1');
    expect(text).not.toContain('Learned 7');
    expect(text).not.toContain('Priya');
  });

  it('puts feelings and sting in when chosen, and only what is chosen', () => {
    const text = md(['feelings', 'sting']);
    expect(text).toContain('Feelings: Felt 2');
    expect(text).toContain('Sting: 3 of 5');
    expect(text).not.toMatch(/Happened 2|Commitments|Applied rate|Who I told|Tags:/);
  });

  it('escapes Markdown a person typed', () => {
    const odd = growthPacket(
      [lesson(9, '2027-03-05', { answers: { learned: '*not bold* <b>' } })],
      range('2027-03-01', '2027-03-31'),
      [],
      ZONE,
    );
    expect(packetMarkdown(odd, [], isoDay, 'p')).toContain('\\*not bold\\* \\<b\\>');
  });

  it('says kindly when the period is empty', () => {
    const empty = growthPacket(JOURNAL, range('2026-01-01', '2026-01-31'), [], ZONE);
    expect(packetMarkdown(empty, DEFAULT_PACKET_FIELDS, isoDay, 'p')).toContain(
      'No reflections in this period.',
    );
  });
});
