import { addresseeLine, bulletinNumberLine, balanceTitle, bulletinTitleLines, titleEms, type BulletinAttachment, type BulletinBlock, type BulletinDocument } from '@dispatch/core';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { completionChartSvg } from './bulletin-pdf/chart-svg.ts';
import { BLOCK, BODY_CHARACTER_SPACING, BODY_SIZE, bulletinFonts, FONT, LINE_PITCH, landscapePage, MM, PORTRAIT_MARGINS } from './bulletin-pdf/page.ts';
import { setParagraph } from './bulletin-pdf/paragraph.ts';
import { drawTable, tableStartHeight, type TableArea } from './bulletin-pdf/table.ts';

type Doc = PDFKit.PDFDocument;

/** A heavier stroke for the title and bold cells: the one serif weight, filled and outlined (still text). */
const HEAVY = { fill: true, stroke: true } as const;

/** Body text options: 16 pt, 28 characters and 22 lines a page, indented two characters. */
function body(doc: Doc, font: string = FONT.serif) {
  doc.font(font).fontSize(BODY_SIZE).lineWidth(0.01);
  return { characterSpacing: BODY_CHARACTER_SPACING, lineGap: LINE_PITCH - doc.currentLineHeight(true), width: BLOCK.width };
}

function head(doc: Doc, bulletin: BulletinDocument): void {
  doc.font(FONT.serif).fontSize(22).lineWidth(0.6);
  const left = PORTRAIT_MARGINS.left;
  for (const line of bulletinTitleLines(bulletin.title)) doc.text(line, left, doc.y, { width: BLOCK.width, align: 'center', lineGap: 6, ...HEAVY });
  const number = bulletinNumberLine(bulletin);
  doc.moveDown(0.4);
  doc.text(number, left, doc.y, { ...body(doc), align: 'center' });
  doc.moveDown(1);
  doc.text(addresseeLine(bulletin.addressees), left, doc.y, body(doc));
}

function keepWithNext(doc: Doc, lines: number): void {
  if (doc.y + lines * LINE_PITCH > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

const CHART_HEIGHT = 70 * MM;
const BODY_TABLE = (newPage: () => void): TableArea => ({ maxSize: 12, minSize: 7, newPage });

/** A table's title over it: its height, from 6 pt above to the table's top. */
function tableTitleHeight(doc: Doc, title: string): number {
  doc.font(FONT.serif).fontSize(14);
  return 6 + doc.heightOfString(title, { width: BLOCK.width }) + 0.3 * doc.currentLineHeight(true);
}

/**
 * The height a block needs at the top of where it goes, so that what leads into it is not left at a page's foot:
 * a paragraph's first two lines, a table's title, header and first two rows, the chart, a heading's line and what
 * it leads into in turn.
 */
function leadHeight(doc: Doc, blocks: readonly BulletinBlock[], at: number, nextPortrait: () => void): number {
  const item = blocks[at];
  if (!item) return 0;
  switch (item.kind) {
    case 'heading':
      return LINE_PITCH + leadHeight(doc, blocks, at + 1, nextPortrait);
    case 'paragraph':
      return 2 * LINE_PITCH;
    case 'table':
      return tableTitleHeight(doc, item.table.title) + tableStartHeight(doc, item.table, BODY_TABLE(nextPortrait));
    case 'chart':
      return CHART_HEIGHT;
  }
}

/** The height of what follows the body: the list of attachments, then the issuer and the date (see close). */
const closeHeight = (listLines: number) => (listLines ? (listLines + 1) * LINE_PITCH : 0) + 4 * LINE_PITCH;

function block(doc: Doc, blocks: readonly BulletinBlock[], at: number, nextPortrait: () => void, listLines: number): void {
  const item = blocks[at]!;
  const left = PORTRAIT_MARGINS.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  switch (item.kind) {
    case 'heading': {
      // a heading is never a page's last line: it goes over with the first lines of what it heads
      if (doc.y + leadHeight(doc, blocks, at, nextPortrait) > bottom()) nextPortrait();
      const options = body(doc, item.level === 1 ? FONT.sans : FONT.serif);
      setParagraph(doc, item.text, { left, width: options.width, indent: 2 * BODY_SIZE, pitch: LINE_PITCH, characterSpacing: options.characterSpacing, justify: false, newPage: nextPortrait });
      return;
    }
    case 'paragraph': {
      keepWithNext(doc, 2);
      const options = body(doc);
      const keepWithEnd = at === blocks.length - 1 ? closeHeight(listLines) : undefined;
      setParagraph(doc, item.text, { left, width: options.width, indent: 2 * BODY_SIZE, pitch: LINE_PITCH, characterSpacing: options.characterSpacing, justify: true, newPage: nextPortrait, keepWithEnd });
      return;
    }
    case 'table':
      if (doc.y + leadHeight(doc, blocks, at, nextPortrait) > bottom()) nextPortrait();
      doc.font(FONT.serif).fontSize(14).lineWidth(0.3).text(item.table.title, left, doc.y + 6, { width: BLOCK.width, align: 'center', ...HEAVY });
      doc.moveDown(0.3);
      drawTable(doc, item.table, BODY_TABLE(nextPortrait));
      notes(doc, item.table.notes, nextPortrait);
      doc.y += LINE_PITCH / 2;
      return;
    case 'chart': {
      if (doc.y + CHART_HEIGHT > bottom()) nextPortrait();
      SVGtoPDF(doc, completionChartSvg(item.chart, BLOCK.width, CHART_HEIGHT), left, doc.y, { width: BLOCK.width, height: CHART_HEIGHT, assumePt: true, fontCallback: () => FONT.serif });
      doc.y += CHART_HEIGHT + LINE_PITCH / 3;
      doc.x = left;
      return;
    }
  }
}

function notes(doc: Doc, lines: string[] | undefined, newPage: () => void): void {
  if (!lines?.length) return;
  doc.font(FONT.serif).fontSize(10.5).lineWidth(0.01);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const text = lines.join('\n');
  if (doc.y + doc.heightOfString(text, { width }) + 4 > doc.page.height - doc.page.margins.bottom) newPage();
  doc.text(text, doc.page.margins.left, doc.y + 4, { width });
}

/** Where the attachments' titles start: after 「附件：」, two characters in. */
function attachmentListLeft(doc: Doc): number {
  const { characterSpacing } = body(doc);
  return PORTRAIT_MARGINS.left + 2 * BODY_SIZE + doc.widthOfString('附件：', { characterSpacing }) + characterSpacing;
}

/** The lines the list of attachments takes, a long title's second line counted: the list is kept on one page. */
function attachmentListLines(doc: Doc, bulletin: BulletinDocument): number {
  if (!bulletin.attachments.length) return 0;
  const { characterSpacing } = body(doc);
  const width = PORTRAIT_MARGINS.left + BLOCK.width - attachmentListLeft(doc);
  const line = doc.heightOfString('一', { width, characterSpacing });
  return bulletin.attachments.reduce((sum, item) => sum + Math.max(1, Math.round(doc.heightOfString(`${item.number}. ${item.title}`, { width, characterSpacing }) / line)), 0);
}

/**
 * 附件说明, then the issuer and the date: the date four characters in from the right, the issuer centred over it. The
 * list of attachments is never split between pages (「2. …」 alone at the top of one).
 */
function close(doc: Doc, bulletin: BulletinDocument): void {
  const left = PORTRAIT_MARGINS.left;
  if (bulletin.attachments.length) {
    keepWithNext(doc, attachmentListLines(doc, bulletin) + 1);
    doc.y += LINE_PITCH;
    // 「附件：」 two characters in, each title after it; a long title's next line under its first (GB/T 9704 §7.3.4)
    const options = body(doc);
    const top = doc.y;
    doc.text('附件：', left + 2 * BODY_SIZE, top, { lineBreak: false, characterSpacing: options.characterSpacing });
    doc.y = top;
    const from = attachmentListLeft(doc);
    for (const item of bulletin.attachments) {
      setParagraph(doc, `${item.number}. ${item.title}`, { left: from, width: left + BLOCK.width - from, indent: 0, pitch: LINE_PITCH, characterSpacing: options.characterSpacing, justify: false, newPage: () => doc.addPage() });
    }
  }
  keepWithNext(doc, 4);
  doc.y += 2 * LINE_PITCH;
  const options = body(doc);
  const dateWidth = doc.widthOfString(bulletin.dateText, { characterSpacing: options.characterSpacing });
  const dateLeft = left + BLOCK.width - 4 * BODY_SIZE - dateWidth;
  const issuerWidth = doc.widthOfString(bulletin.issuer, { characterSpacing: options.characterSpacing });
  const issuerLeft = Math.min(dateLeft + (dateWidth - issuerWidth) / 2, left + BLOCK.width - issuerWidth);
  const top = doc.y;
  doc.text(bulletin.issuer, issuerLeft, top, { ...options, width: undefined, lineBreak: false });
  doc.text(bulletin.dateText, dateLeft, top + LINE_PITCH, { ...options, width: undefined, lineBreak: false });
}

function attachment(doc: Doc, item: BulletinAttachment): void {
  const next = () => {
    const pageNumber = doc.bufferedPageRange().count + 1;
    if (item.orientation === 'portrait') doc.addPage({ size: 'A4', margins: PORTRAIT_MARGINS });
    else doc.addPage({ size: 'A4', layout: 'landscape', margins: landscapePage(pageNumber).margins });
  };
  next();
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font(FONT.sans).fontSize(BODY_SIZE).lineWidth(0.01).text(`附件${item.number}`, left, doc.page.margins.top, { width });
  doc.moveDown(0.5);
  doc.font(FONT.serif).fontSize(18).lineWidth(0.5);
  // a long title in balanced lines, words whole, a character's margin each side
  for (const line of balanceTitle(titleEms, item.title, Math.floor(width / 18) - 2)) doc.text(line, left, doc.y, { width, align: 'center', ...HEAVY });
  doc.moveDown(0.6);
  drawTable(doc, item.table, { maxSize: 12, minSize: 6.5, newPage: next });
  notes(doc, item.table.notes, next);
}

/** 「— 3 —」 under the 版心, odd pages right and even pages left, drawn in the portrait page's frame. */
function pageNumbers(doc: Doc, demo: boolean): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const number = i + 1;
    doc.page.margins.bottom = 0;
    doc.save();
    if (doc.page.width > doc.page.height) doc.transform(...landscapePage(number).toPortrait);
    doc.font(FONT.serif).fontSize(14).lineWidth(0.01);
    const text = `— ${number} —`;
    const width = doc.widthOfString(text);
    const y = PORTRAIT_MARGINS.top + BLOCK.height + 7 * MM;
    const x = number % 2 === 1 ? PORTRAIT_MARGINS.left + BLOCK.width - 14 - width : PORTRAIT_MARGINS.left + 14;
    doc.text(text, x, y, { lineBreak: false });
    if (demo) doc.font(FONT.sans).fontSize(9).fillColor('#777').text('演示数据', PORTRAIT_MARGINS.left + BLOCK.width - 40, PORTRAIT_MARGINS.top - 30, { width: 40, align: 'right', lineBreak: false }).fillColor('black');
    doc.restore();
  }
}

/**
 * The bulletin as a PDF in the spirit of GB/T 9704-2012: A4, the standard's margins, title, body size and page
 * numbers, vector tables and chart, selectable text in the fonts committed under data/fonts/. The same document
 * gives the same bytes: the PDF's dates are the document's date.
 */
export function renderBulletinPdf(bulletin: BulletinDocument): Promise<Buffer> {
  const date = new Date(`${bulletin.date}T00:00:00+08:00`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: PORTRAIT_MARGINS,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: bulletin.title, Author: bulletin.issuer, Creator: 'Dispatch', CreationDate: date, ModDate: date },
  });
  const fonts = bulletinFonts();
  doc.registerFont(FONT.serif, fonts.serif as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont(FONT.sans, fonts.sans as unknown as PDFKit.Mixins.PDFFontSource);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  head(doc, bulletin);
  const nextPortrait = () => doc.addPage();
  const listLines = attachmentListLines(doc, bulletin);
  bulletin.body.forEach((_, at) => block(doc, bulletin.body, at, nextPortrait, listLines));
  close(doc, bulletin);
  for (const item of bulletin.attachments) attachment(doc, item);
  pageNumbers(doc, bulletin.demo);
  doc.end();
  return done;
}
