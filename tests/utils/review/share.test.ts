import { describe, expect, it } from 'vitest';
import { createReflection, type Reflection } from '../../../utils/reflections/reflection';
import {
  defaultShareFields,
  digestReflections,
  formatDigest,
  formatShare,
} from '../../../utils/review/share';
import { useLanguage } from '../../i18n-fake';

const UTC = { locale: 'en-GB', timeZone: 'UTC' };
const NOV_12 = Date.UTC(2026, 10, 12, 15);

function reflection(
  over: Partial<Reflection> = {},
  answers: Record<string, string> = {},
): Reflection {
  return {
    ...createReflection(
      {
        template: 'gibbs',
        answers: {
          happened: 'I merged without running the tests.',
          feelings: 'Embarrassed.',
          learned: 'Green CI is not optional.',
          nextTime: 'Wait for CI before merging.',
          ...answers,
        },
        tags: ['ci', 'rushed'],
        sting: 4,
      },
      'r1',
      NOV_12,
    ),
    ...over,
  };
}

describe('formatShare', () => {
  it('shares the lesson but not the feelings or sting by default', () => {
    const r = reflection();
    expect(defaultShareFields(r)).toEqual(['happened', 'learned', 'nextTime', 'date', 'tags']);
    expect(formatShare(r, defaultShareFields(r), 'text', UTC)).toBe(
      [
        'A lesson from 12 Nov 2026',
        '',
        'What happened: I merged without running the tests.',
        'What I learned: Green CI is not optional.',
        'Next time I will: Wait for CI before merging.',
        'Tags: ci, rushed',
        '',
      ].join('\n'),
    );
  });

  it('includes exactly the chosen fields', () => {
    const text = formatShare(reflection(), ['learned', 'sting', 'feelings'], 'text', UTC);
    expect(text).toBe(
      'A lesson\n\nHow did I feel: Embarrassed.\nWhat I learned: Green CI is not optional.\nSting: 4/5\n',
    );
  });

  it('writes Markdown with user text escaped', () => {
    const r = reflection({}, { learned: '*not* a [link](http://x) <b>' });
    expect(formatShare(r, ['learned', 'date', 'tags'], 'markdown', UTC)).toBe(
      [
        '**A lesson from 12 Nov 2026**',
        '',
        '**What I learned:** \\*not\\* a \\[link\\](http://x) \\<b\\>',
        'Tags: `ci`, `rushed`',
        '',
      ].join('\n'),
    );
  });
});

describe('digest', () => {
  const at = (id: string, iso: string, over: Partial<Reflection> = {}) =>
    reflection({ id, createdAt: Date.parse(iso), ...over }, { learned: `Lesson ${id}` });
  const all = [
    at('before', '2026-10-31T23:59:59Z'),
    at('first', '2026-11-01T00:00:00Z'),
    at('tagged', '2026-11-15T12:00:00Z', { tags: ['meetings'] }),
    at('deleted', '2026-11-16T12:00:00Z', { deletedAt: 1 }),
    at('last', '2026-11-30T23:59:59Z'),
    at('after', '2026-12-01T00:00:00Z'),
  ];
  const november = {
    from: Date.parse('2026-11-01T00:00:00Z'),
    to: Date.parse('2026-12-01T00:00:00Z'),
  };

  it('contains exactly the reflections in the range, oldest first', () => {
    expect(digestReflections(all, november).map((r) => r.id)).toEqual(['first', 'tagged', 'last']);
    expect(digestReflections(all, { ...november, tag: 'meetings' }).map((r) => r.id)).toEqual([
      'tagged',
    ]);
  });

  it('lists lessons and commitments with their status', () => {
    const applied = at('applied', '2026-11-10T10:00:00Z', {
      followUps: [{ dueAt: 1, answeredAt: 2, outcome: 'applied', note: '' }],
    });
    const open = at('open', '2026-11-20T10:00:00Z', {
      followUps: [{ dueAt: 1, answeredAt: null, outcome: null, note: '' }],
    });
    expect(formatDigest([open, applied], november, 'text', UTC)).toBe(
      [
        'Lessons, 1 Nov 2026 – 30 Nov 2026',
        '',
        '• 10 Nov 2026: Lesson applied',
        '    Next time: Wait for CI before merging. (applied)',
        '• 20 Nov 2026: Lesson open',
        '    Next time: Wait for CI before merging. (open)',
        '',
      ].join('\n'),
    );
    expect(formatDigest([open], november, 'markdown', UTC)).toContain(
      '- 20 Nov 2026: Lesson open\n  - Next time:',
    );
  });

  it('says so when the period is empty', () => {
    expect(formatDigest([], november, 'text', UTC)).toBe(
      'Lessons, 1 Nov 2026 – 30 Nov 2026\n\nNo reflections in this period.\n',
    );
  });
});

describe('in German', () => {
  const DE = { locale: 'de-DE', timeZone: 'UTC' };
  const speakGerman = () => {
    useLanguage('de', 'de-DE');
  };

  it('a shared lesson reads in German, the user’s words untouched', () => {
    speakGerman();
    const r = reflection({
      context: { title: 'CI', url: 'https://ci.example/1', selection: 'Build failed' },
    });
    expect(
      formatShare(
        r,
        ['happened', 'feelings', 'learned', 'nextTime', 'date', 'tags', 'sting', 'context'],
        'text',
        DE,
      ),
    ).toBe(
      [
        'Eine Lehre vom 12.11.2026',
        '',
        'Was passiert ist: I merged without running the tests.',
        'Wie habe ich mich gefühlt: Embarrassed.',
        'Was ich gelernt habe: Green CI is not optional.',
        'Nächstes Mal werde ich: Wait for CI before merging.',
        'Zusammenhang: CI — https://ci.example/1',
        '„Build failed“',
        'Wie sehr es wehtat: 4/5',
        'Schlagwörter: ci, rushed',
        '',
      ].join('\n'),
    );
  });

  it('German Markdown still escapes what the user typed', () => {
    speakGerman();
    const r = reflection({}, { learned: '_Nie_ wieder *ohne* Tests' });
    expect(formatShare(r, ['learned', 'tags'], 'markdown', DE)).toBe(
      [
        '**Eine Lehre**',
        '',
        '**Was ich gelernt habe:** \\_Nie\\_ wieder \\*ohne\\* Tests',
        'Schlagwörter: `ci`, `rushed`',
        '',
      ].join('\n'),
    );
  });

  it('a digest reads in German, with the status of each commitment', () => {
    speakGerman();
    const november = { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 11, 1), tag: 'ci' };
    const applied = reflection({
      followUps: [{ dueAt: 1, answeredAt: 2, outcome: 'applied', note: '' }],
    });
    expect(formatDigest([applied], november, 'markdown', DE)).toBe(
      [
        '## Lehren, 01.11.2026 – 30.11.2026 (ci)',
        '',
        '- 12.11.2026: Green CI is not optional.',
        '  - Nächstes Mal: Wait for CI before merging. (umgesetzt)',
        '',
      ].join('\n'),
    );
    expect(formatDigest([], november, 'text', DE)).toBe(
      'Lehren, 01.11.2026 – 30.11.2026 (ci)\n\nKeine Reflexionen in diesem Zeitraum.\n',
    );
  });
});
