import type { BulletinColumn, BulletinTable } from '@dispatch/core';
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
}

function cell({ text, align, bold, unit }: CellText, size: number, shaded = false): TableCell {
  const run = (t: string, lineBreak = false) => new TextRun({ text: t, bold, size, font: FACE.body, break: lineBreak ? 1 : undefined });
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    margins: MARGINS,
    shading: shaded ? { fill: 'F2F2F2' } : undefined,
    children: [new Paragraph({ alignment: ALIGN[align], children: unit ? [run(text), run(`（${unit}）`, true)] : [run(text)] })],
  });
}

/** The columns' widths in twips: the page's text width shared out by the columns' relative widths. */
function widths(columns: readonly BulletinColumn[], width: number): number[] {
  const weight = columns.reduce((sum, column) => sum + column.width, 0);
  return columns.map((column) => Math.floor((width * column.width) / weight));
}

/**
 * A real Word table: the header row repeated on every page (`tableHeader`), no row split across pages, figures
 * right-aligned, the total row bold and the rows the text talks about shaded, as in the PDF. `size` in half-points.
 */
export function bulletinTable(table: BulletinTable, width: number, size: number): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((column) => cell({ text: column.label, unit: column.unit, align: 'center', bold: true }, size)),
  });
  const line = (cells: readonly string[], bold?: boolean, shaded?: boolean) => new TableRow({
    cantSplit: true,
    children: table.columns.map((column, i) => cell({ text: cells[i] ?? '', align: column.align, bold }, size, shaded)),
  });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths(table.columns, width),
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [header, ...table.rows.map((row) => line(row.cells, false, row.emphasis)), ...(table.total ? [line(table.total, true)] : [])],
  });
}
