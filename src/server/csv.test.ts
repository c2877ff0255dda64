// The CSV writer: RFC 4180 quoting, CRLF, unrounded numbers, empty nulls, spreadsheet-formula
// guard; and that parseCsv reads back what toCsv wrote.

import { describe, expect, it } from 'vitest';
import { csvCell, objectsToCsv, parseCsv, toCsv } from './csv.ts';

describe('csv', () => {
  it('quotes fields with quotes, commas and line breaks; CRLF line ends', () => {
    const text = toCsv(
      ['a', 'b'],
      [
        ['x,y', 'say "hi"'],
        ['line\nbreak', 'plain'],
      ],
    );
    expect(text).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",plain\r\n');
    expect(parseCsv(text)).toEqual([
      ['a', 'b'],
      ['x,y', 'say "hi"'],
      ['line\nbreak', 'plain'],
    ]);
  });

  it('writes numbers unrounded, null and non-finite as empty, dates as ISO', () => {
    expect(csvCell(78.125)).toBe('78.125');
    expect(csvCell(200 / 3)).toBe('66.66666666666667');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(new Date('2026-06-01T08:00:00Z'))).toBe('2026-06-01T08:00:00.000Z');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });

  it('guards text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('fine = ok')).toBe('fine = ok');
  });

  it('objects: columns in first-seen order across rows', () => {
    const text = objectsToCsv([{ a: 1 }, { b: 2, a: 3 }]);
    expect(parseCsv(text)).toEqual([
      ['a', 'b'],
      ['1', ''],
      ['3', '2'],
    ]);
  });

  it('parses a last line without a line break and empty fields', () => {
    expect(parseCsv('a,,c\r\n1,2,')).toEqual([
      ['a', '', 'c'],
      ['1', '2', ''],
    ]);
  });
});
