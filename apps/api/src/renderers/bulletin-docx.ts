import { addresseeLine, bulletinNumberLine, balanceTitle, bulletinTitleLines, titleEms, type BulletinAttachment, type BulletinBlock, type BulletinChart, type BulletinDocument, type BulletinTable } from '@dispatch/core';
import { AlignmentType, Document, ImageRun, LineRuleType, Packer, Paragraph, TextRun, type IRunOptions } from 'docx';
import { CHART_POINTS, completionChartPng } from './bulletin-docx/chart.ts';
import { BODY_SIZE, FACE, INDENT, LINE, mm, sectionPage, TEXT_WIDTH } from './bulletin-docx/page.ts';
import { bulletinTable } from './bulletin-docx/table.ts';
import { fixZipDates } from './fixed-dates.ts';

type Face = keyof typeof FACE;
const spacing = { line: LINE, lineRule: LineRuleType.EXACT };

/** A paragraph of body-sized text on the 22-line grid; `indent`: the two characters of a paragraph's first line. */
function text(value: string, options: { face?: Face; indent?: boolean; align?: 'left' | 'center' | 'right' | 'both'; run?: Partial<IRunOptions>; right?: number; keepNext?: boolean } = {}) {
  const { face = 'body', indent = false, align = 'both', run = {}, right, keepNext } = options;
  return new Paragraph({
    ...(keepNext ? { keepNext: true, keepLines: true } : {}),
    alignment: { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.BOTH }[align],
    spacing,
    indent: { ...(indent ? { firstLine: INDENT, firstLineChars: 200 } : {}), ...(right ? { right } : {}) },
    children: [new TextRun({ text: value, size: BODY_SIZE, font: FACE[face], ...run })],
  });
}

const blank = () => text('');

function head(bulletin: BulletinDocument): Paragraph[] {
  // the lines the PDF and the preview break the title into
  const lines = bulletinTitleLines(bulletin.title);
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 720, lineRule: LineRuleType.EXACT },
    children: lines.map((line, i) => new TextRun({ text: line, size: 44, bold: true, font: FACE.title, break: i > 0 ? 1 : undefined })),
  });
  const number = bulletinNumberLine(bulletin);
  return [title, text(number, { align: 'center' }), blank(), text(addresseeLine(bulletin.addressees), { align: 'left' })];
}

/** A table in the body: its title bold and centred, the table in 五号 (10.5 pt), its notes under it. */
function tableBlocks(table: BulletinTable, width: number, size: number) {
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 60 }, children: [new TextRun({ text: table.title, size: 28, bold: true, font: FACE.title })] }),
    bulletinTable(table, width, size),
    ...(table.notes ?? []).map((note) => new Paragraph({ spacing: { before: 60 }, children: [new TextRun({ text: note, size: 21, font: FACE.body })] })),
  ];
}

/**
 * The chart as the PDF draws it, as a picture the width of the text (156 × 70 mm), centred on its own line. Its id
 * is fixed (docx counts pictures per process), so that the same document gives the same bytes; a bulletin has one.
 */
function chartPicture(chart: BulletinChart): Paragraph {
  // docx sizes a picture in pixels at 96 dpi
  const px = (points: number) => Math.round((points * 96) / 72);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 120 },
    children: [new ImageRun({ type: 'png', data: completionChartPng(chart), transformation: { width: px(CHART_POINTS.width), height: px(CHART_POINTS.height) }, altText: { id: '1', name: chart.title, title: chart.title, description: `${chart.title}：各地完成比例与时序进度（${chart.timeLine}%）` } })],
  });
}

/** A block of the body; the last, a paragraph, keeps with the close after it (the issuer never alone on a page). */
function block(item: BulletinBlock, at: number, blocks: readonly BulletinBlock[]) {
  switch (item.kind) {
    case 'heading':
      // a heading stays on the page of what it heads
      return [text(item.text, { face: item.level === 1 ? 'heading1' : 'heading2', indent: true, align: 'left', keepNext: true })];
    case 'paragraph':
      return [text(item.text, { indent: true, keepNext: at === blocks.length - 1 })];
    case 'table':
      return tableBlocks(item.table, TEXT_WIDTH, 21);
    case 'chart':
      return [chartPicture(item.chart)];
  }
}

/** 附件说明, then the issuer centred over the date, the date four characters in from the right. */
function close(bulletin: BulletinDocument): Paragraph[] {
  // 「附件：」 two characters in; a long title's next line under its first (a hanging indent of the three characters);
  // the list kept together on one page and with the issuer and the date under it (no 「2. …」 alone at the top of the
  // next page, no issuer alone either)
  const list = bulletin.attachments.map((a, i) => new Paragraph({
    alignment: AlignmentType.LEFT, spacing, indent: { left: INDENT + 3 * 320, hanging: 3 * 320 }, keepLines: true, keepNext: true,
    children: [new TextRun({ text: `${i === 0 ? '附件：' : '　　　'}${a.number}. ${a.title}`, size: BODY_SIZE, font: FACE.body })],
  }));
  // widths in characters of 16 pt (320 twips): digits are half a character
  const width = (t: string) => [...t].reduce((sum, ch) => sum + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1), 0);
  const dateRight = 4 * 320;
  const issuerRight = Math.max(0, dateRight + ((width(bulletin.dateText) - width(bulletin.issuer)) / 2) * 320);
  return [
    ...(list.length ? [text('', { keepNext: true }), ...list] : []), text('', { keepNext: true }), text('', { keepNext: true }),
    text(bulletin.issuer, { align: 'right', right: Math.round(issuerRight), keepNext: true }),
    text(bulletin.dateText, { align: 'right', right: dateRight }),
  ];
}

/** An attachment on its own pages: 「附件1」 at the top left in 黑体, its title, the table (landscape if it says so). */
function attachment(item: BulletinAttachment, demo: boolean) {
  const landscape = item.orientation === 'landscape';
  const width = mm(landscape ? 225 : 156);
  return {
    ...sectionPage(item.orientation, demo),
    children: [
      text(`附件${item.number}`, { face: 'heading1', align: 'left' }),
      // the title in the PDF's lines: 18 pt in the text's width, a character's margin each side
      new Paragraph({
        alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 },
        children: balanceTitle(titleEms, item.title, Math.floor((landscape ? 225 : 156) * 72 / 25.4 / 18) - 2).map((line, i) => new TextRun({ text: line, size: 36, bold: true, font: FACE.title, break: i > 0 ? 1 : undefined })),
      }),
      ...tableBlocks({ ...item.table, title: '' }, width, landscape ? 18 : 21).slice(1),
    ],
  };
}

/**
 * The bulletin as a Word document, for editing: the PDF's content with real tables (the header row repeated on
 * each page), each attachment a section of its own (landscape where it says), page numbers 「— n —」 in the
 * footer, odd right and even left, A4 with the GB/T 9704 margins. The same document gives the same bytes.
 */
export async function renderBulletinDocx(bulletin: BulletinDocument): Promise<Buffer> {
  const date = new Date(`${bulletin.date}T00:00:00+08:00`);
  const doc = new Document({
    title: bulletin.title,
    creator: bulletin.issuer,
    lastModifiedBy: bulletin.issuer,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: FACE.body, size: BODY_SIZE } } } },
    sections: [
      { ...sectionPage('portrait', bulletin.demo), children: [...head(bulletin), ...bulletin.body.flatMap((item, at) => block(item, at, bulletin.body)), ...close(bulletin)] },
      ...bulletin.attachments.map((item) => attachment(item, bulletin.demo)),
    ],
  });
  return fixZipDates(await Packer.toBuffer(doc), date);
}
