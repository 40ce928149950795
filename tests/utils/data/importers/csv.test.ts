import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../utils/data/importers/csv';

describe('parseCsv', () => {
  it.each([
    [
      'plain rows',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF line ends',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a byte-order mark',
      '\ufeffa,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'quoted commas',
      'a,b\n"x, y",2',
      [
        ['a', 'b'],
        ['x, y', '2'],
      ],
    ],
    ['doubled quotes', 'a\n"say ""hi"""', [['a'], ['say "hi"']]],
    [
      'line breaks in quotes',
      'a,b\n"one\r\ntwo",3',
      [
        ['a', 'b'],
        ['one\ntwo', '3'],
      ],
    ],
    ['blank lines dropped', 'a\n\n1\n\n', [['a'], ['1']]],
    [
      'empty cells kept',
      'a,b,c\n,,\n',
      [
        ['a', 'b', 'c'],
        ['', '', ''],
      ],
    ],
    [
      'semicolons (German spreadsheets)',
      'a;b\n"1,5";2',
      [
        ['a', 'b'],
        ['1,5', '2'],
      ],
    ],
    [
      'tabs',
      'a\tb\n1\t2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'no final line end',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
  ])('reads %s', (_name, text, rows) => {
    expect(parseCsv(text)).toEqual({ ok: true, rows });
  });

  it.each([
    ['a quote never closed', 'a,b\n1,"open\n2,3\n', 2],
    ['a quote open on the first line', '"a,b\n', 1],
  ])('refuses %s and names the line it starts on', (_name, text, line) => {
    expect(parseCsv(text)).toEqual({ ok: false, line });
  });
});
