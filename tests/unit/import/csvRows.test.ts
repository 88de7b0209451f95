// csvRows: RFC 4180 and the tolerance spreadsheets need (quotes, line breaks in cells, BOM, ; and tab delimiters).
import { describe, expect, it } from 'vitest';
import { csvRows, headerKey, isBlankRow } from '../../../src/lib/import/csvRows';

describe('csvRows', () => {
  it.each([
    [
      'plain',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF and a final newline',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'quoted comma',
      'a,b\n"x, y",2',
      [
        ['a', 'b'],
        ['x, y', '2'],
      ],
    ],
    ['escaped quote', 'a\n"say ""hi"""', [['a'], ['say "hi"']]],
    [
      'line break inside quotes stays in the cell',
      'a,b\n"one\ntwo",3',
      [
        ['a', 'b'],
        ['one\ntwo', '3'],
      ],
    ],
    [
      'byte-order mark dropped',
      '\ufeffYear,Headline\n1998,x',
      [
        ['Year', 'Headline'],
        ['1998', 'x'],
      ],
    ],
    [
      'semicolon delimiter',
      'date;title\n2026;x, y',
      [
        ['date', 'title'],
        ['2026', 'x, y'],
      ],
    ],
    [
      'tab delimiter',
      'date\ttitle\n2026\tx, y',
      [
        ['date', 'title'],
        ['2026', 'x, y'],
      ],
    ],
    [
      'empty cells kept',
      'a,,c\n,,',
      [
        ['a', '', 'c'],
        ['', '', ''],
      ],
    ],
    ['a quote inside a cell is a character', 'a\n5" floppy', [['a'], ['5" floppy']]],
  ])('%s', (_name, text, rows) => {
    expect(csvRows(text).rows).toEqual(rows);
  });

  it('says where an unclosed quote opened', () => {
    const r = csvRows('a,b\n1,2\n"never closed,3\n4,5');
    expect(r.unclosedQuoteRow).toBe(3);
  });

  it.each([
    ['End Year', 'endyear'],
    ['end_year', 'endyear'],
    [' Media  Credit ', 'mediacredit'],
    ['source-url', 'sourceurl'],
  ])('header key of %j is %j', (cell, key) => expect(headerKey(cell)).toBe(key));

  it('knows blank rows', () => {
    expect(isBlankRow(['', ' ', ''])).toBe(true);
    expect(isBlankRow(['', 'x'])).toBe(false);
  });
});
