import { regionNameLines, type BulletinColumn, type BulletinTable } from '@dispatch/core';
import { FONT } from './page.ts';

type Doc = PDFKit.PDFDocument;

export interface TableArea {
  /** the largest and the smallest font size the table may be set in */
  maxSize: number;
  minSize: number;
  /** starts a new page of the same orientation and answers nothing; the table goes on at the page's margins */
  newPage: () => void;
}

const padX = (size: number) => size * 0.35;
const padY = (size: number) => size * 0.2;
const headerText = (column: BulletinColumn) => (column.unit ? `${column.label}\n（${column.unit}）` : column.label);

/** The widest single-line width a column needs at the current font size, padding included. */
function naturalWidth(doc: Doc, table: BulletinTable, index: number, size: number): number {
  const column = table.columns[index]!;
  const cells = [...table.rows.map((row) => row.cells[index] ?? ''), table.total?.[index] ?? ''];
  // a name may wrap after five characters (湘西土家族/苗族自治州); figures never wrap
  const cap = column.align === 'left' ? doc.widthOfString('湘西土家族') : Infinity;
  const widest = Math.min(cap, Math.max(...cells.map((text) => doc.widthOfString(text))));
  // a header wraps; it needs room for its longest run of four characters or its unit
  const header = Math.max(doc.widthOfString(column.label.slice(0, 4)), column.unit ? doc.widthOfString(`（${column.unit}）`) : 0);
  return Math.max(widest, header) + 2 * padX(size) + 1; // + 1: a text exactly as wide as its box wraps
}

/**
 * The largest font size (down to the floor) at which every cell fits its column on one line, and the columns'
 * widths: what each needs, plus the spare width shared out by the columns' relative widths. At the floor the
 * columns are shared out by relative width and long names wrap inside their cells.
 */
export function fitColumns(doc: Doc, table: BulletinTable, width: number, area: TableArea): { size: number; widths: number[] } {
  const weight = table.columns.reduce((sum, column) => sum + column.width, 0);
  for (let size = area.maxSize; size >= area.minSize; size -= 0.5) {
    doc.font(FONT.serif).fontSize(size);
    const needs = table.columns.map((_, i) => naturalWidth(doc, table, i, size));
    const spare = width - needs.reduce((sum, need) => sum + need, 0);
    if (spare >= 0) return { size, widths: needs.map((need, i) => need + (spare * table.columns[i]!.width) / weight) };
  }
  return { size: area.minSize, widths: table.columns.map((column) => (width * column.width) / weight) };
}

interface Row {
  cells: string[];
  header?: boolean;
  bold?: boolean;
  shaded?: boolean;
}

/**
 * A cell's text height. Lines are measured one by one: pdfkit's wrapper counts a '\n' as part of the character
 * before it, so 「目标任务\n（人次）」 would wrap at 「任」 in a box it fits.
 */
function textHeight(doc: Doc, text: string, width: number): number {
  return text.split('\n').reduce((sum, line) => sum + (doc.widthOfString(line) > width ? doc.heightOfString(line, { width }) : doc.currentLineHeight(true)), 0);
}

/** A row's cells measured once (the text heights and the row's height), at the table's font and size. */
interface Measured extends Row {
  texts: number[];
  height: number;
}

function measure(doc: Doc, row: Row, widths: number[], size: number): Measured {
  const texts = row.cells.map((text, i) => textHeight(doc, text, widths[i]! - 2 * padX(size)));
  return { ...row, texts, height: Math.max(...texts) + 2 * padY(size) };
}

function drawRow(doc: Doc, row: Measured, columns: BulletinColumn[], widths: number[], size: number, top: number): void {
  const height = row.height;
  let x = doc.page.margins.left;
  row.cells.forEach((text, i) => {
    const width = widths[i]!;
    if (row.shaded) doc.rect(x, top, width, height).fill('#ededed').fillColor('black');
    doc.rect(x, top, width, height).lineWidth(0.5).stroke('black');
    const inner = width - 2 * padX(size);
    const align = row.header ? 'center' : columns[i]!.align;
    const bold = row.bold ? { stroke: true, fill: true } : {};
    doc.lineWidth(size * 0.03);
    let y = top + (height - row.texts[i]!) / 2;
    for (const line of text.split('\n')) {
      doc.text(line, x + padX(size), y, { width: inner, align, ...bold });
      y = doc.y;
    }
    x += width;
  });
  doc.y = top + height;
}

interface Layout {
  width: number;
  size: number;
  widths: number[];
  header: Measured;
  rows: Measured[];
  /** the rows that are not the total */
  body: number;
}

/** A table's layout by table and width: the heading before a table asks for its first rows' height, then it is drawn. */
const layouts = new WeakMap<BulletinTable, Layout>();

function layout(doc: Doc, table: BulletinTable, area: TableArea): Layout {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const kept = layouts.get(table);
  if (kept && kept.width === width) return kept;
  const { size, widths } = fitColumns(doc, table, width, area);
  doc.font(FONT.serif).fontSize(size);
  const header = measure(doc, { cells: table.columns.map(headerText), header: true, shaded: true }, widths, size);
  // a name too long for its cell breaks between its words (通道侗族｜自治县), not wherever the line runs out
  const named = (cells: string[]) => cells.map((text, i) => {
    if (table.columns[i]?.align !== 'left' || text.includes('\n')) return text;
    const inner = widths[i]! - 2 * padX(size);
    return regionNameLines(text, (line) => doc.widthOfString(line) <= inner).join('\n');
  });
  const rows: Row[] = table.rows.map((row) => ({ cells: named(row.cells), bold: row.emphasis }));
  if (table.total) rows.push({ cells: named(table.total), bold: true });
  const made = { width, size, widths, header, rows: rows.map((row) => measure(doc, row, widths, size)), body: table.rows.length };
  layouts.set(table, made);
  return made;
}

/** A page never starts or ends a table with fewer body rows than this (nor holds a total row alone). */
const KEEP_ROWS = 2;

/** The height of the table's header and first rows: what must fit under a heading or a title on the same page. */
export function tableStartHeight(doc: Doc, table: BulletinTable, area: TableArea): number {
  const { header, rows, body } = layout(doc, table, area);
  return header.height + rows.slice(0, Math.min(KEEP_ROWS, body) || 1).reduce((sum, row) => sum + row.height, 0);
}

/**
 * A table of vector lines at the page's left margin: its header row repeated on every page it runs onto, a row
 * never split between pages, every column inside the page (the font shrinks, down to a floor, until they fit).
 * A page the table runs onto holds at least two body rows: a total row never stands alone under a repeated header.
 */
export function drawTable(doc: Doc, table: BulletinTable, area: TableArea): void {
  const { size, widths, header, rows, body } = layout(doc, table, area);
  doc.font(FONT.serif).fontSize(size);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  if (doc.y + tableStartHeight(doc, table, area) > bottom()) area.newPage();
  doc.font(FONT.serif).fontSize(size);
  drawRow(doc, header, table.columns, widths, size, doc.y);
  // the last rows that must share a page: two body rows and the total after them
  const tail = Math.max(0, Math.min(KEEP_ROWS, body) + (rows.length - body));
  let at = 0;
  while (at < rows.length) {
    // the rows that fit on this page, then where the page must end so that the next one is not a lone tail
    let end = at;
    for (let y = doc.y; end < rows.length && y + rows[end]!.height <= bottom(); end++) y += rows[end]!.height;
    if (end < rows.length && rows.length - end < tail) end = Math.max(at + 1, rows.length - tail);
    if (end === at) end = at + 1; // a row taller than a page: drawn anyway
    for (; at < end; at++) drawRow(doc, rows[at]!, table.columns, widths, size, doc.y);
    if (at < rows.length) {
      area.newPage();
      doc.font(FONT.serif).fontSize(size);
      drawRow(doc, header, table.columns, widths, size, doc.y);
    }
  }
  doc.x = doc.page.margins.left;
}
