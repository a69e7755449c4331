import type { SheetRow } from '@dispatch/core';
import { expect, test } from 'vitest';
import { parseCsv } from './csv.ts';

const cells = (text: string) => parseCsv(text).map((row) => row.cells);

test.each<[string, string, string[][]]>([
  ['no line end after the last record', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
  ['a trailing comma at the very end', 'a,b\n1,', [['a', 'b'], ['1', '']]],
  ['an empty quoted field and a quoted quote', '"",""""\n', [['', '"']]],
  ['a stray quote inside a bare field kept as written', '5"寸,x\n', [['5"寸', 'x']]],
  ['CR line ends (old Mac Excel)', 'a\r1\r', [['a'], ['1']]],
  ['a quoted field across lines counts as one row', '"甲\n乙",x\n2,y\n', [['甲\n乙', 'x'], ['2', 'y']]],
  ['blank lines are rows (Excel shows them so)', 'a\n\n1\n', [['a'], [''], ['1']]],
])('%s', (_, text, expected) => expect(cells(text)).toEqual(expected));

test('row numbers are the rows Excel shows', () => {
  expect(parseCsv('a\n"x\ny"\nz').map((row) => row.row)).toEqual([1, 2, 3]);
});

test.each([
  ['a,b\r\n,c,\r\n\r\nd\r\n'],
  ['x\ty\n1\t2\r3\t\n'],
  ['only,one,line'],
  ['a,b\n\n'],
])('a file with no quote (the fast path) reads as it does with a quoted field: %j', (text) => {
  const quoted = text.replace(/^[^,\t\r\n]*/, (field) => `"${field}"`);
  // a fast-path record gives its cells when asked (split from its line), not as a property it holds
  const read = (rows: SheetRow[]) => rows.map(({ row, cells }) => ({ row, cells }));
  expect(read(parseCsv(text))).toEqual(read(parseCsv(quoted)));
});
