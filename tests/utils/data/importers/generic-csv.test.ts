import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type ColumnRole,
  guessRoles,
  mappingProblem,
  planCsv,
  scanCsv,
} from '../../../../utils/data/importers/generic-csv';

const NOW = Date.UTC(2026, 0, 15, 12);
const fixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/importers/${name}`, import.meta.url), 'utf8');

function scan(text: string) {
  const result = scanCsv(text, 'notes.csv');
  if (!result.ok) throw new Error(result.message);
  return result.scan;
}

describe('guessRoles', () => {
  it.each([
    [
      ['Date', 'What happened', 'Learned', 'Next time', 'Tags'],
      ['date', 'happened', 'learned', 'nextTime', 'tags'],
    ],
    [
      ['Datum', 'Was ist passiert', 'Gelernt', 'Nächstes Mal', 'Schlagwörter'],
      ['date', 'happened', 'learned', 'nextTime', 'tags'],
    ],
    [
      ['created_at', 'note', 'mood'],
      ['date', 'happened', 'skip'],
    ],
    [
      ['date', 'day', 'tags', 'labels'],
      ['date', 'skip', 'tags', 'skip'],
    ],
  ] as const)('%j', (headers, roles) => expect(guessRoles(headers)).toEqual(roles));
});

describe('mappingProblem', () => {
  it.each([
    [['date', 'happened'], null],
    [['skip', 'happened'], 'Choose exactly one column as the date.'],
    [['date', 'date', 'happened'], 'Choose exactly one column as the date.'],
    [
      ['date', 'tags'],
      'Choose at least one column for What happened, What I learned or Next time.',
    ],
  ] as const)('%j', (roles, problem) => expect(mappingProblem(roles)).toBe(problem));
});

describe('planCsv', () => {
  it('reads the fixture by its guessed mapping: semicolons, CRLF, line breaks, German dates', () => {
    const rows = scan(fixture('generic.csv'));
    const roles = guessRoles(rows.headers);
    expect(roles).toEqual(['date', 'happened', 'learned', 'nextTime', 'tags']);
    const plan = planCsv(rows, roles, 'Europe/Berlin', NOW);
    expect(plan.seen).toBe(5);
    expect(plan.skipped).toEqual({ duplicate: 1, noDate: 1, empty: 1 });
    expect(plan.reflections).toHaveLength(2);
    expect(plan.reflections[0]).toMatchObject({
      createdAt: Date.UTC(2024, 2, 5, 13, 30),
      answers: {
        happened: 'Estimated the migration at two days; it took five.',
        learned: 'Split estimates into steps',
        nextTime: 'Estimate with a buffer',
      },
      tags: ['planning', 'estimates'],
      trigger: 'import',
    });
    expect(plan.reflections[1]?.answers).toEqual({
      happened: 'A multi-line\nanswer',
      nextTime: 'Ask earlier',
    });
  });

  it('joins several columns for one answer and follows a changed mapping', () => {
    const rows = scan('when,a,b,c\n2024-01-02,one,two,x|y\n');
    const roles: ColumnRole[] = ['date', 'happened', 'happened', 'tags'];
    expect(planCsv(rows, roles, 'UTC', NOW).reflections[0]).toMatchObject({
      answers: { happened: 'one\n\ntwo' },
      tags: ['x', 'y'],
    });
    const other: ColumnRole[] = ['date', 'learned', 'skip', 'skip'];
    expect(planCsv(rows, other, 'UTC', NOW).reflections[0]).toMatchObject({
      answers: { learned: 'one' },
      tags: [],
    });
  });

  it('gives a row the same id on a second read, and an edited row a new one', () => {
    const roles: ColumnRole[] = ['date', 'happened'];
    const once = planCsv(scan('d,t\n2024-01-02,one\n'), roles, 'UTC', NOW).reflections[0];
    const again = planCsv(scan('d,t\n2024-01-02,one\n'), roles, 'UTC', NOW).reflections[0];
    const edited = planCsv(scan('d,t\n2024-01-02,one!\n'), roles, 'UTC', NOW).reflections[0];
    expect(again?.id).toBe(once?.id);
    expect(edited?.id).not.toBe(once?.id);
  });

  it.each([
    ['only a header', fixture('broken-generic.csv'), 'has nothing to import'],
    ['one column', 'a\n1\n', 'has nothing to import'],
    ['an open quote', 'a,b\n"1,2\n', 'never ends'],
  ])('refuses %s, saying what is wrong', (_name, text, message) => {
    const result = scanCsv(text, 'notes.csv');
    expect(!result.ok && result.message).toContain(message);
  });
});
