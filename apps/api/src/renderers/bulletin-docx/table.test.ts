import type { BulletinTable } from '@dispatch/core';
import { expect, test } from 'vitest';
import { Document, Packer } from 'docx';
import { readDocx } from '../docx-reader.ts';
import { bulletinTable, fitColumns } from './table.ts';

const column = (key: string, align: 'left' | 'right') => ({ key, label: key, align, width: 1 });
const table = (columns: number, cell: string): BulletinTable => ({
  title: '表',
  columns: [column('地区', 'left'), ...Array.from({ length: columns }, (_, i) => column(`c${i}`, 'right'))],
  rows: [{ cells: ['湘西土家族苗族自治州', ...Array.from({ length: columns }, () => cell)] }],
});

// 16,838 twips: the landscape text block; 8,844: a portrait one (156 mm).
test('figures that fit keep the type asked for, and the columns fill the width', () => {
  const { size, widths } = fitColumns(table(3, '26.1%'), 8_844, 21);
  expect(size).toBe(21);
  expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(8_844);
  expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThan(8_800);
  // '26.1%': 0.5 + 4 × 0.62 + 0.95 = 3.93 em, at 10.5 pt (210 twips an em) plus 120 of padding
  for (const width of widths.slice(1)) expect(width).toBeGreaterThanOrEqual(Math.ceil(3.93 * 210 + 120));
});

test('a table too wide shrinks its type, down to 7.5 pt and no further', () => {
  expect(fitColumns(table(12, '17,275.82'), 8_844, 21).size).toBeLessThan(21);
  expect(fitColumns(table(40, '17,275.82'), 8_844, 21).size).toBe(15);
});

test('a long name wraps after five characters instead of taking the figures’ room', () => {
  const { widths } = fitColumns(table(1, '1'), 100_000, 20);
  const [name, figure] = widths as [number, number];
  // need: name 5 em, figure 2 em (a header's two characters): shared out 5 : 2 after padding
  expect(name / figure).toBeCloseTo((5 * 200 + 120) / (2 * 200 + 120), 1);
});

test('a name too long for its cell breaks between its words (通道侗族 / 自治县), not where Word runs out', async () => {
  const narrow: BulletinTable = { ...table(12, '17,275.82'), rows: ['通道侗族自治县', '靖州苗族侗族自治县', '长沙县'].map((name) => ({ cells: [name, ...Array.from({ length: 12 }, () => '17,275.82')] })) };
  const document = new Document({ sections: [{ children: [bulletinTable(narrow, 8_844, 21)] }] });
  const xml = readDocx(await Packer.toBuffer(document)).xml;
  const cellLines = (name: string) => {
    const cell = xml.split('<w:tc>').find((part) => part.replace(/<[^>]+>/g, '').startsWith(name.slice(0, 4)))!;
    return cell.split('<w:br/>').map((part) => [...part.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  };
  expect(cellLines('通道侗族自治县')).toEqual(['通道侗族', '自治县']);
  expect(cellLines('靖州苗族侗族自治县').join('|')).toMatch(/^靖州苗族\|侗族\|?自治县$/);
  expect(cellLines('长沙县')).toEqual(['长沙县']);
});
