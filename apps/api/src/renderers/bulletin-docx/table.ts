import { regionNameLines, type BulletinTable } from '@dispatch/core';
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { FACE } from './page.ts';

const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
/** cell padding in twips: a little air around the text, as in the PDF */
const MARGINS = { top: 30, bottom: 30, left: 60, right: 60 };

interface CellText {
  text: string;
  align: keyof typeof ALIGN;
  bold?: boolean;
  /** a header's unit, on a line of its own */
  unit?: string;
  /** a name's room in ems: a longer name breaks between its words (通道侗族 / 自治县), not where Word runs out */
  room?: number;
}

function cell({ text, align, bold, unit, room }: CellText, size: number, shaded = false, keepNext = false): TableCell {
  const run = (t: string, lineBreak = false) => new TextRun({ text: t, bold, size, font: FACE.body, break: lineBreak ? 1 : undefined });
  const lines = room === undefined ? [text] : regionNameLines(text, (line) => ems(line) <= room);
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    margins: MARGINS,
    shading: shaded ? { fill: 'F2F2F2' } : undefined,
    children: [new Paragraph({
      alignment: ALIGN[align], ...(keepNext ? { keepNext: true } : {}),
      children: unit ? [run(text), run(`（${unit}）`, true)] : lines.map((line, i) => run(line, i > 0)),
    })],
  });
}

/**
 * A text's width in ems, generously: a Chinese or full-width character one, % nearly one, a digit or Latin mark
 * 0.62 — Word and WPS draw figures in whatever face the machine has for 宋体, and a cell too narrow breaks a number.
 */
function ems(text: string): number {
  let width = 0.5;
  for (const char of text) width += char.charCodeAt(0) > 0x2e7f ? 1 : char === '%' ? 0.95 : 0.62;
  return width;
}

/** The smallest type a table goes down to (half-points: 7.5 pt) before it would rather wrap. */
const MIN_SIZE = 15;
const PADDING = MARGINS.left + MARGINS.right;

/**
 * The type size and the columns' widths (twips) that keep every figure on one line: a column needs its widest cell
 * (a name column at most five characters, wrapping beyond; a header wraps between its words, so it asks for two);
 * when the columns need more than the page, the type shrinks, down to 7.5 pt, and what is left over is shared out
 * in proportion to need.
 */
export function fitColumns(table: BulletinTable, width: number, size: number): { size: number; widths: number[] } {
  const cells = [...table.rows.map((row) => row.cells), ...(table.total ? [table.total] : [])];
  const need = table.columns.map((column, i) => {
    const widest = Math.max(2, ...cells.map((row) => ems(row[i] ?? '')));
    return column.align === 'left' ? Math.min(widest, 5) : widest;
  });
  const total = (at: number) => need.reduce((sum, n) => sum + n * at * 10 + PADDING, 0);
  let fitted = size;
  while (fitted > MIN_SIZE && total(fitted) > width) fitted -= 1;
  const needs = need.map((n) => n * fitted * 10 + PADDING);
  const spare = Math.max(0, width - needs.reduce((sum, n) => sum + n, 0));
  const sum = needs.reduce((a, b) => a + b, 0);
  return { size: fitted, widths: needs.map((n) => Math.floor(n + (spare * n) / sum)) };
}

/**
 * A real Word table: the header row repeated on every page (`tableHeader`), no row split across pages, figures
 * right-aligned, the total row bold and the rows the text talks about shaded, as in the PDF. `largest`: the type
 * size in half-points, made smaller when that keeps every figure on one line (fitColumns).
 */
export function bulletinTable(table: BulletinTable, width: number, largest: number): Table {
  const { size, widths } = fitColumns(table, width, largest);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((column) => cell({ text: column.label, unit: column.unit, align: 'center', bold: true }, size)),
  });
  const line = (cells: readonly string[], bold?: boolean, shaded?: boolean, keepNext?: boolean) => new TableRow({
    cantSplit: true,
    children: table.columns.map((column, i) => cell({ text: cells[i] ?? '', align: column.align, bold, room: column.align === 'left' ? (widths[i]! - PADDING) / (size * 10) : undefined }, size, shaded, keepNext)),
  });
  // the last two body rows keep with the total row: a page never holds the total alone under the repeated header
  const keep = (i: number) => table.total !== undefined && i >= table.rows.length - 2;
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [header, ...table.rows.map((row, i) => line(row.cells, false, row.emphasis, keep(i))), ...(table.total ? [line(table.total, true)] : [])],
  });
}
